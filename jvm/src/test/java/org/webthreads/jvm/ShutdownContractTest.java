package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.CommonTaskKinds.COUNTED;
import static org.webthreads.jvm.CommonTaskKinds.ECHO;
import static org.webthreads.jvm.CommonTaskKinds.GATED;
import static org.webthreads.jvm.CommonTaskKinds.countedRuns;
import static org.webthreads.jvm.CommonTaskKinds.gate;
import static org.webthreads.jvm.CommonTaskKinds.gateReached;
import static org.webthreads.jvm.TestAssertions.assertMessageContains;
import static org.webthreads.jvm.TestAssertions.assertThrowsWith;
import static org.webthreads.jvm.TestAssertions.joinWithin;
import static org.webthreads.jvm.TestAssertions.small;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.PoolConfig;
import org.webthreads.PoolShutdownException;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * shutdown() refuses new outside work and runs what it accepted; shutdownNow() cancels what has
 * not started, counts it, and loses nothing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownContractTest {
  /** After the gate, forks a child and joins it: allowed even once the pool is shut down. */
  static final TaskKind<Integer> GATED_PARENT = TaskKind.register("ShutdownContractTest.gatedParent",
      (args, pool) -> {
        int value = args.readInt();
        StressSupport.await(gate, "the test opening the gate");
        return pool.submit(ECHO, value).join() + 1;
      });

  static volatile CountDownLatch blockersStarted = new CountDownLatch(0);
  static volatile CountDownLatch blockersSpawned = new CountDownLatch(0);

  /**
   * Waits until every blocker runs (so no pool thread is free to steal), forks children into its own
   * ring, then blocks until the gate opens.
   */
  static final TaskKind<Integer> BLOCKER = TaskKind.register("ShutdownContractTest.blocker", (args, pool) -> {
    int children = args.readInt();
    blockersStarted.countDown();
    StressSupport.await(blockersStarted, "all blockers running");
    for (int i = 0; i < children; i++) {
      pool.execute(COUNTED);
    }
    blockersSpawned.countDown();
    StressSupport.await(gate, "the test opening the gate");
    return 1;
  });

  /** A small fork/join tree: 2^depth leaves, each counted; returns the number of leaves. */
  static final TaskKind<Integer> NEST = TaskKind.register("ShutdownContractTest.nest", (args, pool) -> {
    int depth = args.readInt();
    if (depth == 0) {
      countedRuns.incrementAndGet();
      return 1;
    }
    TaskFuture<Integer> left = pool.submit(ShutdownContractTest.NEST, depth - 1);
    int right = pool.submit(ShutdownContractTest.NEST, depth - 1).join();
    return left.join() + right;
  });


  @Test
  void submitAfterShutdownIsRejectedAndEarlierTasksStillComplete() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    gate = new CountDownLatch(1);
    gateReached = new CountDownLatch(2);
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      futures.add(pool.submit(GATED, i));
    }
    TaskFuture<Integer> parent = pool.submit(GATED_PARENT, 41);
    StressSupport.await(gateReached, "both pool threads blocked at the gate");
    pool.shutdown();
    assertTrue(pool.isShutdown());
    assertFalse(pool.isTerminated(), "queued tasks are still to run");

    PoolShutdownException rejected = assertThrowsWith(PoolShutdownException.class,
        () -> pool.submit(ECHO, 1), "'CommonTaskKinds.echo'", "shut down", "accepts no new tasks",
        "still run", "create a new ThreadPool");
    assertInstanceOf(IllegalStateException.class, rejected);
    assertThrowsWith(PoolShutdownException.class, () -> pool.execute(COUNTED), "shut down");

    gate.countDown();
    for (int i = 0; i < futures.size(); i++) {
      assertEquals(i, joinWithin(futures.get(i)), "task submitted before shutdown()");
    }
    assertEquals(42, joinWithin(parent), "a task forking after shutdown()");
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    assertTrue(pool.isTerminated());
    StressSupport.closeQuietly(threads);
  }

  @Test
  void shutdownNowCancelsQueuedTasksAndCountsThem() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    countedRuns.set(0);
    gate = new CountDownLatch(1);
    blockersStarted = new CountDownLatch(2);
    blockersSpawned = new CountDownLatch(2);
    int inRings = 10;
    TaskFuture<Integer> blockerA = pool.submit(BLOCKER, inRings);
    TaskFuture<Integer> blockerB = pool.submit(BLOCKER, inRings);
    StressSupport.await(blockersSpawned, "both blockers running with children in their rings");
    // Both pool threads are blocked in user code: nothing below can start.
    int queuedWithFutures = 400;
    int queuedDetached = 100;
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < queuedWithFutures; i++) {
      futures.add(pool.submit(COUNTED));
      if (i < queuedDetached) {
        pool.execute(COUNTED);
      }
    }
    int cancelled = pool.shutdownNow();
    assertEquals(queuedWithFutures + queuedDetached + 2 * inRings, cancelled,
        "tasks queued in the shared queue and in both rings");
    assertThrowsWith(PoolShutdownException.class, () -> pool.submit(ECHO, 1), "shut down",
        "cancelled");

    gate.countDown();
    assertEquals(1, joinWithin(blockerA), "a running task finishes");
    assertEquals(1, joinWithin(blockerB), "a running task finishes");
    for (TaskFuture<Integer> future : futures) {
      StressSupport.within("join of a cancelled task", () -> {
        CancellationException e = assertThrows(CancellationException.class, future::join);
        assertMessageContains(e, "'CommonTaskKinds.counted'", "cancelled", "shutdownNow()");
      });
      assertTrue(future.isDone());
      assertTrue(future.isCancelled());
      assertTrue(future.isCompletedExceptionally());
    }
    assertEquals(0, countedRuns.get(), "no cancelled task ran");
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    StressSupport.closeQuietly(threads);
  }

  @Test
  void shutdownNowDuringForkJoinLosesNothing() throws Exception {
    JvmThreads threads = JvmThreads.start(3);
    ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults(), threads.workerIds());
    countedRuns.set(0);
    int depth = 5; // 32 leaves per root
    List<TaskFuture<Integer>> roots = new CopyOnWriteArrayList<>();
    CountDownLatch someRan = new CountDownLatch(1);
    CyclicBarrier start = new CyclicBarrier(2);
    int[] cancelledByCall = new int[1];
    Thread stopper = new Thread(() -> {
      try {
        start.await();
        while (countedRuns.get() < 5000) {
          Thread.onSpinWait(); // stop in the middle of the run, not at a fixed time
        }
        cancelledByCall[0] = pool.shutdownNow();
        someRan.countDown();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, "stopper");
    stopper.setDaemon(true);
    stopper.start();
    start.await();
    int rejected = 0;
    for (int i = 0; i < 5000; i++) {
      try {
        roots.add(pool.submit(NEST, depth));
      } catch (PoolShutdownException e) {
        rejected++;
        break;
      }
    }
    StressSupport.join(stopper, "the shutdownNow() caller");
    StressSupport.await(someRan, "shutdownNow()");
    int completed = 0;
    int cancelled = 0;
    int failedByCancelledChild = 0;
    for (TaskFuture<Integer> root : roots) {
      Object[] outcome = new Object[1];
      StressSupport.within("join of a root after shutdownNow()", () -> {
        try {
          outcome[0] = root.join();
        } catch (CancellationException | TaskFailedException e) {
          outcome[0] = e;
        }
      });
      if (outcome[0] instanceof Integer) {
        assertEquals(1 << depth, outcome[0], "a root that completed has all its leaves");
        completed++;
      } else if (outcome[0] instanceof CancellationException) {
        cancelled++;
      } else {
        TaskFailedException e = (TaskFailedException) outcome[0];
        assertEquals(CancellationException.class.getName(), e.remoteClassName(),
            () -> "a root may only fail because a child of it was cancelled: " + e.getMessage());
        failedByCancelledChild++;
      }
    }
    assertEquals(roots.size(), completed + cancelled + failedByCancelledChild);
    assertTrue(completed > 0, "some roots completed before shutdownNow()");
    assertTrue(cancelledByCall[0] >= 0);
    assertTrue(rejected <= 1);
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS),
        "the pool terminates after shutdownNow()");
    StressSupport.closeQuietly(threads);
  }
}
