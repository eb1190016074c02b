package org.webthreads;

/**
 * A task threw: thrown by {@link TaskFuture#join()} on the joining thread. The original exception lived
 * on another thread (in the browser, another Java heap), so what arrives is its class name and message.
 */
public final class TaskFailedException extends RuntimeException {
  private final String remoteClassName;
  private final String remoteMessage;

  public TaskFailedException(String taskName, String remoteClassName, String remoteMessage) {
    super("task '" + taskName + "' failed with " + remoteClassName
        + (remoteMessage == null ? "" : ": " + remoteMessage));
    this.remoteClassName = remoteClassName;
    this.remoteMessage = remoteMessage;
  }

  /** Fully qualified class name of the exception the task threw. */
  public String remoteClassName() {
    return remoteClassName;
  }

  /** Its message (may be null). */
  public String remoteMessage() {
    return remoteMessage;
  }
}
