/**
 * Shared memory and what lives directly on it: {@link org.webthreads.memory.SharedWords} (the 32-bit
 * words every thread shares, with load, store, release store, compare-and-set, get-and-add, and a futex
 * wait/notify), {@link org.webthreads.memory.SharedRegion} (a platform's allocation),
 * {@link org.webthreads.memory.FutexMutex}, {@link org.webthreads.memory.SequenceLock} (64-bit values
 * in two words, read and written indivisibly), {@link org.webthreads.memory.Arena} (blocks for large
 * arguments, results and shared arrays), {@link org.webthreads.memory.ArrayWords} (words private to one
 * thread, same interface), and {@link org.webthreads.memory.CacheLinePadding}.
 *
 * <p>This package depends on nothing else of webthreads. Method names give the memory order: plain
 * Java names ({@code load}, {@code store}) are sequentially consistent, {@code storeRelease} is a
 * release store; a comment at each use says what publishes it.
 *
 * <p><b>Internal:</b> used only by webthreads itself (core, jvm, web) and left out of the published
 * API reference; it may change without notice. Users program against {@code org.webthreads}.
 */
package org.webthreads.memory;
