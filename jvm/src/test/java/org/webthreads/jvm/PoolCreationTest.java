package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.CommonTaskKinds.ECHO;
import static org.webthreads.jvm.TestAssertions.assertThrowsWith;
import static org.webthreads.jvm.TestAssertions.joinWithin;
import static org.webthreads.jvm.TestAssertions.small;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.PoolConfig;
import org.webthreads.PoolControl;
import org.webthreads.ThreadPool;

/**
 * ThreadPool.create and PoolConfig refuse what cannot work, with an error that names the problem
 * and the fix.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoolCreationTest {

  @Test
  void createRejectsBadThreadIds() {
    JvmThreads threads = JvmThreads.start(2);
    try {
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads),
          "at least one worker thread id", "pass ids returned by the platform");
      assertThrowsWith(IllegalArgumentException.class,
          () -> ThreadPool.create(threads, (int[]) null), "at least one worker thread id");
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads, 1, 0),
          "thread id 0 is the main thread", "pass only worker ids");
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads, 2, 1, 2),
          "thread id 2 appears twice", "give each worker id once");
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads, 1, 99),
          "unknown thread id 99", "[1, 2]");
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads, -3),
          "unknown thread id -3");

      // None of the rejected calls took a thread: a pool over both still starts and works.
      ThreadPool pool = ThreadPool.create(threads, small(), 1, 2);
      assertEquals(5, joinWithin(pool.submit(ECHO, 5)));

      // A thread that serves a live pool cannot join another one ...
      IllegalArgumentException busy = assertThrowsWith(IllegalArgumentException.class,
          () -> ThreadPool.create(threads, small(), 2), "thread 2 already serves another pool",
          "shut that pool down", "choose other ids");
      assertInstanceOf(IllegalArgumentException.class, busy);
      assertEquals(7, joinWithin(pool.submit(ECHO, 7)), "the first pool is unharmed");
      // ... until that pool has terminated.
      pool.shutdown();
      assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
      ThreadPool next = ThreadPool.create(threads, small(), 2);
      assertEquals(9, joinWithin(next.submit(ECHO, 9)));
      StressSupport.shutdownAndClose(next, threads);
    } finally {
      StressSupport.closeQuietly(threads);
    }
  }

  @Test
  void configAndPlatformRejectBadSizes() {
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withRingCapacity(6), "power of two", "was 6");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withRingCapacity(1024), "between 2 and 512");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withSlotCount(0), "slot count must be between 1", "was 0");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withArenaWords(10), "at least 64 words", "was 10");
    assertThrowsWith(IllegalArgumentException.class, () -> JvmThreads.start(0),
        "at least one worker thread");
    JvmThreads threads = JvmThreads.start(1);
    try {
      assertThrowsWith(IllegalArgumentException.class, () -> threads.post(2, () -> { }),
          "unknown thread id 2");
      ThreadPool pool = ThreadPool.create(threads, small(), 1);
      assertThrowsWith(IllegalArgumentException.class, () -> PoolControl.of(pool).requestYield(5),
          "thread 5 is not in this pool", "[1]");
      assertThrowsWith(NullPointerException.class, () -> pool.submit(null, 1), "task kind is null");
      StressSupport.shutdownAndClose(pool, threads);
    } finally {
      StressSupport.closeQuietly(threads);
    }
  }
}
