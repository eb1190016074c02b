/**
 * How values cross threads (and, in the browser, Java heaps): {@link org.webthreads.codec.ValueCodec}
 * writes a tagged stream of words ({@link org.webthreads.codec.ValueTag}),
 * {@link org.webthreads.codec.ValueReader} reads it back, naming the task and position of a value read
 * as the wrong type. Shared arrays travel as references
 * ({@link org.webthreads.codec.SharedArrayReference}), never copied. Depends only on {@code memory}.
 */
package org.webthreads.codec;
