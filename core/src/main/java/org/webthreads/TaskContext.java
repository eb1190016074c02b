package org.webthreads;

/**
 * What a running task of a typed kind ({@link TaskKind0} .. {@link TaskKind4}) can reach besides its
 * arguments: the pool it runs on, to submit and join further tasks, and whether it should stop early.
 * Valid only while the task runs.
 */
public interface TaskContext {
  /**
   * The pool this task runs on.
   *
   * @return the pool: submit and join further tasks through it
   */
  ThreadPool pool();

  /**
   * Whether the task was cancelled while it runs ({@link TaskFuture#cancel()}) or the pool was shut
   * down with {@link ThreadPool#shutdownNow()}: a long task checks it in its loop and returns early.
   *
   * @return true when the task should stop
   */
  boolean isCancelled();
}
