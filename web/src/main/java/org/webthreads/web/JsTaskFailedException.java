package org.webthreads.web;

/**
 * A JS task did not produce a result: its handler threw (the error's class and message are kept), its
 * kind is unknown on the target, its result could not be cloned, or the target worker failed.
 */
public final class JsTaskFailedException extends RuntimeException {
  /** The JS task kind's name. */
  private final String kindName;
  /** The thread the task was sent to. */
  private final int threadId;
  /** Class name of the error. */
  private final String errorClass;

  JsTaskFailedException(String kindName, int threadId, String errorClass, String message) {
    super("JS task '" + kindName + "' on thread " + threadId + " failed: " + errorClass + ": " + message);
    this.kindName = kindName;
    this.threadId = threadId;
    this.errorClass = errorClass;
  }

  /**
   * The name of the failed task's kind.
   *
   * @return the kind's name
   */
  public String kindName() {
    return kindName;
  }

  /**
   * The thread the task was sent to.
   *
   * @return the thread id
   */
  public int threadId() {
    return threadId;
  }

  /**
   * Class name of the error the handler threw (or the runtime's error, e.g. DataCloneError).
   *
   * @return the error's class name
   */
  public String errorClass() {
    return errorClass;
  }
}
