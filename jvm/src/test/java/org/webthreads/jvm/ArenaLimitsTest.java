package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.webthreads.jvm.CommonTaskKinds.ECHO;
import static org.webthreads.jvm.TestAssertions.assertMessageContains;
import static org.webthreads.jvm.TestAssertions.assertThrowsWith;
import static org.webthreads.jvm.TestAssertions.failureOf;
import static org.webthreads.jvm.TestAssertions.joinWithin;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.ArenaFullException;
import org.webthreads.PoolConfig;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * A full arena is an ArenaFullException that says what to do, and the pool works on.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArenaLimitsTest {
  static final TaskKind<int[]> RETURNS_ARRAY = TaskKind.register("ArenaLimitsTest.returnsArray",
      (args, pool) -> new int[args.readInt()]);

  static final TaskKind<Integer> SUM_ARRAY = TaskKind.register("ArenaLimitsTest.sumArray",
      (args, pool) -> {
        int sum = 0;
        for (int v : args.readIntArray()) {
          sum += v;
        }
        return sum;
      });


  @Test
  void fullArenaIsReportedAndThePoolWorksOn() {
    JvmThreads threads = JvmThreads.start(1);
    // 64 words: 34 usable after the arena's header, so 31 payload words at most.
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(64), 1);
    assertThrowsWith(ArenaFullException.class, () -> pool.newSharedIntArray(1000),
        "shared arena full", "cannot allocate 1000 words", "Raise PoolConfig.arenaWords",
        "free shared arrays");
    // Too large an argument: nothing is queued and the slot goes back. Far more attempts than
    // slots, so a slot leaked per failure would show.
    for (int i = 0; i < 50; i++) {
      assertThrowsWith(ArenaFullException.class, () -> pool.submit(SUM_ARRAY, new int[100]),
          "Raise PoolConfig.arenaWords");
    }
    assertEquals(0, pool.arenaWordsInUse(), "failed submits left nothing in the arena");
    // An array that fits, with an argument block in the arena, repeatedly: the space is reused.
    for (int i = 0; i < 20; i++) {
      assertEquals(45, joinWithin(pool.submit(SUM_ARRAY, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})));
    }
    assertEquals(11, joinWithin(pool.submit(ECHO, 11)));
    StressSupport.shutdownAndClose(pool, threads);

    // Filling an arena with a shared array, then freeing it. (A fresh pool: the arena never splits
    // or merges blocks, so a 64-word arena that once held a 16-word block has no room for 32.)
    JvmThreads threads2 = JvmThreads.start(1);
    ThreadPool pool2 = ThreadPool.create(threads2,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(64), 1);
    SharedIntArray array = pool2.newSharedIntArray(20);
    assertThrowsWith(ArenaFullException.class, () -> pool2.newSharedIntArray(3), "arena full",
        "32 are in use");
    array.free();
    SharedIntArray again = pool2.newSharedIntArray(20);
    again.set(19, 5);
    assertEquals(5, again.get(19));
    again.free();
    assertEquals(0, pool2.arenaWordsInUse());
    assertEquals(12, joinWithin(pool2.submit(ECHO, 12)));
    StressSupport.shutdownAndClose(pool2, threads2);
  }

  /** Results travel through the arena where threads have heaps of their own (the browser). */
  @Test
  void resultTooLargeForTheArenaFailsTheTaskWithTheArenaError() {
    JvmThreads threads = JvmThreads.startEmulatingSeparateHeaps(1);
    // About 990 usable words: a 600-int result does not fit, the error text does.
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(64).withArenaWords(1024), 1);
    TaskFailedException e = failureOf(pool.submit(RETURNS_ARRAY, 600));
    assertEquals(ArenaFullException.class.getName(), e.remoteClassName());
    assertMessageContains(e, "Raise PoolConfig.arenaWords");
    assertEquals(0, pool.arenaWordsInUse(), "nothing left behind in the arena");
    assertEquals(100, joinWithin(pool.submit(RETURNS_ARRAY, 100)).length);
    StressSupport.shutdownAndClose(pool, threads);
  }
}
