package org.webthreads.scheduler;

/**
 * The pool-wide queue of task ids (the design's "shared deque"): tasks submitted from threads outside
 * the pool, and the overflow of full local rings. First in, first out.
 *
 * <p>Its capacity is at least the pool's number of task slots. Every queued id is a distinct live slot,
 * so the queue can never fill; a push that finds it full is a broken invariant, not back-pressure.
 *
 * <p>Two implementations sit behind this interface: {@link LockedSharedQueue} (a futex mutex in shared
 * memory) and {@link LockFreeSharedQueue} (per-cell sequence numbers). Both are model-checked.
 */
public interface SharedQueue {
  /** Returned by {@link #pop} when the queue is empty. Task ids are never 0. */
  int EMPTY = 0;

  /**
   * Returned by {@link #pop} when the oldest cell was claimed by a producer that has not yet written it.
   * That producer will finish its push and then run the wake-up check, so a consumer that sees BUSY
   * may go on (to stealing, or to sleep) without losing the task.
   */
  int BUSY = -1;

  void push(int task);

  /** Pushes {@code tasks[0..count)} in order. */
  void pushBatch(int[] tasks, int count);

  /** Removes and returns the oldest task, or {@link #EMPTY}, or {@link #BUSY}. */
  int pop();

  /** One-shot emptiness check without claiming anything (for the re-check before sleeping). */
  boolean isEmpty();

  int capacity();

  /**
   * How many tasks the queue holds, read without claiming anything (for statistics): two loads that
   * other threads may move in between, so it is exact only while nobody pushes or pops.
   */
  int approximateSize();
}
