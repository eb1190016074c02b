package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.SharedByteArray;
import org.webthreads.SharedIntArray;
import org.webthreads.SharedLongArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * The atomic operations of shared arrays under contention, from pool tasks that run at the same time
 * (each waits at a start line until all have arrived) on both heap modes: no update is lost, no long
 * is ever seen half written, and no byte store loses a neighbouring byte another thread wrote into the
 * same word.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedArrayAtomicsStressTest {
  static final int TASKS = 3;
  static final int ROUNDS = 200_000;

  /** Arguments: start line, runner id, longs, ints. Adds with carries, CAS-increments, getAndSets. */
  static final TaskKind<Integer> HAMMER = TaskKind.register("SharedArrayAtomicsStressTest.hammer", (args, pool) -> {
    SharedIntArray start = args.readSharedIntArray();
    int id = args.readInt();
    SharedLongArray longs = args.readSharedLongArray();
    SharedIntArray ints = args.readSharedIntArray();
    awaitStart(start);
    for (int r = 0; r < ROUNDS; r++) {
      longs.getAndAdd(0, 0xFFFF_FFFFL); // carries into the high word on most adds
      long seen;
      do {
        seen = longs.get(1);
      } while (!longs.compareAndSet(1, seen, seen + (1L << 32) + 1));
      ints.getAndAdd(0, 1);
      int before;
      do {
        before = ints.get(1);
      } while (!ints.compareAndSet(1, before, before + 2));
      ints.getAndSet(2, id); // only ever one of the ids
    }
    return id;
  });

  /**
   * Arguments: start line, writer flag, longs. A writer sets element 0 to k * 0x1_0000_0001 and its
   * complement (equal halves either way) for rising k; a reader checks that every value it reads has equal halves. Returns how
   * many torn values it saw.
   */
  static final TaskKind<Integer> TEAR = TaskKind.register("SharedArrayAtomicsStressTest.tear", (args, pool) -> {
    SharedIntArray start = args.readSharedIntArray();
    boolean writer = args.readBoolean();
    SharedLongArray longs = args.readSharedLongArray();
    awaitStart(start);
    int torn = 0;
    for (int r = 1; r <= ROUNDS; r++) {
      if (writer) {
        longs.set(0, r * 0x1_0000_0001L);
        longs.set(0, ~(r * 0x1_0000_0001L));
      } else {
        long value = longs.get(0);
        if ((int) value != (int) (value >>> 32)) {
          torn++;
        }
      }
    }
    return torn;
  });

  /**
   * Arguments: start line, lane (0..3), bytes. Writes, then reads back, the bytes of its lane (index
   * % 4 == lane) round after round; the other lanes of the same words are other tasks'. Returns how
   * many of its bytes it read back changed (a neighbour's store undid them).
   */
  static final TaskKind<Integer> LANES = TaskKind.register("SharedArrayAtomicsStressTest.lanes", (args, pool) -> {
    SharedIntArray start = args.readSharedIntArray();
    int lane = args.readInt();
    SharedByteArray bytes = args.readSharedByteArray();
    awaitStart(start);
    int lost = 0;
    for (int r = 0; r < ROUNDS; r++) {
      byte value = (byte) (r * 7 + lane);
      for (int i = lane; i < bytes.length(); i += 4) {
        bytes.set(i, value);
      }
      for (int i = lane; i < bytes.length(); i += 4) {
        if (bytes.get(i) != value) {
          lost++;
        }
      }
    }
    return lost;
  });

  /** Counts in, then spins until every runner has: they all run at once (the pool has that many threads). */
  private static void awaitStart(SharedIntArray start) {
    start.getAndAdd(1, 1);
    while (start.get(1) < start.get(0)) {
      Thread.onSpinWait();
    }
  }

  private static SharedIntArray startLine(ThreadPool pool, int runners) {
    SharedIntArray start = pool.newSharedIntArray(2);
    start.set(0, runners);
    return start;
  }

  @ParameterizedTest(name = "{0} heaps")
  @EnumSource(Heaps.class)
  void noAtomicUpdateIsLost(Heaps heaps) {
    JvmThreads threads = heaps.start(TASKS);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray start = startLine(pool, TASKS);
    SharedLongArray longs = pool.newSharedLongArray(2);
    SharedIntArray ints = pool.newSharedIntArray(3);
    ints.set(2, 1);
    List<TaskFuture<Integer>> runs = new ArrayList<>();
    for (int id = 1; id <= TASKS; id++) {
      runs.add(pool.submit(HAMMER, start, id, longs, ints));
    }
    for (TaskFuture<Integer> run : runs) {
      TestAssertions.joinWithin(run);
    }
    long n = (long) TASKS * ROUNDS;
    assertEquals(n * 0xFFFF_FFFFL, longs.get(0), "getAndAdd with carries");
    assertEquals(n * ((1L << 32) + 1), longs.get(1), "compareAndSet increments");
    assertEquals((int) n, ints.get(0), "int getAndAdd");
    assertEquals((int) (2 * n), ints.get(1), "int compareAndSet");
    int last = ints.get(2);
    assertEquals(true, last >= 1 && last <= TASKS, "getAndSet left " + last);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest(name = "{0} heaps")
  @EnumSource(Heaps.class)
  void aLongIsNeverSeenHalfWritten(Heaps heaps) {
    JvmThreads threads = heaps.start(3);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray start = startLine(pool, 3);
    SharedLongArray longs = pool.newSharedLongArray(1);
    TaskFuture<Integer> writer = pool.submit(TEAR, start, true, longs);
    TaskFuture<Integer> reader1 = pool.submit(TEAR, start, false, longs);
    TaskFuture<Integer> reader2 = pool.submit(TEAR, start, false, longs);
    assertEquals(0, TestAssertions.joinWithin(writer));
    assertEquals(0, TestAssertions.joinWithin(reader1), "torn reads");
    assertEquals(0, TestAssertions.joinWithin(reader2), "torn reads");
    assertEquals(~(ROUNDS * 0x1_0000_0001L), longs.get(0));
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest(name = "{0} heaps")
  @EnumSource(Heaps.class)
  void aByteStoreNeverLosesANeighbourWrittenAtTheSameTime(Heaps heaps) {
    JvmThreads threads = heaps.start(4);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray start = startLine(pool, 4);
    SharedByteArray bytes = pool.newSharedByteArray(8); // two words, four lanes each
    List<TaskFuture<Integer>> lanes = new ArrayList<>();
    for (int lane = 0; lane < 4; lane++) {
      lanes.add(pool.submit(LANES, start, lane, bytes));
    }
    for (int lane = 0; lane < 4; lane++) {
      assertEquals(0, TestAssertions.joinWithin(lanes.get(lane)), "bytes of lane " + lane + " lost");
    }
    int r = ROUNDS - 1;
    for (int i = 0; i < bytes.length(); i++) {
      assertEquals((byte) (r * 7 + i % 4), bytes.get(i), "byte " + i + " after the last round");
    }
    StressSupport.shutdownAndClose(pool, threads);
  }
}
