package org.webthreads;

/**
 * A failed task's stack trace as text, for the thread that joins it on another heap (the browser, or
 * the JVM's emulation of separate heaps), where the exception object cannot go. The text is the
 * frames ({@code "\tat ..."} lines) and the chain of causes ({@code "Caused by: ..."} lines), without the
 * first line (class and message travel on their own); at most {@link #MAX_CHARS} characters, so that
 * it always fits in shared memory next to the bounded message.
 */
final class StackTraceText {
  /** Longest stack text carried: some 40 frames of a typical trace. */
  static final int MAX_CHARS = 4000;
  /** Causes followed at most (a cause chain may loop). */
  private static final int MAX_CAUSES = 8;

  private StackTraceText() {
  }

  /**
   * The frames and causes of {@code thrown}, bounded; never throws (a broken {@code getStackTrace} or
   * {@code toString} is reported in the text).
   */
  static String of(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    try {
      Throwable current = thrown;
      for (int depth = 0; current != null && depth <= MAX_CAUSES && text.length() <= MAX_CHARS; depth++) {
        if (depth > 0) {
          text.append("Caused by: ").append(TaskFailure.describe(current)).append('\n');
        }
        StackTraceElement[] frames = current.getStackTrace();
        for (int i = 0; frames != null && i < frames.length && text.length() <= MAX_CHARS; i++) {
          text.append("\tat ").append(frames[i]).append('\n');
        }
        Throwable cause = current.getCause();
        current = cause == current ? null : cause;
      }
    } catch (Throwable broken) {
      text.append("\t(reading the stack trace threw ").append(broken.getClass().getName()).append(")\n");
    }
    return bounded(text.toString());
  }

  /**
   * Text built past {@link #MAX_CHARS} (there was more) is cut after its last whole line within the
   * bound and says so.
   */
  static String bounded(String text) {
    if (text == null || text.length() <= MAX_CHARS) {
      return text;
    }
    int end = text.lastIndexOf('\n', MAX_CHARS - 1) + 1; // 0 when one line is longer than the bound
    return text.substring(0, end == 0 ? MAX_CHARS : end) + (end == 0 ? "\n" : "")
        + "\t... (cut at " + MAX_CHARS + " characters)\n";
  }
}
