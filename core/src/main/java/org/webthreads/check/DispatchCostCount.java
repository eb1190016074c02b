package org.webthreads.check;

import org.webthreads.LoopExit;
import org.webthreads.Platform;
import org.webthreads.PoolConfig;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Counts the shared-word operations (in the browser: Atomics calls) per task on the dispatch paths. It
 * runs on one thread, so the counts are exact and repeatable:
 * <ul>
 *   <li>submitFromOutside: {@code execute} of a no-op task by a thread outside the pool;
 *   <li>runFromSharedQueue: a worker taking such a task from the shared queue and running it;
 *   <li>spawnAndRunInPool: a task on a pool thread spawning a no-op task, plus running it.
 * </ul>
 * Prints one JSON line per shared-queue implementation.
 */
public final class DispatchCostCount {
  private static final int TASKS = 10_000;
  private static int remaining;
  private static CountingWords counter;

  static final TaskKind<Void> COUNTDOWN = TaskKind.register("count.countdown", (args, pool) -> {
    if (--remaining == 0) {
      pool.signalJsPending(1); // makes the loop return once the last task has run
    }
    return null;
  });
  static final TaskKind<Void> SPAWNER = TaskKind.register("count.spawner", (args, pool) -> {
    int n = args.readInt();
    counter.reset();
    for (int i = 0; i < n; i++) {
      pool.execute(DispatchCostCount.COUNTDOWN);
    }
    return null;
  });

  private DispatchCostCount() {
  }

  public static String run(PoolConfig.QueueKind queueKind) {
    CountingWords words = new CountingWords(new SingleThreadWords(1 << 22));
    counter = words;
    Platform platform = new SingleThreadPlatform(words, true /* models the browser main thread */);
    ThreadPool pool = ThreadPool.create(platform, PoolConfig.defaults().withQueue(queueKind), 1);
    double[] perTask = new double[3];
    for (int round = 0; round < 2; round++) { // the first round warms the slot caches
      remaining = TASKS;
      words.reset();
      for (int i = 0; i < TASKS; i++) {
        pool.execute(COUNTDOWN);
      }
      perTask[0] = (double) words.operations() / TASKS;
      words.reset();
      expectJsExit(pool.runWorker(1));
      perTask[1] = (double) words.operations() / TASKS;
      pool.jsTaskDone(1);

      remaining = TASKS;
      pool.execute(SPAWNER, TASKS);
      expectJsExit(pool.runWorker(1));
      perTask[2] = (double) words.operations() / TASKS;
      pool.jsTaskDone(1);
    }
    return "{\"queue\":\"" + queueKind + "\",\"submitFromOutside\":" + round(perTask[0])
        + ",\"runFromSharedQueue\":" + round(perTask[1])
        + ",\"spawnAndRunInPool\":" + round(perTask[2]) + "}";
  }

  private static void expectJsExit(LoopExit exit) {
    if (exit != LoopExit.JS_PENDING) {
      throw new IllegalStateException("expected the loop to return for the JS-pending signal: " + exit);
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  public static void main(String[] args) {
    System.out.println(run(PoolConfig.QueueKind.LOCK_FREE));
    System.out.println(run(PoolConfig.QueueKind.LOCKED));
  }
}
