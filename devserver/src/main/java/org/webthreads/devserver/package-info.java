/**
 * {@link org.webthreads.devserver.IsolatedFileServer}: a static file server (JDK only) that sends the
 * cross-origin isolation headers a webthreads page needs, for development, tests and benchmarks.
 */
package org.webthreads.devserver;
