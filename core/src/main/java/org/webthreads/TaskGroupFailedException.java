package org.webthreads;

/**
 * Thrown by {@link TaskGroup#join()} when tasks of the group failed: names the first failure (its
 * class name and message, as the failing task's thread recorded them in shared memory) and how many
 * tasks failed, were skipped (the first failure cancels the tasks not yet started) and completed.
 */
public final class TaskGroupFailedException extends RuntimeException {
  /** Tasks whose body threw. */
  private final int failed;
  /** Tasks never started. */
  private final int skipped;
  /** Tasks whose body returned. */
  private final int completed;
  /** The first failure's class name. */
  private final String firstFailureClassName;
  /** The first failure's message, or null. */
  private final String firstFailureMessage;

  TaskGroupFailedException(int failed, int skipped, int completed, String className, String message) {
    super(failed + (failed == 1 ? " task" : " tasks") + " of the group failed, " + skipped
        + " skipped (never started), " + completed + " completed; the first failure: " + className
        + (message == null ? "" : ": " + message));
    this.failed = failed;
    this.skipped = skipped;
    this.completed = completed;
    this.firstFailureClassName = className;
    this.firstFailureMessage = message;
  }

  /**
   * Tasks whose body threw.
   *
   * @return the failed count, at least 1
   */
  public int failed() {
    return failed;
  }

  /**
   * Tasks never started because the group was cancelled (by the first failure or by cancel()).
   *
   * @return the skipped count
   */
  public int skipped() {
    return skipped;
  }

  /**
   * Tasks whose body returned.
   *
   * @return the completed count
   */
  public int completed() {
    return completed;
  }

  /**
   * The class name of what the first failing task threw.
   *
   * @return the class name
   */
  public String firstFailureClassName() {
    return firstFailureClassName;
  }

  /**
   * Its message (cut to fit the group's record), or null.
   *
   * @return the message, or null
   */
  public String firstFailureMessage() {
    return firstFailureMessage;
  }
}
