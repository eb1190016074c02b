package org.webthreads.check;

import org.webthreads.LoopExit;
import org.webthreads.Platform;
import org.webthreads.PoolConfig;
import org.webthreads.PoolControl;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Counts the shared-word operations (in the browser: Atomics calls) per task on the dispatch paths. It
 * runs on one thread, so the counts are exact and repeatable:
 * <ul>
 *   <li>submitFromOutside: {@code execute} of a no-op task by a thread outside the pool;
 *   <li>runFromSharedQueue: a worker taking such a task from the shared queue and running it;
 *   <li>spawnAndRunInPool: a task on a pool thread spawning a no-op task, plus running it;
 *   <li>forkJoinInPool: recursive fork/join (fib) on a pool thread, per task forked and joined; and
 *       the same with private forks off ({@link PoolConfig#withPrivateForks}).
 * </ul>
 * Prints one JSON line per shared-queue implementation as the browser runs it (every thread its own
 * heap: results go through the slot), and one more as the JVM runs it (one heap: the thread that ends
 * a task completes its future; {@code submitAndJoinFromOutside} counts a submit and join from outside,
 * where the difference shows).
 */
public final class DispatchCostCount {
  private static final int TASKS = 10_000;
  private static int remaining;
  private static CountingWords counter;

  static final TaskKind<Void> COUNTDOWN = TaskKind.register("count.countdown", (args, pool) -> {
    if (--remaining == 0) {
      PoolControl.of(pool).requestYield(1); // makes the loop return once the last task has run
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

  private static int forks;

  static final TaskKind<Long> FIB = TaskKind.register("count.fib",
      (args, pool) -> fib(args.readInt(), pool));

  /** Forks fib(n - 1), computes fib(n - 2) itself, joins. */
  static long fib(int n, ThreadPool pool) {
    if (n < 2) {
      return n;
    }
    forks++;
    org.webthreads.TaskFuture<Long> left = pool.submit(FIB, n - 1);
    long right = fib(n - 2, pool);
    return left.join() + right;
  }

  static final TaskKind<Long> FIB_ROOT = TaskKind.register("count.fibRoot", (args, pool) -> {
    int n = args.readInt();
    counter.reset();
    forks = 0;
    long value = fib(n, pool);
    PoolControl.of(pool).requestYield(1);
    return value;
  });

  private DispatchCostCount() {
  }

  public static String run(PoolConfig.QueueKind queueKind) {
    return run(queueKind, false);
  }

  /** @param sharedHeap count as the JVM runs the pool (one heap) instead of as the browser does */
  public static String run(PoolConfig.QueueKind queueKind, boolean sharedHeap) {
    return "{\"queue\":\"" + queueKind + "\",\"heaps\":\"" + (sharedHeap ? "one (JVM)" : "separate (browser)")
        + "\"," + countDispatch(queueKind, sharedHeap)
        + ",\"submitAndJoinFromOutside\":" + round(countSubmitJoin(queueKind, sharedHeap))
        + ",\"forkJoinInPool\":" + round(countForkJoin(queueKind, true, sharedHeap))
        + ",\"forkJoinInPoolWithoutPrivateForks\":" + round(countForkJoin(queueKind, false, sharedHeap))
        + "}";
  }

  /**
   * Shared-word operations per task for a submit of a no-op task with a future from outside the pool,
   * the task's run, and its join once done (harvest and slot release included).
   */
  private static double countSubmitJoin(PoolConfig.QueueKind queueKind, boolean sharedHeap) {
    CountingWords words = new CountingWords(new SingleThreadWords(1 << 22));
    counter = words;
    Platform platform = new SingleThreadPlatform(words, !sharedHeap, sharedHeap);
    ThreadPool pool = ThreadPool.create(platform, PoolConfig.defaults().withQueue(queueKind), 1);
    double perTask = 0;
    org.webthreads.TaskFuture<?>[] futures = new org.webthreads.TaskFuture<?>[TASKS];
    for (int round = 0; round < 2; round++) { // the first round warms the slot caches
      remaining = TASKS;
      words.reset();
      for (int i = 0; i < TASKS; i++) {
        futures[i] = pool.submit(COUNTDOWN);
      }
      expectYield(PoolControl.of(pool).runWorker(1));
      PoolControl.of(pool).yieldServed(1);
      for (int i = 0; i < TASKS; i++) {
        futures[i].join();
      }
      perTask = (double) words.operations() / TASKS;
    }
    return perTask;
  }

  /** Shared-word operations per task forked and joined by fib(20) on a one-thread pool. */
  private static double countForkJoin(PoolConfig.QueueKind queueKind, boolean privateForks,
      boolean sharedHeap) {
    CountingWords words = new CountingWords(new SingleThreadWords(1 << 22));
    counter = words;
    Platform platform = new SingleThreadPlatform(words, !sharedHeap, sharedHeap);
    ThreadPool pool = ThreadPool.create(platform,
        PoolConfig.defaults().withQueue(queueKind).withPrivateForks(privateForks), 1);
    double perTask = 0;
    for (int round = 0; round < 2; round++) { // the first round warms the slot caches
      pool.execute(FIB_ROOT, 20);
      expectYield(PoolControl.of(pool).runWorker(1));
      perTask = (double) words.operations() / forks;
      PoolControl.of(pool).yieldServed(1);
    }
    return perTask;
  }

  private static String countDispatch(PoolConfig.QueueKind queueKind, boolean sharedHeap) {
    CountingWords words = new CountingWords(new SingleThreadWords(1 << 22));
    counter = words;
    // Browser: the outside thread is the page's main thread (long-lived, it caches slots); JVM: any
    // thread, which may end (it caches none).
    Platform platform = new SingleThreadPlatform(words, !sharedHeap, sharedHeap);
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
      expectYield(PoolControl.of(pool).runWorker(1));
      perTask[1] = (double) words.operations() / TASKS;
      PoolControl.of(pool).yieldServed(1);

      remaining = TASKS;
      pool.execute(SPAWNER, TASKS);
      expectYield(PoolControl.of(pool).runWorker(1));
      perTask[2] = (double) words.operations() / TASKS;
      PoolControl.of(pool).yieldServed(1);
    }
    return "\"submitFromOutside\":" + round(perTask[0])
        + ",\"runFromSharedQueue\":" + round(perTask[1])
        + ",\"spawnAndRunInPool\":" + round(perTask[2]);
  }

  private static void expectYield(LoopExit exit) {
    if (exit != LoopExit.YIELD) {
      throw new IllegalStateException("expected the loop to return for the yield request: " + exit);
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  public static void main(String[] args) {
    System.out.println(run(PoolConfig.QueueKind.LOCK_FREE, false));
    System.out.println(run(PoolConfig.QueueKind.LOCKED, false));
    System.out.println(run(PoolConfig.QueueKind.LOCK_FREE, true));
    System.out.println(run(PoolConfig.QueueKind.LOCKED, true));
  }
}
