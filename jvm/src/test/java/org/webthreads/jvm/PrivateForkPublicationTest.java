package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.PoolConfig;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * When private forks (see docs/scheduler.md, "Private forks") are published: a body that forks many
 * children and then joins them shares them out to an idle thread while it works (the join publishes the
 * oldest whenever its ring is empty), and children a body leaves unjoined are published when it returns,
 * or run at once when no slot is free for them, never lost and never run twice.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrivateForkPublicationTest {
  static volatile CyclicBarrier pairs;
  static final Set<String> pairedOn = ConcurrentHashMap.newKeySet();

  /** Waits until one other child reaches the barrier too: two children must run at the same time. */
  static final TaskKind<Integer> PAIRED_CHILD = TaskKind.register("PrivateForkPublicationTest.paired",
      (args, pool) -> {
        int i = args.readInt();
        pairedOn.add(Thread.currentThread().getName());
        try {
          pairs.await();
        } catch (InterruptedException | BrokenBarrierException e) {
          throw new IllegalStateException(e);
        }
        return i;
      });

  /** Forks n paired children, then joins them newest first (each join runs the newest on this thread). */
  static final TaskKind<Integer> FAN_OUT = TaskKind.register("PrivateForkPublicationTest.fanOut",
      (args, pool) -> {
        int n = args.readInt();
        List<TaskFuture<Integer>> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          children.add(pool.submit(PAIRED_CHILD, i));
        }
        int sum = 0;
        for (int i = n - 1; i >= 0; i--) {
          sum += children.get(i).join();
        }
        return sum;
      });

  /**
   * Every child needs a partner running on the other thread at the same time, so the joining thread,
   * which runs one child at a time, must keep handing children to the other thread. After the first
   * (published by the fork that found the ring empty) the others are private forks: only the join's
   * publication of the oldest can share them. Without it the second pair never meets: a hang.
   */
  @Test
  void aFanOutBodySharesItsChildrenWhileItJoinsThem() {
    pairs = new CyclicBarrier(2);
    pairedOn.clear();
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    TaskFuture<Integer> fanOut = pool.submit(FAN_OUT, 16);
    StressSupport.within("the fan-out body", () -> assertEquals(120, fanOut.join()));
    assertEquals(2, pairedOn.size(), "children ran on " + pairedOn);
    StressSupport.shutdownAndClose(pool, threads);
  }

  static final AtomicInteger leftoverRuns = new AtomicInteger();
  static final List<TaskFuture<Integer>> leftovers = new ArrayList<>();

  static final TaskKind<Integer> COUNTED_CHILD = TaskKind.register("PrivateForkPublicationTest.counted",
      (args, pool) -> {
        leftoverRuns.incrementAndGet();
        return args.readInt() * 2;
      });

  /** Forks n children and returns without joining them; the test joins them. */
  static final TaskKind<Integer> FORK_AND_LEAVE = TaskKind.register("PrivateForkPublicationTest.leave",
      (args, pool) -> {
        int n = args.readInt();
        for (int i = 0; i < n; i++) {
          TaskFuture<Integer> child = pool.submit(COUNTED_CHILD, i);
          synchronized (leftovers) {
            leftovers.add(child);
          }
        }
        return n;
      });

  /**
   * 8 task slots for 40 unjoined children: when the body returns, most of its leftovers find no slot.
   * They must run (here, at once) and complete their futures, each exactly once.
   */
  @Test
  void leftoversThatFindNoSlotRunOnceAndComplete() {
    leftoverRuns.set(0);
    leftovers.clear();
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withSlotCount(8), threads.workerIds());
    TaskFuture<Integer> body = pool.submit(FORK_AND_LEAVE, 40);
    StressSupport.within("the forking body", () -> assertEquals(40, body.join()));
    List<TaskFuture<Integer>> children;
    synchronized (leftovers) {
      children = new ArrayList<>(leftovers);
    }
    assertEquals(40, children.size());
    StressSupport.within("the leftovers", () -> {
      for (int i = 0; i < children.size(); i++) {
        assertEquals(i * 2, children.get(i).join(), "child " + i);
      }
    });
    assertEquals(40, leftoverRuns.get(), "runs of the 40 children");
    StressSupport.shutdownAndClose(pool, threads);
  }
}
