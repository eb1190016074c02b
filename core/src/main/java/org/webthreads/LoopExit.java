package org.webthreads;

/** Why a pool thread's scheduler loop ({@link PoolControl#runWorker}) returned to its platform. */
public enum LoopExit {
  /**
   * A yield was requested for this thread ({@link PoolControl#requestYield}): do what was asked (in the
   * browser, run the JS tasks that arrived), mark each request served, then enter the loop again.
   */
  YIELD,
  /** The pool was shut down and this thread has left it for good. */
  SHUTDOWN
}
