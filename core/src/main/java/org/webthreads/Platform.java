package org.webthreads;

import org.webthreads.memory.SharedRegion;

/**
 * What a {@link ThreadPool} needs from the place it runs: worker threads, shared memory, and a way to
 * make a worker run the pool's scheduler loop (through the pool's {@link PoolControl}). The JVM and the
 * browser each implement it.
 */
public interface Platform {
  /**
   * Ids of the worker threads this platform started (never 0, the main thread).
   *
   * @return the ids, in the order the platform started them
   */
  int[] workerIds();

  /**
   * Allocates {@code words} zeroed shared words for a pool.
   *
   * @param words how many 32-bit words
   * @return the region, all zeros
   */
  SharedRegion allocate(int words);

  /**
   * Makes each of {@code threadIds} run {@link PoolControl#runWorker(int)} for {@code pool}, and run it
   * again whenever it returns {@link LoopExit#YIELD}, once what the yield was for is done.
   *
   * @param pool the pool the threads serve
   * @param threadIds worker ids of this platform
   * @throws IllegalArgumentException when a thread already serves another pool that is not terminated
   * @throws IllegalStateException when the platform can start no more pools (closed)
   */
  void startWorkers(PoolControl pool, int[] threadIds);

  /**
   * Whether threads outside the pool live as long as the program (the browser's main thread), so that
   * they may cache free task slots. On the JVM any thread may submit and then end: return false.
   *
   * @return true where outside threads live as long as the program
   */
  default boolean outsideThreadsAreLongLived() {
    return false;
  }

  /**
   * Whether every thread runs in one Java heap (the JVM), so that the thread that ends a task can
   * complete the submitter's future object itself: no result goes through shared memory and a dropped
   * future holds no task slot. Where every thread has its own heap (the browser's workers) return
   * false: results then go through the task slot, and the thread that holds a future harvests it.
   *
   * @return true where all threads share one heap
   */
  default boolean threadsShareOneHeap() {
    return false;
  }

  /**
   * Whether a Java object may be used by more than one thread (any JVM, also where the pool is told the
   * heaps are separate): the pool's futures then change state atomically. Where each thread has a heap
   * of its own (the browser's workers), return false.
   *
   * @return false where each thread has a heap of its own
   */
  default boolean javaObjectsCrossThreads() {
    return true;
  }
}
