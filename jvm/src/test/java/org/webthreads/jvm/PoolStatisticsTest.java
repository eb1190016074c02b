package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.PoolConfig;
import org.webthreads.PoolStatistics;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.WorkerStatistics;

/**
 * ThreadPool.statistics(): every task run is counted exactly once, steals and sleeps are counted, queued
 * tasks are seen, and snapshots taken while the pool works never block, throw or go backwards; on one
 * heap (counters read from the loops) and on separate heaps (counters published in shared memory).
 * Waits are for conditions (joins, termination, counts), never for time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoolStatisticsTest {
  static final TaskKind<Integer> NOOP = TaskKind.register("PoolStatisticsTest.noop", (args, pool) -> 0);

  /** Argument: depth. Forks two children of depth - 1 and joins them; returns the tasks in the tree. */
  static final TaskKind<Integer> TREE = TaskKind.register("PoolStatisticsTest.tree", (args, pool) -> {
    int depth = args.readInt();
    if (depth == 0) {
      return 1;
    }
    TaskFuture<Integer> left = pool.submit(PoolStatisticsTest.TREE, depth - 1);
    TaskFuture<Integer> right = pool.submit(PoolStatisticsTest.TREE, depth - 1);
    return 1 + left.join() + right.join();
  });

  /** Argument: counter. Adds one to element 0 and wakes its waiters. */
  static final TaskKind<Integer> COUNT = TaskKind.register("PoolStatisticsTest.count", (args, pool) -> {
    SharedIntArray counter = args.readSharedIntArray();
    counter.getAndAdd(0, 1);
    counter.notifyWaiters(0);
    return 0;
  });

  /**
   * Arguments: counter, n. Submits n COUNT tasks to its own ring and blocks, without helping, until
   * they all ran: only another thread can run them, and it can only get them by stealing.
   */
  static final TaskKind<Integer> SPAWN_AND_BLOCK = TaskKind.register("PoolStatisticsTest.spawnAndBlock",
      (args, pool) -> {
        SharedIntArray counter = args.readSharedIntArray();
        int n = args.readInt();
        for (int i = 0; i < n; i++) {
          pool.execute(PoolStatisticsTest.COUNT, counter);
        }
        int seen;
        while ((seen = counter.get(0)) < n) {
          counter.awaitChange(0, seen);
        }
        return 0;
      });

  /** Arguments: started, gate. Counts itself in started (and wakes its waiters), then waits for the gate. */
  static final TaskKind<Integer> ANNOUNCE_AND_WAIT = TaskKind.register("PoolStatisticsTest.announceAndWait",
      (args, pool) -> {
        SharedIntArray started = args.readSharedIntArray();
        SharedIntArray gate = args.readSharedIntArray();
        started.getAndAdd(0, 1);
        started.notifyWaiters(0);
        while (gate.get(0) == 0) {
          gate.awaitChange(0, 0);
        }
        return 0;
      });

  private static ThreadPool newPool(JvmThreads threads, PoolConfig config) {
    return ThreadPool.create(threads, config, threads.workerIds());
  }

  private static void terminate(ThreadPool pool) {
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "pool did not terminate");
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void everyTaskRunIsCountedOnce(Heaps heaps) {
    try (JvmThreads threads = heaps.start(3)) {
      ThreadPool pool = newPool(threads, PoolConfig.defaults());
      int outside = 3000;
      List<TaskFuture<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < outside; i++) {
        futures.add(pool.submit(NOOP));
      }
      int treeTasks = pool.submit(TREE, 10).join();
      assertEquals(2047, treeTasks);
      for (TaskFuture<Integer> future : futures) {
        future.join();
      }
      terminate(pool); // quiescence: every thread left the pool, and published its counts on leaving
      PoolStatistics statistics = pool.statistics();
      assertEquals(outside + treeTasks, statistics.tasksRun(), statistics.toString());
      long perWorker = 0;
      for (int k = 0; k < statistics.workerCount(); k++) {
        WorkerStatistics worker = statistics.worker(k);
        assertEquals(pool.threadIds()[k], worker.threadId());
        assertEquals(0, worker.tasksQueued());
        perWorker += worker.tasksRun();
      }
      assertEquals(statistics.tasksRun(), perWorker);
      assertEquals(0, statistics.tasksQueued());
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void tasksTakenFromAnotherRingCountAsStolen(Heaps heaps) {
    try (JvmThreads threads = heaps.start(2)) {
      // Without private forks a pool thread's submit goes straight to its ring, where the other
      // thread can only steal it.
      ThreadPool pool = newPool(threads, PoolConfig.defaults().withPrivateForks(false));
      SharedIntArray counter = pool.newSharedIntArray(1);
      int children = 40;
      pool.submit(SPAWN_AND_BLOCK, counter, children).join();
      terminate(pool);
      PoolStatistics statistics = pool.statistics();
      assertEquals(children, statistics.tasksStolen(), statistics.toString());
      assertEquals(children + 1, statistics.tasksRun(), statistics.toString());
      // One thread ran the spawner and stole nothing; the other stole and ran every child.
      WorkerStatistics first = statistics.worker(0);
      WorkerStatistics second = statistics.worker(1);
      WorkerStatistics thief = first.tasksStolen() > 0 ? first : second;
      WorkerStatistics spawner = thief == first ? second : first;
      assertEquals(children, thief.tasksStolen());
      assertEquals(children, thief.tasksRun());
      assertEquals(0, spawner.tasksStolen());
      assertEquals(1, spawner.tasksRun());
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void parkedGrowsWhenIdle(Heaps heaps) {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = newPool(threads, PoolConfig.defaults());
      // A new pool has nothing to do: each thread parks (and publishes before it does).
      awaitParkedAtLeast(pool, 0, 1);
      awaitParkedAtLeast(pool, 1, 1);
      long before = pool.statistics().timesParked();
      for (int round = 0; round < 3; round++) {
        pool.submit(NOOP).join();
      }
      // Woken for each task, each thread that took one parks again once it is idle.
      awaitTotalParkedAbove(pool, before);
      // Counts are exact once the pool has terminated: before that, the thread that ran the last task
      // may not have published yet (the park seen above may be the other thread's).
      terminate(pool);
      assertEquals(3, pool.statistics().tasksRun());
    }
  }

  private static void awaitParkedAtLeast(ThreadPool pool, int worker, long count) {
    while (pool.statistics().worker(worker).timesParked() < count) {
      Thread.onSpinWait(); // a condition wait: the test's timeout is the only bound
    }
  }

  private static void awaitTotalParkedAbove(ThreadPool pool, long count) {
    while (pool.statistics().timesParked() <= count) {
      Thread.onSpinWait();
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void queuedTasksAreSeenWhileTheWorkerIsBusy(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = newPool(threads, PoolConfig.defaults());
      SharedIntArray gate = pool.newSharedIntArray(1);
      SharedIntArray started = pool.newSharedIntArray(1);
      TaskFuture<Integer> gated = pool.submit(GatedTask.KIND, gate);
      // The only thread runs the gated task; make sure it took it before queueing more.
      TaskFuture<Integer> marker = pool.submit(COUNT, started);
      List<TaskFuture<Integer>> queued = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        queued.add(pool.submit(NOOP));
      }
      PoolStatistics busy = pool.statistics();
      // The gated task is running (or still queued): the marker and the 25 are queued behind it.
      assertTrue(busy.tasksQueued() >= 26 && busy.tasksQueued() <= 27, busy.toString());
      assertEquals(busy.tasksQueued(), busy.sharedQueueLength() + busy.worker(0).tasksQueued());
      GatedTask.open(gate, 1);
      gated.join();
      marker.join();
      for (TaskFuture<Integer> future : queued) {
        future.join();
      }
      terminate(pool);
      PoolStatistics after = pool.statistics();
      assertEquals(0, after.tasksQueued());
      assertEquals(27, after.tasksRun());
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void snapshotsDuringARunNeitherBlockNorGoBackwards(Heaps heaps) throws Exception {
    try (JvmThreads threads = heaps.start(3)) {
      ThreadPool pool = newPool(threads, PoolConfig.defaults());
      AtomicReference<Throwable> failure = new AtomicReference<>();
      int[] snapshots = new int[1];
      Thread reader = new Thread(() -> {
        long[] last = new long[3 * pool.threadCount()];
        try {
          while (!pool.isTerminated()) {
            PoolStatistics statistics = pool.statistics();
            snapshots[0]++;
            for (int k = 0; k < statistics.workerCount(); k++) {
              WorkerStatistics worker = statistics.worker(k);
              long[] now = {worker.tasksRun(), worker.tasksStolen(), worker.timesParked()};
              for (int c = 0; c < 3; c++) {
                if (now[c] < last[3 * k + c]) {
                  throw new AssertionError("count " + c + " of worker " + k + " went back from "
                      + last[3 * k + c] + " to " + now[c]);
                }
                last[3 * k + c] = now[c];
              }
              if (worker.tasksQueued() < 0) {
                throw new AssertionError("negative queue length " + worker.tasksQueued());
              }
            }
          }
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      reader.start();
      int total = 0;
      for (int round = 0; round < 20; round++) {
        List<TaskFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          futures.add(pool.submit(NOOP));
        }
        total += pool.submit(TREE, 8).join() + futures.size();
        for (TaskFuture<Integer> future : futures) {
          future.join();
        }
      }
      terminate(pool);
      reader.join();
      if (failure.get() != null) {
        throw new AssertionError("a snapshot failed", failure.get());
      }
      assertTrue(snapshots[0] > 0);
      assertEquals(total, pool.statistics().tasksRun());
    }
  }

  /**
   * A busy thread that never parks publishes at its next task boundary after a snapshot asked for it:
   * the one thread runs five tasks and a gated one, and goes from that straight into another gated one
   * (queued before the first opened), so it does not park in between; the snapshot taken while the
   * second one runs sees all six.
   */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aSnapshotGetsCountsPublishedAtTheNextTaskBoundary(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = newPool(threads, PoolConfig.defaults());
      SharedIntArray firstGate = pool.newSharedIntArray(1);
      SharedIntArray secondGate = pool.newSharedIntArray(1);
      SharedIntArray started = pool.newSharedIntArray(1);
      for (int i = 0; i < 5; i++) {
        pool.execute(NOOP);
      }
      TaskFuture<Integer> first = pool.submit(ANNOUNCE_AND_WAIT, started, firstGate);
      TaskFuture<Integer> second = pool.submit(ANNOUNCE_AND_WAIT, started, secondGate);
      awaitStarted(started, 1);
      PoolStatistics duringFirst = pool.statistics(); // asks for a publish at the next boundary
      GatedTask.open(firstGate, 1);
      first.join();
      awaitStarted(started, 2);
      PoolStatistics duringSecond = pool.statistics();
      GatedTask.open(secondGate, 1); // before asserting: a failure must not leave the thread blocked
      second.join();
      assertTrue(duringFirst.tasksRun() <= 5, duringFirst.toString());
      assertEquals(6, duringSecond.tasksRun(), duringSecond.toString());
      terminate(pool);
      assertEquals(7, pool.statistics().tasksRun());
    }
  }

  private static void awaitStarted(SharedIntArray started, int count) {
    int seen;
    while ((seen = started.get(0)) < count) {
      started.awaitChange(0, seen);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aWorkerIndexOutsideThePoolIsRefused(Heaps heaps) {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = newPool(threads, PoolConfig.defaults());
      PoolStatistics statistics = pool.statistics();
      IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> statistics.worker(2));
      assertTrue(e.getMessage().contains("workerCount()"), e.getMessage());
      terminate(pool);
    }
  }
}
