package org.webthreads;

/**
 * What a failed task leaves for whoever joins it: the class name and message of what it threw, taken
 * so that nothing the exception does can hurt the thread that caught it, and bounded so that it always
 * fits in shared memory; on one heap also the exception itself, and across heaps its stack trace as
 * text ({@link StackTraceText}, rendered only when the failure is written into a slot).
 *
 * <ul>
 *   <li>{@code getMessage()} runs user code and may throw: then the message says so, and the class name
 *       still arrives.
 *   <li>A task that throws the {@link TaskFailedException} of a task it joined passes on the innermost
 *       failure (class and message) with one more hop, rather than a message that nests the child's:
 *       a chain of 100,000 failed joins would otherwise carry a message of millions of characters.
 *   <li>Messages longer than {@link #MAX_MESSAGE_CHARS} are cut, saying how much was left out.
 * </ul>
 */
final class TaskFailure {
  /** Longest message carried: enough for any real message, small enough for any arena. */
  static final int MAX_MESSAGE_CHARS = 2000;

  final String className;
  /** May be null (the exception had no message). */
  final String message;
  /** How many joins the failure passed through before this task: 0 when this task threw it itself. */
  final int hops;
  /** The exception the (innermost) task threw, where it lives on this heap; else null. */
  final Throwable thrown;
  /** Its stack text as it arrived from another heap ({@link StackTraceText}); null when not carried. */
  final String stackText;

  TaskFailure(String className, String message, int hops) {
    this(className, message, hops, null, null);
  }

  TaskFailure(String className, String message, int hops, Throwable thrown, String stackText) {
    this.className = className;
    this.message = message;
    this.hops = hops;
    this.thrown = thrown;
    this.stackText = stackText;
  }

  /** The stack text to carry to another heap: as it arrived, or rendered from the exception here. */
  String stackTextToCarry() {
    if (stackText != null) {
      return stackText;
    }
    return thrown == null ? null : StackTraceText.of(thrown);
  }

  /** The failure of a task that threw {@code thrown}; never throws itself. */
  static TaskFailure of(Throwable thrown) {
    if (thrown instanceof TaskFailedException) {
      TaskFailedException joined = (TaskFailedException) thrown;
      // Already bounded when it was built; one more task boundary crossed.
      // Its cause: the innermost exception itself (one heap), or its trace as text (another heap).
      Throwable cause = joined.getCause();
      return new TaskFailure(joined.remoteClassName(), joined.remoteMessage(), saturatedIncrement(joined.hops()),
          cause instanceof RemoteStackTrace ? null : cause, joined.arrivedFrames());
    }
    return new TaskFailure(thrown.getClass().getName(), bounded(messageOf(thrown)), 0, thrown, null);
  }

  /** The message of {@code thrown}, or a note saying that asking for it threw. */
  static String messageOf(Throwable thrown) {
    try {
      return thrown.getMessage();
    } catch (Throwable broken) {
      return "(its getMessage() threw " + broken.getClass().getName() + ")";
    }
  }

  /** {@code "ClassName: message"} of {@code thrown}, safely (for reports of tasks nobody joins). */
  static String describe(Throwable thrown) {
    String message = bounded(messageOf(thrown));
    return thrown.getClass().getName() + (message == null ? "" : ": " + message);
  }

  static String bounded(String message) {
    if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_CHARS) + "... (" + (message.length() - MAX_MESSAGE_CHARS)
        + " more characters)";
  }

  private static int saturatedIncrement(int hops) {
    return hops == Integer.MAX_VALUE ? hops : hops + 1;
  }
}
