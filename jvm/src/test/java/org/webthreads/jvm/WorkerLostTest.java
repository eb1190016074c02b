package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.PoolControl;
import org.webthreads.PoolShutdownException;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * {@link ThreadPool#workerLost}, the repair of a pool after one of its threads stopped for good (in the
 * browser a terminated worker). A JVM thread cannot be killed, so the "lost" thread here is one held
 * inside a task and declared lost while it waits there: until the test has checked everything it does
 * not run again, which is what a dead worker looks like. Then it is let go so that the platform can
 * close; it completes its already failed task once more, which nothing looks at any longer. The
 * threads emulate the browser's separate heaps (where workers are lost and the repair is used), so that
 * this second completion goes to the slot, not to a future object.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WorkerLostTest {
  /** Adds one to element 0 of its argument. */
  static final TaskKind<Integer> COUNT = TaskKind.register("lost.count", (args, pool) -> {
    return args.readSharedIntArray().getAndAdd(0, 1) + 1;
  });

  /**
   * Spawns {@code children} detached {@link #COUNT} tasks into its thread's ring, records its thread id
   * in {@code started[1 + i]} (and counts itself in {@code started[0]}), then waits until
   * {@code gates[i]} opens. Returns its thread id. Arguments: started, i, gates, children, counter.
   */
  static final TaskKind<Integer> HOLD = TaskKind.register("lost.hold", (args, pool) -> {
    SharedIntArray started = args.readSharedIntArray();
    int i = args.readInt();
    SharedIntArray gates = args.readSharedIntArray();
    int children = args.readInt();
    SharedIntArray counter = args.readSharedIntArray();
    for (int c = 0; c < children; c++) {
      pool.execute(COUNT, counter);
    }
    int threadId = Integer.parseInt(Thread.currentThread().getName().replace("webthreads-", ""));
    started.set(1 + i, threadId);
    started.getAndAdd(0, 1);
    started.notifyWaiters(0);
    while (gates.get(i) == 0) {
      gates.awaitChange(i, 0);
    }
    return threadId;
  });

  private static void awaitStarted(SharedIntArray started, int count) {
    int seen;
    while ((seen = started.get(0)) < count) {
      started.awaitChange(0, seen);
    }
  }

  private static void open(SharedIntArray gates, int i) {
    gates.set(i, 1);
    gates.notifyWaiters(i);
  }

  private static String abandonment(TaskFuture<?> future) {
    TaskFailedException failure = assertThrows(TaskFailedException.class, future::join);
    assertEquals("org.webthreads.TaskAbandonedException", failure.remoteClassName(), failure.getMessage());
    return failure.remoteMessage();
  }

  @Test
  void theLostThreadsTaskFailsItsQueuedTasksRunElsewhereAndShutdownTerminates() throws Exception {
    JvmThreads platform = JvmThreads.startEmulatingSeparateHeaps(2);
    SharedIntArray gates = null;
    try {
      ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
      SharedIntArray started = pool.newSharedIntArray(3);
      gates = pool.newSharedIntArray(2);
      SharedIntArray counter = pool.newSharedIntArray(1);
      TaskFuture<Integer> first = pool.submit(HOLD, started, 0, gates, 20, counter);
      TaskFuture<Integer> second = pool.submit(HOLD, started, 1, gates, 20, counter);
      awaitStarted(started, 2); // both threads hold one task each; nothing else runs
      List<TaskFuture<Integer>> queued = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        queued.add(pool.submit(COUNT, counter));
      }
      int lost = started.get(1);
      int survivorGate = 1;

      assertEquals(1, PoolControl.of(pool).workerLost(lost, true), "one task with a future was on the lost thread");
      assertEquals(-1, PoolControl.of(pool).workerLost(lost, true), "a second report changes nothing");
      String message = abandonment(first);
      assertTrue(message.contains("thread " + lost + " was terminated while this task ran on it"), message);
      assertFalse(second.isDone());

      int survivor = started.get(2);
      open(gates, survivorGate);
      assertEquals(survivor, second.join());
      for (TaskFuture<Integer> future : queued) {
        future.join();
      }
      // The survivor takes new work too (the lost thread is no longer a wake-up target).
      assertEquals(survivor, pool.submit(HOLD, started, 1, gates, 0, counter).join());
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS),
          "terminates without the lost thread: it no longer counts as active");
      // 20 children from each holder (the lost thread's stayed in its ring and were stolen) + 30.
      assertEquals(70, counter.get(0));
      // A pool the user shut down is refused as such, although it once lost a thread.
      pool.shutdownNow();
      PoolShutdownException refused = assertThrows(PoolShutdownException.class,
          () -> pool.submit(COUNT, counter));
      assertTrue(refused.getMessage().contains("was shut down"), refused.getMessage());
    } finally {
      if (gates != null) {
        open(gates, 0); // let the "lost" thread go, so that the platform can close
      }
      platform.close();
    }
  }

  @Test
  void losingThePoolsLastThreadFailsEverythingQueuedAndStopsThePool() throws Exception {
    JvmThreads platform = JvmThreads.startEmulatingSeparateHeaps(1);
    SharedIntArray gates = null;
    try {
      ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
      SharedIntArray started = pool.newSharedIntArray(2);
      gates = pool.newSharedIntArray(1);
      SharedIntArray counter = pool.newSharedIntArray(1);
      TaskFuture<Integer> running = pool.submit(HOLD, started, 0, gates, 0, counter);
      awaitStarted(started, 1);
      List<TaskFuture<Integer>> queued = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        queued.add(pool.submit(COUNT, counter));
        pool.execute(COUNT, counter);
      }

      assertEquals(11, PoolControl.of(pool).workerLost(1, false), "1 running + 5 queued with futures + 5 detached");
      String message = abandonment(running);
      assertTrue(message.contains("thread 1 failed with an error outside its pool loop"), message);
      for (TaskFuture<Integer> future : queued) {
        String queuedMessage = abandonment(future);
        assertTrue(queuedMessage.contains("still queued when thread 1, the pool's last thread,"),
            queuedMessage);
      }
      assertTrue(pool.isTerminated());
      PoolShutdownException refused = assertThrows(PoolShutdownException.class,
          () -> pool.submit(COUNT, counter));
      assertTrue(refused.getMessage().contains("has no threads left"), refused.getMessage());
      assertEquals(0, counter.get(0));
    } finally {
      if (gates != null) {
        open(gates, 0);
      }
      platform.close();
    }
  }

  @Test
  void aThreadThatLeftAtShutdownIsNotRepaired() throws Exception {
    JvmThreads platform = JvmThreads.startEmulatingSeparateHeaps(2);
    try {
      ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
      SharedIntArray counter = pool.newSharedIntArray(1);
      assertEquals(1, pool.submit(COUNT, counter).join());
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      assertEquals(-1, PoolControl.of(pool).workerLost(1, true), "it took itself off the active count already");
      assertTrue(pool.isTerminated());
    } finally {
      platform.close();
    }
  }
}
