package org.webthreads;

/**
 * A task's body was on a pool thread's stack when an error that Java code cannot catch unwound that
 * stack: in the browser a JavaScript error thrown through the WebAssembly frames, above all the
 * {@code RangeError} of a stack overflow. Every task on that stack fails with this exception (so no
 * caller waits forever), and the thread goes on serving its pool.
 */
public final class TaskAbandonedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskAbandonedException(int threadId, String cause) {
    super("thread " + threadId + "'s stack was unwound by an error Java cannot catch (" + cause
        + ") while this task was on it; the tasks on that stack failed and the thread serves its pool "
        + "again. The usual cause is a stack overflow: keep recursion in tasks within a few hundred "
        + "levels (a worker's stack is small).");
  }
}
