package org.webthreads;

/**
 * One pool thread's counters in a {@link PoolStatistics} snapshot. Run, stolen and parked are
 * cumulative since the pool was created; queued is what the thread's ring held when the snapshot was
 * taken. How fresh each count is: see {@link ThreadPool#statistics()}.
 */
public final class WorkerStatistics {
  private final int threadId;
  private final long tasksRun;
  private final long tasksStolen;
  private final long timesParked;
  private final int tasksQueued;

  WorkerStatistics(int threadId, long tasksRun, long tasksStolen, long timesParked, int tasksQueued) {
    this.threadId = threadId;
    this.tasksRun = tasksRun;
    this.tasksStolen = tasksStolen;
    this.timesParked = timesParked;
    this.tasksQueued = tasksQueued;
  }

  /**
   * The platform's id of this pool thread.
   *
   * @return the thread id
   */
  public int threadId() {
    return threadId;
  }

  /**
   * Task bodies this thread ran (whoever submitted them; cancelled tasks do not count).
   *
   * @return the tasks run
   */
  public long tasksRun() {
    return tasksRun;
  }

  /**
   * Tasks this thread took from other threads' rings (a steal takes up to half a ring: all count).
   *
   * @return the tasks stolen
   */
  public long tasksStolen() {
    return tasksStolen;
  }

  /**
   * Times this thread went to sleep for lack of work.
   *
   * @return the times parked
   */
  public long timesParked() {
    return timesParked;
  }

  /**
   * Tasks in this thread's ring when the snapshot was taken (its private forks not included).
   *
   * @return the tasks queued in its ring
   */
  public int tasksQueued() {
    return tasksQueued;
  }

  @Override
  public String toString() {
    return "thread " + threadId + ": run " + tasksRun + ", stolen " + tasksStolen + ", parked " + timesParked
        + ", queued " + tasksQueued;
  }
}
