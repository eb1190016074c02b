package org.webthreads.web;

/**
 * A JS task did not produce a result: its handler threw (the error's class and message are kept), its
 * kind is unknown on the target, its result could not be cloned, or the target worker failed.
 */
public final class JsTaskFailedException extends RuntimeException {
  private final String kindName;
  private final int threadId;
  private final String errorClass;

  JsTaskFailedException(String kindName, int threadId, String errorClass, String message) {
    super("JS task '" + kindName + "' on thread " + threadId + " failed: " + errorClass + ": " + message);
    this.kindName = kindName;
    this.threadId = threadId;
    this.errorClass = errorClass;
  }

  public String kindName() {
    return kindName;
  }

  /** The thread the task was sent to. */
  public int threadId() {
    return threadId;
  }

  /** Class name of the error the handler threw (or the runtime's error, e.g. DataCloneError). */
  public String errorClass() {
    return errorClass;
  }
}
