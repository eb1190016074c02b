package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.PoolConfig;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Joins that help nest task runs on the joining thread's stack; that nesting is bounded by
 * {@link ThreadPool#MAX_NESTED_TASKS}. The scenario is deterministic: one worker thread with a ring of
 * two, thousands of roots queued in the shared queue, and every root forking three children, so that
 * the ring overflows and each root's join finds the next root at the head of the shared queue before
 * its own overflowed child. Without the bound each root runs inside the previous one's join (5,000
 * deep: a StackOverflowError on a normal stack); with it, the depth stops at the bound.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NestingBoundTest {
  static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  static final AtomicInteger maxDepth = new AtomicInteger();
  static volatile CountDownLatch gate;

  static void enter() {
    int depth = ++DEPTH.get()[0];
    maxDepth.accumulateAndGet(depth, Math::max);
  }

  static void leave() {
    DEPTH.get()[0]--;
  }

  /** Holds the only worker until every root is queued behind it. */
  static final TaskKind<Integer> GATE = TaskKind.register("NestingBoundTest.gate", (args, pool) -> {
    StressSupport.await(gate, "the test queueing every root");
    return 0;
  });

  static final TaskKind<Integer> LEAF = TaskKind.register("NestingBoundTest.leaf", (args, pool) -> {
    enter();
    int value = args.readInt();
    leave();
    return value;
  });

  static final TaskKind<Integer> ROOT = TaskKind.register("NestingBoundTest.root", (args, pool) -> {
    enter();
    try {
      int id = args.readInt();
      List<TaskFuture<Integer>> children = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        children.add(pool.submit(LEAF, 3 * id + i));
      }
      int sum = 0;
      for (TaskFuture<Integer> child : children) {
        sum += child.join(); // the oldest sits in the shared queue behind the other roots
      }
      return sum;
    } finally {
      leave();
    }
  });

  /** Fails when forked below the bound, and when forked at it (where it runs inside the fork). */
  static final TaskKind<Integer> THROWS = TaskKind.register("NestingBoundTest.throws", (args, pool) -> {
    throw new IllegalStateException("boom " + args.readInt());
  });

  /** Forks a chain {@code depth} long, each link joining the next; the last one forks THROWS. */
  static final TaskKind<int[]> CHAIN = TaskKind.register("NestingBoundTest.chain", (args, pool) -> {
    int left = args.readInt();
    if (left == 0) {
      try {
        pool.submit(THROWS, 7).join();
        return new int[] {-1};
      } catch (TaskFailedException e) {
        return new int[] {e.getMessage().contains("boom 7") ? 1 : -2};
      }
    }
    int[] below = pool.submit(NestingBoundTest.CHAIN, left - 1).join();
    int[] mine = below.clone();
    mine[0] += 1;
    return mine;
  });

  @Test
  void helpingNestsNoDeeperThanTheBound() {
    int roots = 5000;
    JvmThreads threads = JvmThreads.start(1);
    // Private forks off: each root's children must go to its ring (and overflow) for the scenario.
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withRingCapacity(2).withSlotCount(1 << 16).withPrivateForks(false),
        threads.workerIds());
    maxDepth.set(0);
    gate = new CountDownLatch(1);
    TaskFuture<Integer> held = pool.submit(GATE);
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int id = 0; id < roots; id++) {
      futures.add(pool.submit(ROOT, id));
    }
    gate.countDown();
    StressSupport.within("5000 roots that help each other", () -> {
      assertEquals(0, held.join());
      for (int id = 0; id < roots; id++) {
        assertEquals(9 * id + 3, futures.get(id).join(), "root " + id);
      }
    });
    // Roots and leaves on the stack at once: at most the bound, plus a leaf forked at the bound.
    int deepest = maxDepth.get();
    assertTrue(deepest <= ThreadPool.MAX_NESTED_TASKS + 1,
        () -> "task bodies nested " + deepest + " deep on one thread");
    assertTrue(deepest >= ThreadPool.MAX_NESTED_TASKS,
        () -> "the scenario no longer nests (deepest " + deepest + "): it tests nothing");
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void forksPastTheBoundRunInsideTheForkWithTheSameResults() {
    // A chain longer than the bound: links past it run as plain calls; values, arrays and failures
    // come back exactly as through the slots.
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    int length = ThreadPool.MAX_NESTED_TASKS + 50;
    TaskFuture<int[]> chain = pool.submit(CHAIN, length);
    StressSupport.within("a chain past the bound", () -> assertEquals(length + 1, chain.join()[0]));
    StressSupport.shutdownAndClose(pool, threads);
  }
}
