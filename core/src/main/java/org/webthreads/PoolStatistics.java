package org.webthreads;

import org.webthreads.scheduler.PoolLayout;

/**
 * A snapshot of a pool's activity, per thread ({@link WorkerStatistics}) and summed, taken by
 * {@link ThreadPool#statistics()} without stopping or slowing the pool. The counts of different
 * threads are not taken at one instant, and each may lag behind (see {@link ThreadPool#statistics()});
 * they only ever grow between snapshots.
 */
public final class PoolStatistics {
  private final WorkerStatistics[] workers;
  private final int sharedQueueLength;

  private PoolStatistics(WorkerStatistics[] workers, int sharedQueueLength) {
    this.workers = workers;
    this.sharedQueueLength = sharedQueueLength;
  }

  /**
   * Reads the counters: on one heap (the JVM) straight from each thread's loop, else from what each
   * thread published in shared memory ({@link StatisticsWords}). Reads only; nothing waits.
   */
  static PoolStatistics take(Pool pool) {
    PoolShared shared = pool.shared;
    PoolLayout layout = shared.layout;
    WorkerStatistics[] workers = new WorkerStatistics[layout.threadCount];
    for (int k = 0; k < workers.length; k++) {
      WorkerLoop loop = pool.threads.loopAt(k);
      long run;
      long stolen;
      long parked;
      if (loop != null && pool.completeFuturesDirectly) {
        // Plain fields another thread writes: each read gives a value the thread stored (at most
        // as old as the last time that thread's writes reached this one).
        run = loop.runner.tasksRun;
        stolen = loop.tasksStolen;
        parked = loop.timesParked;
      } else {
        long[] counts = StatisticsWords.read(shared.words, layout.statisticsIndex(k));
        run = counts[0];
        stolen = counts[1];
        parked = counts[2];
        requestPublish(shared, k);
      }
      workers[k] = new WorkerStatistics(shared.threadIds[k], run, stolen, parked, shared.rings[k].size());
    }
    return new PoolStatistics(workers, shared.queue.approximateSize());
  }

  /**
   * Asks pool thread {@code k} to publish its counters at its next task boundary, for the next
   * snapshot: sets {@link PoolLayout#STATISTICS_REQUESTED} in its signal word unless it is set. A CAS,
   * so that two readers never set it twice and no concurrent change of the word (yield requests, run
   * state) is lost; it pairs with the loop's load of the word before every task and its clearing add.
   * A failed CAS is left alone: the word changed, and the next snapshot asks again.
   */
  private static void requestPublish(PoolShared shared, int k) {
    int signalIndex = shared.layout.signalIndex(k);
    int signal = shared.words.load(signalIndex);
    if ((signal & PoolLayout.STATISTICS_REQUESTED) == 0) {
      shared.words.compareAndSet(signalIndex, signal, signal | PoolLayout.STATISTICS_REQUESTED);
    }
  }

  /**
   * The pool's number of threads.
   *
   * @return the thread count
   */
  public int workerCount() {
    return workers.length;
  }

  /**
   * The counters of the pool thread at position {@code index} (pool order, as ThreadPool.threadIds).
   *
   * @param index from 0 to {@code workerCount() - 1}
   * @return that thread's counters
   */
  public WorkerStatistics worker(int index) {
    if (index < 0 || index >= workers.length) {
      throw new IndexOutOfBoundsException("worker " + index + " of a pool of " + workers.length
          + " threads: use 0 .. workerCount() - 1");
    }
    return workers[index];
  }

  /**
   * Tasks in the pool's shared queue (submitted from outside, or overflowing a ring).
   *
   * @return the shared queue's length at the moment of the call
   */
  public int sharedQueueLength() {
    return sharedQueueLength;
  }

  /**
   * The sum of {@link WorkerStatistics#tasksRun()} over the threads.
   *
   * @return tasks run by all threads
   */
  public long tasksRun() {
    long sum = 0;
    for (WorkerStatistics worker : workers) {
      sum += worker.tasksRun();
    }
    return sum;
  }

  /**
   * The sum of {@link WorkerStatistics#tasksStolen()} over the threads.
   *
   * @return tasks stolen by all threads
   */
  public long tasksStolen() {
    long sum = 0;
    for (WorkerStatistics worker : workers) {
      sum += worker.tasksStolen();
    }
    return sum;
  }

  /**
   * The sum of {@link WorkerStatistics#timesParked()} over the threads.
   *
   * @return times any thread parked
   */
  public long timesParked() {
    long sum = 0;
    for (WorkerStatistics worker : workers) {
      sum += worker.timesParked();
    }
    return sum;
  }

  /**
   * Tasks waiting to run: every thread's ring plus the shared queue.
   *
   * @return tasks queued now
   */
  public long tasksQueued() {
    long sum = sharedQueueLength;
    for (WorkerStatistics worker : workers) {
      sum += worker.tasksQueued();
    }
    return sum;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("run ").append(tasksRun()).append(", stolen ").append(tasksStolen())
        .append(", parked ").append(timesParked()).append(", queued ").append(tasksQueued())
        .append(" (shared queue ").append(sharedQueueLength).append(')');
    for (WorkerStatistics worker : workers) {
      text.append("; ").append(worker);
    }
    return text.toString();
  }
}
