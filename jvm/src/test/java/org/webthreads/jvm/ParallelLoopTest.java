package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.Combiner;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskGroup;
import org.webthreads.TaskGroupFailedException;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Parallel loops: TaskGroup.forRange covers every index exactly once (odd sizes, grain 1, grain above
 * the size, empty ranges, ranges past int), ThreadPool.mapReduce equals the formula and combines left
 * first, failures are reported, bad input is refused with a message naming the fix. Both heap modes.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParallelLoopTest {
  /** forRange body: adds 1 to hits[i - offset] for every i of [lo, hi); arguments hits, offset. */
  static final TaskKind<Void> MARK_RANGE = TaskKind.register("ParallelLoopTest.markRange", (args, pool) -> {
    long lo = args.readLong();
    long hi = args.readLong();
    SharedIntArray hits = args.readSharedIntArray();
    long offset = args.readLong();
    if (lo > hi) {
      throw new IllegalStateException("lo " + lo + " > hi " + hi);
    }
    for (long i = lo; i < hi; i++) {
      hits.getAndAdd((int) (i - offset), 1);
    }
    return null;
  });

  /** forRange body that throws on the sub-range holding index 500. */
  static final TaskKind<Void> FAIL_AT_500 = TaskKind.register("ParallelLoopTest.failAt500", (args, pool) -> {
    long lo = args.readLong();
    long hi = args.readLong();
    if (lo <= 500 && 500 < hi) {
      throw new ArithmeticException("index 500");
    }
    return null;
  });

  /** mapReduce body: the sum of the indices of [lo, hi). */
  static final TaskKind<Long> SUM_RANGE = TaskKind.register("ParallelLoopTest.sumRange", (args, pool) -> {
    long lo = args.readLong();
    long hi = args.readLong();
    long sum = 0;
    for (long i = lo; i < hi; i++) {
      sum += i;
    }
    return sum;
  });

  /** mapReduce body: the indices of [lo, hi), each followed by a comma (order matters). */
  static final TaskKind<String> LIST_RANGE = TaskKind.register("ParallelLoopTest.listRange", (args, pool) -> {
    long lo = args.readLong();
    long hi = args.readLong();
    StringBuilder text = new StringBuilder();
    for (long i = lo; i < hi; i++) {
      text.append(i).append(',');
    }
    return text.toString();
  });

  /** A task that runs a forRange in its own group and joins it there (the loop from a worker). */
  static final TaskKind<Integer> LOOP_IN_TASK = TaskKind.register("ParallelLoopTest.loopInTask", (args, pool) -> {
    int n = args.readInt();
    SharedIntArray hits = args.readSharedIntArray();
    try (TaskGroup group = pool.newGroup()) {
      group.forRange(0, n, 3, MARK_RANGE, hits, 0L);
      group.join();
      return group.completedCount();
    }
  });

  static final Combiner<Long> SUM = Combiner.register("ParallelLoopTest.sum", Long::sum);
  static final Combiner<String> CONCAT = Combiner.register("ParallelLoopTest.concat", String::concat);

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void forRangeCoversEveryIndexExactlyOnce(Heaps heaps) {
    try (JvmThreads threads = heaps.start(3)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      long[][] ranges = {{0, 1}, {0, 7}, {-500, 501}, {3, 1004}, {0, 10_001},
          {3_000_000_000L, 3_000_001_001L}, {Long.MAX_VALUE - 99, Long.MAX_VALUE}};
      long[] grains = {1, 2, 3, 64, 1_000_000, Long.MAX_VALUE};
      for (long[] range : ranges) {
        long from = range[0];
        long to = range[1];
        int size = (int) (to - from);
        for (long grain : grains) {
          SharedIntArray hits = pool.newSharedIntArray(size);
          try (TaskGroup group = pool.newGroup()) {
            group.forRange(from, to, grain, MARK_RANGE, hits, from);
            group.join();
            long leaves = expectedLeaves(size, grain);
            assertEquals(leaves, group.completedCount(), "sub-ranges of [" + from + ", " + to + ") at grain "
                + grain);
          }
          for (int i = 0; i < size; i++) {
            assertEquals(1, hits.get(i), "index " + (from + i) + " of [" + from + ", " + to + ") at grain "
                + grain);
          }
          hits.free();
        }
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  /** Halving until at most grain: the number of sub-ranges the loop runs. */
  private static long expectedLeaves(long size, long grain) {
    return size <= grain ? 1 : expectedLeaves(size / 2, grain) + expectedLeaves(size - size / 2, grain);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void anEmptyRangeRunsNothing(Heaps heaps) {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      try (TaskGroup group = pool.newGroup()) {
        group.forRange(5, 5, 1, FAIL_AT_500);
        group.forRange(500, 500, 1, FAIL_AT_500);
        assertTrue(group.isDone());
        group.join();
        assertEquals(0, group.completedCount());
      }
      assertEquals(0L, pool.mapReduce(7, 7, 3, SUM_RANGE, SUM).join());
      assertEquals("", pool.mapReduce(7, 7, 3, LIST_RANGE, CONCAT).join());
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aLoopInsideATaskOnOneThreadCompletes(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int n = 1001;
      SharedIntArray hits = pool.newSharedIntArray(n);
      assertEquals((int) expectedLeaves(n, 3), pool.submit(LOOP_IN_TASK, n, hits).join());
      for (int i = 0; i < n; i++) {
        assertEquals(1, hits.get(i));
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void mapReduceEqualsTheFormulaAndCombinesLeftFirst(Heaps heaps) {
    try (JvmThreads threads = heaps.start(3)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      for (long n : new long[] {1, 2, 7, 1000, 100_003}) {
        for (long grain : new long[] {1, 3, 1000, n + 1}) {
          if (grain == 1 && n > 10_000) {
            continue; // 100k tasks of one index each: covered by the smaller sizes
          }
          assertEquals(n * (n - 1) / 2, pool.mapReduce(0, n, grain, SUM_RANGE, SUM).join(), n + " at " + grain);
        }
      }
      long from = 5_000_000_000L;
      long n = 12_345;
      assertEquals(n * from + n * (n - 1) / 2, pool.mapReduce(from, from + n, 100, SUM_RANGE, SUM).join());
      StringBuilder expected = new StringBuilder();
      for (int i = -3; i < 200; i++) {
        expected.append(i).append(',');
      }
      for (long grain : new long[] {1, 7, 500}) {
        assertEquals(expected.toString(), pool.mapReduce(-3, 200, grain, LIST_RANGE, CONCAT).join());
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void failuresOfLoopsAreReported(Heaps heaps) {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      try (TaskGroup group = pool.newGroup()) {
        group.forRange(0, 1000, 10, FAIL_AT_500);
        TaskGroupFailedException e = assertThrows(TaskGroupFailedException.class, group::join);
        assertEquals(1, e.failed());
        assertEquals("java.lang.ArithmeticException", e.firstFailureClassName());
        assertEquals("index 500", e.firstFailureMessage());
      }
      TaskFailedException e = assertThrows(TaskFailedException.class,
          () -> pool.mapReduce(0, 1000, 10, FAIL_AT_500, CombinerHolder.FIRST).join());
      assertEquals("java.lang.ArithmeticException", e.remoteClassName());
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  static final class CombinerHolder {
    static final Combiner<Void> FIRST = Combiner.register("ParallelLoopTest.first", (a, b) -> a);
  }

  @Test
  void badInputIsRefusedWithTheFix() {
    try (JvmThreads threads = JvmThreads.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      try (TaskGroup group = pool.newGroup()) {
        assertEquals("forRange: grain 0 must be at least 1 (the most indices one task runs; pass 1 to split "
                + "down to single indices)",
            assertThrows(IllegalArgumentException.class, () -> group.forRange(0, 10, 0, MARK_RANGE)).getMessage());
        assertEquals("forRange: grain -4 must be at least 1 (the most indices one task runs; pass 1 to split "
                + "down to single indices)",
            assertThrows(IllegalArgumentException.class, () -> group.forRange(0, 10, -4, MARK_RANGE)).getMessage());
        assertEquals("forRange: from 10 is after to 9; the range is [from, to), empty when from == to",
            assertThrows(IllegalArgumentException.class, () -> group.forRange(10, 9, 1, MARK_RANGE)).getMessage());
        assertEquals("forRange: the range [" + Long.MIN_VALUE + ", 1) holds more than Long.MAX_VALUE "
                + "indices; split it in two",
            assertThrows(IllegalArgumentException.class,
                () -> group.forRange(Long.MIN_VALUE, 1, 1, MARK_RANGE)).getMessage());
        assertEquals("forRange needs a task kind, was null",
            assertThrows(IllegalArgumentException.class, () -> group.forRange(0, 1, 1, null)).getMessage());
        assertEquals(0, group.pendingCount());
      }
      assertEquals("mapReduce: grain 0 must be at least 1 (the most indices one task runs; pass 1 to split "
              + "down to single indices)",
          assertThrows(IllegalArgumentException.class, () -> pool.mapReduce(0, 1, 0, SUM_RANGE, SUM)).getMessage());
      assertEquals("mapReduce: from 2 is after to 1; the range is [from, to), empty when from == to",
          assertThrows(IllegalArgumentException.class, () -> pool.mapReduce(2, 1, 1, SUM_RANGE, SUM)).getMessage());
      assertEquals("mapReduce needs a Combiner, was null: register one with Combiner.register(name, step)",
          assertThrows(IllegalArgumentException.class, () -> pool.mapReduce(0, 1, 1, SUM_RANGE, null)).getMessage());
      assertEquals("combiner 'ParallelLoopTest.sum' is registered twice: register it once, in a static field",
          assertThrows(IllegalStateException.class,
              () -> Combiner.register("ParallelLoopTest.sum", Long::sum)).getMessage());
      StressSupport.shutdownAndClose(pool, threads);
    }
  }
}
