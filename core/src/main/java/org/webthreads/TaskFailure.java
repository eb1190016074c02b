package org.webthreads;

/**
 * What a failed task leaves for whoever joins it: the class name and message of what it threw, taken
 * so that nothing the exception does can hurt the thread that caught it, and bounded so that it always
 * fits in shared memory.
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

  TaskFailure(String className, String message, int hops) {
    this.className = className;
    this.message = message;
    this.hops = hops;
  }

  /** The failure of a task that threw {@code thrown}; never throws itself. */
  static TaskFailure of(Throwable thrown) {
    if (thrown instanceof TaskFailedException) {
      TaskFailedException joined = (TaskFailedException) thrown;
      // Already bounded when it was built; one more task boundary crossed.
      return new TaskFailure(joined.remoteClassName(), joined.remoteMessage(), saturatedIncrement(joined.hops()));
    }
    return new TaskFailure(thrown.getClass().getName(), bounded(messageOf(thrown)), 0);
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
