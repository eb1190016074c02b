package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.CommonTaskKinds.COUNTED;
import static org.webthreads.jvm.CommonTaskKinds.ECHO;
import static org.webthreads.jvm.CommonTaskKinds.countedRuns;
import static org.webthreads.jvm.TestAssertions.assertMessageContains;
import static org.webthreads.jvm.TestAssertions.failureOf;
import static org.webthreads.jvm.TestAssertions.joinWithin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.PoolConfig;
import org.webthreads.SlotsExhaustedException;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * More tasks than task slots: outside threads wait for slots and every task completes; a pool
 * thread with none left gets SlotsExhaustedException.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlotExhaustionTest {
  /** Submits a child and joins it, from a pool thread. */
  static final TaskKind<Integer> SPAWNS_CHILD = TaskKind.register("SlotExhaustionTest.spawnsChild",
      (args, pool) -> pool.submit(ECHO, args.readInt()).join());

  /** Submits a fire-and-forget child: that needs a slot at once, even on a pool thread. */
  static final TaskKind<Integer> EXECUTES_CHILD = TaskKind.register("SlotExhaustionTest.executesChild",
      (args, pool) -> {
        pool.execute(ECHO, args.readInt());
        return 0;
      });


  @Test
  void moreJoinedTasksThanSlotsFromOutsideAllComplete() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(1 << 12), threads.workerIds());
    // The submitter holds every future; when the 8 slots are taken it waits for its oldest task.
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      futures.add(pool.submit(ECHO, i));
    }
    for (int i = 0; i < futures.size(); i++) {
      assertEquals(i, joinWithin(futures.get(i)));
    }
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void moreFireAndForgetTasksThanSlotsFromOutsideAllComplete() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(1 << 12), threads.workerIds());
    countedRuns.set(0);
    int tasks = 2000;
    StressSupport.within("2000 execute() calls on 8 slots", () -> {
      for (int i = 0; i < tasks; i++) {
        pool.execute(COUNTED);
      }
    });
    pool.shutdown();
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    assertEquals(tasks, countedRuns.get());
    StressSupport.closeQuietly(threads);
  }

  @Test
  void twoOutsideThreadsShareFewSlots() throws Exception {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(1 << 12), threads.workerIds());
    CyclicBarrier start = new CyclicBarrier(2);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Runnable submitter = () -> {
      try {
        start.await();
        for (int i = 0; i < 1000; i++) {
          TaskFuture<Integer> future = pool.submit(ECHO, i);
          if (future.join() != i) {
            throw new AssertionError("wrong value");
          }
        }
      } catch (Throwable t) {
        failures.add(t);
      }
    };
    Thread a = new Thread(submitter, "outside-a");
    Thread b = new Thread(submitter, "outside-b");
    a.setDaemon(true);
    b.setDaemon(true);
    a.start();
    b.start();
    StressSupport.join(a, "outside submitter a");
    StressSupport.join(b, "outside submitter b");
    assertTrue(failures.isEmpty(), () -> "submitters failed: " + failures);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void shortLivedOutsideThreadsDoNotLeakSlots() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(128).withArenaWords(1 << 12), 1);
    // Each thread submits and joins one task, then ends. More threads than slots / 64.
    for (int i = 0; i < 10; i++) {
      int value = i;
      StressSupport.within("outside thread " + i, () -> assertEquals(value,
          pool.submit(ECHO, value).join()));
    }
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void poolThreadForkingWithFreeSlotsLeftSucceeds() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(1 << 12), 1);
    // One task holds one of 8 slots; its child needs a second one, and 7 are free.
    assertEquals(3, joinWithin(pool.submit(SPAWNS_CHILD, 3)));
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void slotsReallyExhaustedOnAPoolThreadIsReported() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(1).withArenaWords(1 << 12), 1);
    // The task holds the only slot. A fork it joins needs none (a private fork, run when joined)...
    assertEquals(3, joinWithin(pool.submit(SPAWNS_CHILD, 3)));
    // ...but a fire-and-forget child does, and a pool thread never blocks for a slot: it fails.
    TaskFailedException e = failureOf(pool.submit(EXECUTES_CHILD, 3));
    assertEquals(SlotsExhaustedException.class.getName(), e.remoteClassName());
    assertMessageContains(e, "cannot submit task 'CommonTaskKinds.echo'", "all 1 task slots",
        "join futures you hold", "execute()", "raise PoolConfig.slotCount", "WebFutures.whenSlotFree");
    assertEquals(4, joinWithin(pool.submit(ECHO, 4)), "the pool works on");
    StressSupport.shutdownAndClose(pool, threads);
  }
}
