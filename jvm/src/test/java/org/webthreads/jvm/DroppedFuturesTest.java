package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.PoolConfig;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Futures that nobody joins hold no task slot for good, whoever dropped them and whether or not that
 * thread ever comes back: a later submit from any thread gets a slot.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DroppedFuturesTest {
  static final TaskKind<Integer> ECHO = TaskKind.register("DroppedFuturesTest.echo",
      (args, pool) -> args.readInt());

  /** Submits {@code count} ECHO children without joining them; returns count. */
  static final TaskKind<Integer> DROPS_CHILDREN = TaskKind.register("DroppedFuturesTest.dropsChildren",
      (args, pool) -> {
        int count = args.readInt();
        for (int i = 0; i < count; i++) {
          pool.submit(ECHO, i);
        }
        return count;
      });

  private static PoolConfig slots(int count) {
    return PoolConfig.defaults().withSlotCount(count).withArenaWords(1 << 12);
  }

  /**
   * The case: 1,640 short-lived threads each submit 40 tasks without a join and end; with the
   * default 65,536 slots the next outside submit used to wait for ever in SlotFreeList.awaitRelease.
   */
  @Test
  void shortLivedThreadsThatDropFuturesLeaveTheSlotsFree() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    for (int t = 0; t < 1_700; t++) {
      StressSupport.within("short-lived submitter " + t, () -> {
        for (int i = 0; i < 40; i++) {
          pool.submit(ECHO, i);
        }
      });
    }
    StressSupport.within("a later submit", () -> assertEquals(7, pool.submit(ECHO, 7).join()));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** The same on a pool of 64 slots (four such threads sufficed). */
  @Test
  void shortLivedThreadsOnASmallPool() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, slots(64), threads.workerIds());
    for (int t = 0; t < 20; t++) {
      StressSupport.within("short-lived submitter " + t, () -> {
        for (int i = 0; i < 40; i++) {
          pool.submit(ECHO, i);
        }
      });
    }
    StressSupport.within("more submits than slots", () -> {
      for (int i = 0; i < 500; i++) {
        assertEquals(i, pool.submit(ECHO, i).join());
      }
    });
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** A thread that drops its futures and never submits again, but lives on, holds no slot either. */
  @Test
  void aLiveThreadThatNeverComesBackHoldsNoSlot() throws Exception {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, slots(64), threads.workerIds());
    CountDownLatch dropped = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    Thread idle = new Thread(() -> {
      for (int i = 0; i < 64; i++) {
        pool.submit(ECHO, i);
      }
      dropped.countDown();
      StressSupport.await(end, "the test's end");
    }, "drops-and-stays");
    idle.start();
    StressSupport.await(dropped, "64 futures dropped");
    StressSupport.within("other thread's submits", () -> {
      for (int i = 0; i < 500; i++) {
        assertEquals(i, pool.submit(ECHO, i).join());
      }
    });
    end.countDown();
    StressSupport.join(idle, "the idle thread");
    StressSupport.shutdownAndClose(pool, threads);
  }

  /**
   * Pool tasks that drop their children's futures: the slots come back to an outside submitter, also
   * where each thread has its own heap and only the pool thread that holds a future can harvest it (it
   * does so before it sleeps while a thread waits for a slot, and is woken when a future it holds ends).
   */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void poolTasksThatDropFuturesLeaveTheSlotsFree(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, slots(64), threads.workerIds());
    StressSupport.within("tasks dropping children, then outside submits", () -> {
      for (int round = 0; round < 20; round++) {
        assertEquals(40, pool.submit(DROPS_CHILDREN, 40).join());
        // 60 futures held at once: they need slots that the pool thread's dropped futures held.
        java.util.List<org.webthreads.TaskFuture<Integer>> held = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
          held.add(pool.submit(ECHO, i));
        }
        for (int i = 0; i < 60; i++) {
          assertEquals(i, held.get(i).join());
        }
      }
    });
    StressSupport.shutdownAndClose(pool, threads);
  }
}
