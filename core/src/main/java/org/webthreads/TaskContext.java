package org.webthreads;

/**
 * What a running task of a typed kind ({@link TaskKind0} .. {@link TaskKind4}) can reach besides its
 * arguments: the pool it runs on, to submit and join further tasks. Valid only while the task runs.
 */
public interface TaskContext {
  /** The pool this task runs on. */
  ThreadPool pool();
}
