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
import org.webthreads.ArenaTooSmallException;
import org.webthreads.PoolConfig;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * A block the arena can never hold is an ArenaTooSmallException naming the size, the capacity and the
 * fix; a full arena an ArenaFullException; after either, nothing is lost and the pool works on.
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
  void anImpossibleSizeAndAFullArenaAreDistinctErrorsAndThePoolWorksOn() {
    JvmThreads threads = JvmThreads.start(1);
    // 64 words: 48 for blocks after the arena's bookkeeping, so 31 payload words at most (a 32-word block).
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(64), 1);
    // One message for every shared-array type: the type, its length and words, the arena's capacity,
    // and the fix.
    assertThrowsWith(ArenaTooSmallException.class, () -> pool.newSharedIntArray(1000),
        "a SharedIntArray of 1000 elements needs 1000 words", "can ever hold in one block",
        "at most 31 of its 48 words", "PoolConfig.defaults().withArenaWords(1048576)",
        "split the data into several smaller arrays");
    assertThrowsWith(ArenaTooSmallException.class, () -> pool.newSharedFloatArray(40),
        "a SharedFloatArray of 40 elements needs 40 words", "at most 31 of its 48 words",
        "withArenaWords(");
    assertThrowsWith(ArenaTooSmallException.class, () -> pool.newSharedLongArray(20),
        "a SharedLongArray of 20 elements needs 41 words", "at most 31 of its 48 words", "withArenaWords(");
    assertThrowsWith(ArenaTooSmallException.class, () -> pool.newSharedDoubleArray(20),
        "a SharedDoubleArray of 20 elements needs 40 words", "at most 31 of its 48 words", "withArenaWords(");
    assertThrowsWith(ArenaTooSmallException.class, () -> pool.newSharedByteArray(200),
        "a SharedByteArray of 200 elements needs 50 words", "at most 31 of its 48 words", "withArenaWords(");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withArenaWords(Integer.MAX_VALUE), "arena of 2147483647 words",
        "more than a pool can have");
    assertThrowsWith(IllegalArgumentException.class, () -> pool.newSharedFloatArray(-1),
        "negative array length -1 for a SharedFloatArray");
    // Tasks already submitted (one running, the rest queued behind it on the one thread) are not lost
    // by the failures below.
    SharedIntArray gate = pool.newSharedIntArray(1); // a 4-word block
    java.util.List<org.webthreads.TaskFuture<Integer>> inFlight = new java.util.ArrayList<>();
    inFlight.add(pool.submit(GatedTask.KIND, gate));
    for (int i = 1; i < 6; i++) {
      inFlight.add(pool.submit(ECHO, 100 + i));
    }
    // Too large an argument: nothing is queued and the slot goes back. Far more attempts than
    // slots, so a slot leaked per failure would show.
    for (int i = 0; i < 50; i++) {
      assertThrowsWith(ArenaTooSmallException.class, () -> pool.submit(SUM_ARRAY, new int[100]),
          "its arguments take", "nothing was submitted", "withArenaWords(");
    }
    assertEquals(4, pool.arenaWordsInUse(), "failed submits left nothing in the arena");
    GatedTask.open(gate, 100);
    for (int i = 0; i < 6; i++) {
      assertEquals(100 + i, joinWithin(inFlight.get(i)));
    }
    gate.free();
    // An array that fits, with an argument block in the arena, repeatedly: the space is reused.
    for (int i = 0; i < 20; i++) {
      assertEquals(45, joinWithin(pool.submit(SUM_ARRAY, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})));
    }
    assertEquals(11, joinWithin(pool.submit(ECHO, 11)));

    StressSupport.shutdownAndClose(pool, threads);

    // Filling an arena, then freeing: a size that fits an empty arena is "full", not "too small". (A
    // fresh pool: small blocks freed above went to their size's free list.)
    JvmThreads threads2 = JvmThreads.start(1);
    ThreadPool pool2 = ThreadPool.create(threads2,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(64), 1);
    SharedIntArray array = pool2.newSharedIntArray(20); // a 32-word block
    SharedIntArray rest = pool2.newSharedIntArray(12); // a 16-word block: all 48 words in use
    ArenaFullException full = assertThrowsWith(ArenaFullException.class, () -> pool2.newSharedIntArray(3),
        "shared arena full", "cannot allocate 3 words", "48 are in use", "Free shared arrays",
        "withArenaWords(");
    assertEquals(ArenaFullException.class, full.getClass(), "not the impossible-size error");
    array.free();
    SharedIntArray again = pool2.newSharedIntArray(20);
    again.set(19, 5);
    assertEquals(5, again.get(19));
    again.free();
    rest.free();
    assertEquals(0, pool2.arenaWordsInUse());
    assertEquals(12, joinWithin(pool2.submit(ECHO, 12)));
    StressSupport.shutdownAndClose(pool2, threads2);
  }

  /**
   * The default pool holds what a first page needs: a full-HD RGBA image as ints, twice (double
   * buffering), with room left for argument blocks; a 960 x 640 image beside a float array as large.
   */
  @Test
  void theDefaultArenaHoldsFullHdImages() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    try {
      SharedIntArray front = pool.newSharedIntArray(1920 * 1080);
      SharedIntArray back = pool.newSharedIntArray(1920 * 1080);
      // Exact sizes: each image takes its own words rounded up to a cache line, nothing more.
      assertEquals(2 * (1920 * 1080 + 16), pool.arenaWordsInUse());
      front.set(1920 * 1080 - 1, 0xFF00FF00);
      back.set(0, 7);
      for (int i = 0; i < 20; i++) {
        assertEquals(45, joinWithin(pool.submit(SUM_ARRAY, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})));
      }
      int[] large = new int[10_000];
      large[9_999] = 3;
      assertEquals(3, joinWithin(pool.submit(SUM_ARRAY, large)), "a 10,000-int argument beside them");
      assertEquals(0xFF00FF00, front.get(1920 * 1080 - 1));
      front.free();
      back.free();

      SharedIntArray image = pool.newSharedIntArray(960 * 640);
      SharedFloatArray depth = pool.newSharedFloatArray(960 * 640);
      SharedIntArray hd = pool.newSharedIntArray(1920 * 1080);
      image.free();
      depth.free();
      hd.free();
      assertEquals(0, pool.arenaWordsInUse());
      // A third full-HD image does not fit beside two, and says so as "full".
      SharedIntArray one = pool.newSharedIntArray(1920 * 1080);
      SharedIntArray two = pool.newSharedIntArray(1920 * 1080);
      ArenaFullException full = assertThrowsWith(ArenaFullException.class,
          () -> pool.newSharedIntArray(1920 * 1080), "shared arena full", "withArenaWords(");
      assertEquals(ArenaFullException.class, full.getClass());
      one.free();
      two.free();
      // Larger than the default arena: the message names an arena that would hold it, and that works.
      ArenaTooSmallException tooSmall = assertThrowsWith(ArenaTooSmallException.class,
          () -> pool.newSharedIntArray(3840 * 2160), "a SharedIntArray of 8294400 elements needs 8294400 "
          + "words", "PoolConfig.defaults().withArenaWords(8388608) or more", "split the data");
      String message = tooSmall.getMessage();
      int from = message.indexOf("withArenaWords(") + "withArenaWords(".length();
      int suggested = Integer.parseInt(message.substring(from, message.indexOf(')', from)));
      JvmThreads threads2 = JvmThreads.start(1);
      ThreadPool bigger = ThreadPool.create(threads2, PoolConfig.defaults().withArenaWords(suggested),
          threads2.workerIds());
      SharedIntArray uhd = bigger.newSharedIntArray(3840 * 2160);
      uhd.set(3840 * 2160 - 1, 1);
      assertEquals(1, uhd.get(3840 * 2160 - 1));
      uhd.free();
      StressSupport.shutdownAndClose(bigger, threads2);
    } finally {
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  /** Results travel through the arena where threads have heaps of their own (the browser). */
  @Test
  void resultTooLargeForTheArenaFailsTheTaskWithTheArenaError() {
    JvmThreads threads = JvmThreads.startEmulatingSeparateHeaps(1);
    // 1008 words for blocks: a 1,100-int result can never fit, a 900-int one does (exactly sized).
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(64).withArenaWords(1024), 1);
    TaskFailedException e = failureOf(pool.submit(RETURNS_ARRAY, 1100));
    assertEquals(ArenaTooSmallException.class.getName(), e.remoteClassName());
    assertMessageContains(e, "its result would take", "the task failed", "withArenaWords(");
    assertEquals(0, pool.arenaWordsInUse(), "nothing left behind in the arena");
    assertEquals(900, joinWithin(pool.submit(RETURNS_ARRAY, 900)).length);
    assertEquals(100, joinWithin(pool.submit(RETURNS_ARRAY, 100)).length);
    StressSupport.shutdownAndClose(pool, threads);
  }
}
