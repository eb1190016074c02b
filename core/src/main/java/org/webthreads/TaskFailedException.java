package org.webthreads;

/**
 * A task threw: thrown by {@link TaskFuture#join()} on the joining thread. What always arrives is the
 * original exception's class name and message ({@link #remoteClassName()}, {@link #remoteMessage()}).
 * Where the task ran on the joining thread's heap (the JVM), {@link #getCause()} is the very exception
 * it threw, with its stack trace; where it ran on another heap (a browser worker), the exception stayed
 * there and its stack trace arrives as text: {@link #remoteStackTrace()}, and the cause is a
 * {@link RemoteStackTrace} that {@code printStackTrace()} prints.
 *
 * <p>When the task failed because a task it joined failed (and so on, down a fork/join tree), this is
 * the innermost failure, the one that was really thrown, with {@link #hops()} counting the joins it
 * passed through on its way up; the message stays as short as the original's, and the cause (or the
 * stack text) is the innermost one's.
 */
public final class TaskFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Fully qualified class name of the exception thrown. */
  private final String remoteClassName;
  /** Its message, or null. */
  private final String remoteMessage;
  /** Joins the failure passed through. */
  private final int hops;
  /** The frames as text, when the failure came from another heap; else null. */
  private final String remoteFrames;

  /**
   * A failure of task {@code taskName} that happened in that task itself (no hops), without a stack trace:
   * for
   * code that rebuilds a failure it received as text (the library makes the ones {@code join} throws).
   *
   * @param taskName the failed task's kind name
   * @param remoteClassName the class name of what the task threw
   * @param remoteMessage its message, or null
   */
  public TaskFailedException(String taskName, String remoteClassName, String remoteMessage) {
    this(taskName, remoteClassName, remoteMessage, 0);
  }

  /**
   * A failure of task {@code taskName} that came up through {@code hops} joins, without a stack trace.
   *
   * @param taskName the failed task's kind name
   * @param remoteClassName the class name of what the innermost task threw
   * @param remoteMessage its message, or null
   * @param hops how many joins the failure passed through before reaching task {@code taskName}: 0
   *     when that task threw it itself
   */
  public TaskFailedException(String taskName, String remoteClassName, String remoteMessage, int hops) {
    super(message(taskName, remoteClassName, remoteMessage, hops));
    this.remoteClassName = remoteClassName;
    this.remoteMessage = remoteMessage;
    this.hops = hops;
    this.remoteFrames = null;
  }

  /** The failure of task {@code taskName} as its future holds it. */
  TaskFailedException(String taskName, TaskFailure failure) {
    super(message(taskName, failure.className, failure.message, failure.hops), causeOf(failure));
    this.remoteClassName = failure.className;
    this.remoteMessage = failure.message;
    this.hops = failure.hops;
    this.remoteFrames = failure.thrown == null ? failure.stackText : null;
  }

  private static String message(String taskName, String remoteClassName, String remoteMessage, int hops) {
    return "task '" + taskName + "' failed with " + remoteClassName
        + (remoteMessage == null ? "" : ": " + remoteMessage)
        + (hops == 0 ? "" : " (thrown by a task " + hops + (hops == 1 ? " join" : " joins")
            + " below it)");
  }

  private static Throwable causeOf(TaskFailure failure) {
    if (failure.thrown != null) {
      return failure.thrown;
    }
    return failure.stackText == null ? null
        : new RemoteStackTrace(header(failure.className, failure.message) + failure.stackText);
  }

  private static String header(String className, String message) {
    return className + (message == null ? "" : ": " + message) + "\n";
  }

  /**
   * Fully qualified class name of the exception the task (or the innermost failed task) threw.
   *
   * @return the class name
   */
  public String remoteClassName() {
    return remoteClassName;
  }

  /**
   * Its message (may be null; cut after {@link TaskFailure#MAX_MESSAGE_CHARS} characters).
   *
   * @return the message, or null
   */
  public String remoteMessage() {
    return remoteMessage;
  }

  /**
   * How many joins the failure passed through before this task: 0 when this task threw it.
   *
   * @return the number of joins, 0 or more
   */
  public int hops() {
    return hops;
  }

  /**
   * The stack trace of what the (innermost) task threw, as text: {@code "ClassName: message"}, then
   * {@code "\tat ..."} lines and {@code "Caused by: ..."} lines, at most some 4,000 characters of frames.
   * From the exception itself on one heap, as it arrived from another heap; null when there is none
   * (a failure made by the pool, such as a lost worker's, or an exception built by hand).
   *
   * @return the trace as text, or null
   */
  public String remoteStackTrace() {
    String frames = remoteFrames();
    return frames == null ? null : header(remoteClassName, remoteMessage) + frames;
  }

  /** The frames text as it arrived from another heap, or null (what passes on through a join). */
  String arrivedFrames() {
    return remoteFrames;
  }

  /** The frames part of {@link #remoteStackTrace()}, or null. */
  private String remoteFrames() {
    if (remoteFrames != null) {
      return remoteFrames;
    }
    Throwable cause = getCause();
    return cause == null || cause instanceof RemoteStackTrace ? null : StackTraceText.of(cause);
  }
}
