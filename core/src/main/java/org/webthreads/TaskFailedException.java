package org.webthreads;

/**
 * A task threw: thrown by {@link TaskFuture#join()} on the joining thread. The original exception lived
 * on another thread (in the browser, another Java heap), so what arrives is its class name and message.
 *
 * <p>When the task failed because a task it joined failed (and so on, down a fork/join tree), this is
 * the innermost failure, the one that was really thrown, with {@link #hops()} counting the joins it
 * passed through on its way up; the message stays as short as the original's.
 */
public final class TaskFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String remoteClassName;
  private final String remoteMessage;
  private final int hops;

  public TaskFailedException(String taskName, String remoteClassName, String remoteMessage) {
    this(taskName, remoteClassName, remoteMessage, 0);
  }

  /**
   * @param hops how many joins the failure passed through before reaching task {@code taskName}: 0
   *     when that task threw it itself
   */
  public TaskFailedException(String taskName, String remoteClassName, String remoteMessage, int hops) {
    super("task '" + taskName + "' failed with " + remoteClassName
        + (remoteMessage == null ? "" : ": " + remoteMessage)
        + (hops == 0 ? "" : " (thrown by a task " + hops + (hops == 1 ? " join" : " joins")
            + " below it)"));
    this.remoteClassName = remoteClassName;
    this.remoteMessage = remoteMessage;
    this.hops = hops;
  }

  /** Fully qualified class name of the exception the task (or the innermost failed task) threw. */
  public String remoteClassName() {
    return remoteClassName;
  }

  /** Its message (may be null; cut after {@link TaskFailure#MAX_MESSAGE_CHARS} characters). */
  public String remoteMessage() {
    return remoteMessage;
  }

  /** How many joins the failure passed through before this task: 0 when this task threw it. */
  public int hops() {
    return hops;
  }
}
