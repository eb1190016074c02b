package org.webthreads.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webthreads.Codecs;
import org.webthreads.LoopExit;
import org.webthreads.Platform;
import org.webthreads.PoolConfig;
import org.webthreads.PoolControl;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.TaskKind1;
import org.webthreads.TaskKind2;
import org.webthreads.ThreadPool;

/**
 * A typed kind costs exactly the shared-word operations of the positional kind it is built on: the same
 * values go into the slot the same way. Counted on one thread (as {@link DispatchCostCount} counts), for
 * submits from outside with two arguments, and for recursive fib on a pool thread (the one-int path),
 * as the browser and as the JVM run a pool.
 */
class TypedDispatchCostTest {
  private static final int TASKS = 2_000;
  private static int remaining;

  private static Void countDown(ThreadPool pool) {
    if (--remaining == 0) {
      PoolControl.of(pool).requestYield(1);
    }
    return null;
  }

  static final TaskKind<Void> POSITIONAL_PAIR = TaskKind.register("typedCost.positionalPair", (args, pool) -> {
    args.readInt();
    args.readDouble();
    return countDown(pool);
  });
  static final TaskKind2<Integer, Double, Void> TYPED_PAIR = TaskKind2.register("typedCost.typedPair",
      Codecs.INT, Codecs.DOUBLE, (a, b, context) -> countDown(context.pool()));

  static final TaskKind<Long> POSITIONAL_FIB = TaskKind.register("typedCost.positionalFib", (args, pool) -> {
    int n = args.readInt();
    if (n < 2) {
      return (long) n;
    }
    TaskFuture<Long> left = pool.submit(TypedDispatchCostTest.POSITIONAL_FIB, n - 1);
    long right = pool.submit(TypedDispatchCostTest.POSITIONAL_FIB, n - 2).join();
    return left.join() + right;
  });
  static final TaskKind1<Integer, Long> TYPED_FIB = TaskKind1.recursive("typedCost.typedFib", Codecs.INT,
      self -> (n, context) -> {
        if (n < 2) {
          return (long) n;
        }
        TaskFuture<Long> left = context.pool().submit(self, n - 1);
        long right = context.pool().submit(self, n - 2).join();
        return left.join() + right;
      });

  /** Runs a fib root on the pool thread and asks the loop to return after it. */
  static final TaskKind<Long> FIB_ROOT = TaskKind.register("typedCost.fibRoot", (args, pool) -> {
    boolean typed = args.readBoolean();
    int n = args.readInt();
    long value = typed ? pool.submit(TYPED_FIB, n).join() : pool.submit(POSITIONAL_FIB, n).join();
    PoolControl.of(pool).requestYield(1);
    return value;
  });

  @Test
  void typedSubmitsFromOutsideCostWhatPositionalOnesCost() {
    for (boolean sharedHeap : new boolean[] {false, true}) {
      long positional = countPairs(false, sharedHeap);
      long typed = countPairs(true, sharedHeap);
      assertTrue(positional > 0);
      assertEquals(positional, typed, "shared-word operations of " + TASKS + " two-argument submits and runs"
          + (sharedHeap ? " (JVM)" : " (browser)"));
      System.out.println("two-argument submit and run" + (sharedHeap ? " (JVM)" : " (browser)") + ": typed "
          + typed + " = positional " + positional + " shared-word operations for " + TASKS + " tasks");
    }
  }

  @Test
  void typedFibCostsWhatPositionalFibCosts() {
    for (boolean sharedHeap : new boolean[] {false, true}) {
      long positional = countFib(false, sharedHeap);
      long typed = countFib(true, sharedHeap);
      assertTrue(positional > 0);
      assertEquals(positional, typed, "shared-word operations of fib(18)" + (sharedHeap ? " (JVM)" : " (browser)"));
      System.out.println("fib(18)" + (sharedHeap ? " (JVM)" : " (browser)") + ": typed " + typed
          + " = positional " + positional + " shared-word operations");
    }
  }

  private static long countPairs(boolean typed, boolean sharedHeap) {
    CountingWords words = new CountingWords(new SingleThreadWords(1 << 22));
    Platform platform = new SingleThreadPlatform(words, !sharedHeap, sharedHeap);
    ThreadPool pool = ThreadPool.create(platform, PoolConfig.defaults(), 1);
    long operations = 0;
    for (int round = 0; round < 2; round++) { // the first round warms the slot caches
      remaining = TASKS;
      words.reset();
      for (int i = 0; i < TASKS; i++) {
        if (typed) {
          pool.execute(TYPED_PAIR, i, i * 0.5);
        } else {
          pool.execute(POSITIONAL_PAIR, i, i * 0.5);
        }
      }
      expectYield(PoolControl.of(pool).runWorker(1));
      PoolControl.of(pool).yieldServed(1);
      operations = words.operations();
    }
    return operations;
  }

  private static long countFib(boolean typed, boolean sharedHeap) {
    CountingWords words = new CountingWords(new SingleThreadWords(1 << 22));
    Platform platform = new SingleThreadPlatform(words, !sharedHeap, sharedHeap);
    ThreadPool pool = ThreadPool.create(platform, PoolConfig.defaults(), 1);
    long operations = 0;
    for (int round = 0; round < 2; round++) {
      words.reset();
      pool.execute(FIB_ROOT, typed, 18);
      expectYield(PoolControl.of(pool).runWorker(1));
      PoolControl.of(pool).yieldServed(1);
      operations = words.operations();
    }
    return operations;
  }

  private static void expectYield(LoopExit exit) {
    assertEquals(LoopExit.YIELD, exit, "the loop should return for the yield request");
  }
}
