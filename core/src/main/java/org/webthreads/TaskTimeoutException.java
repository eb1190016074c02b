package org.webthreads;

import java.util.concurrent.TimeUnit;

/**
 * A timed join ({@link TaskFuture#join(long, TimeUnit)}) gave up: the task had not finished within the
 * time given. The task goes on unless the caller cancels it ({@link TaskFuture#cancel()}).
 */
public final class TaskTimeoutException extends RuntimeException {
  /** The name of the task's kind. */
  private final String kindName;

  /**
   * A join of a task of kind {@code kindName} that gave up after {@code timeout}.
   *
   * @param kindName the name of the task's kind
   * @param timeout how long the join waited
   * @param unit the unit of {@code timeout}
   */
  public TaskTimeoutException(String kindName, long timeout, TimeUnit unit) {
    super("task '" + kindName + "' did not finish within " + timeout + " " + unit.toString().toLowerCase()
        + "; it goes on unless you cancel() it");
    this.kindName = kindName;
  }

  /**
   * The name of the task's kind.
   *
   * @return the kind's name
   */
  public String kindName() {
    return kindName;
  }
}
