package org.webthreads;

/**
 * A task's body was on a pool thread's stack when that stack was lost, so the task never finished.
 * Either an error that Java code cannot catch unwound the stack (in the browser a JavaScript error
 * thrown through the WebAssembly frames, above all the {@code RangeError} of a stack overflow; the
 * thread then serves its pool again), or the thread stopped for good (a browser worker terminated, or
 * failed outside its pool loop; see {@link PoolControl#workerLost}). Every task with a future on that
 * stack fails with this exception, so that no caller waits forever.
 */
public final class TaskAbandonedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * The failure of a task whose thread's stack was unwound by an error Java cannot catch.
   *
   * @param threadId the pool thread whose stack was lost
   * @param cause what unwound it, as text
   */
  public TaskAbandonedException(int threadId, String cause) {
    super("thread " + threadId + "'s stack was unwound by an error Java cannot catch (" + cause
        + ") while this task was on it; the tasks on that stack failed and the thread serves its pool "
        + "again. The usual cause is a stack overflow: keep recursion in tasks within a few hundred "
        + "levels (a worker's stack is small).");
  }

  /**
   * The message of a task lost with a thread that stopped for good: one that ran on it, or (when
   * {@code queued}) one still queued when the pool's last thread stopped.
   */
  static String threadLostMessage(int threadId, boolean terminated, boolean queued) {
    String stopped = terminated ? " was terminated" : " failed with an error outside its pool loop (the "
        + "platform's failure report names it) and was stopped";
    return queued
        ? "this task was still queued when thread " + threadId + ", the pool's last thread," + stopped
            + ", so it never ran; the pool accepts no more tasks"
        : "thread " + threadId + stopped + " while this task ran on it, so the task never finished";
  }
}
