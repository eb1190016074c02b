package org.webthreads;

/** Why a worker's scheduler loop returned to its caller. */
public enum LoopExit {
  /** The thread's JS-pending counter is above zero: run the JS tasks, then enter the loop again. */
  JS_PENDING,
  /** The pool was shut down and this thread has left it for good. */
  SHUTDOWN
}
