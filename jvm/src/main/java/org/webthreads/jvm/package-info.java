/**
 * The JVM platform: {@link org.webthreads.jvm.JvmThreads} (worker threads with ids 1..N, each serving
 * one pool at a time, with an inbox that emulates the browser's JS tasks) and
 * {@link org.webthreads.jvm.JvmSharedWords} (shared words over an {@code int[]} through a VarHandle,
 * with a futex emulation that never wakes spuriously, so that tests of wake-ups really test them, and
 * {@code waitAsync}, the JVM's {@code Atomics.waitAsync}); {@link org.webthreads.jvm.JvmFutures} (a
 * {@code TaskFuture} as a {@code CompletableFuture}, a pool as an {@code Executor}).
 */
package org.webthreads.jvm;
