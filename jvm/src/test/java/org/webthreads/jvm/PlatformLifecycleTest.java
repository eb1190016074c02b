package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/** What {@link JvmThreads} promises about its threads' lives and its pools. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PlatformLifecycleTest {
  static final TaskKind<Integer> ECHO = TaskKind.register("PlatformLifecycleTest.echo",
      (args, pool) -> args.readInt());

  private static Set<Thread> workerThreads() {
    Set<Thread> found = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("webthreads-")) {
        found.add(thread);
      }
    }
    return found;
  }

  /** newPool's threads end once that pool has terminated: the pool is the only handle needed. */
  @Test
  void newPoolsThreadsEndWithThePool() {
    Set<Thread> before = workerThreads();
    for (int round = 0; round < 20; round++) {
      ThreadPool pool = JvmThreads.newPool(2);
      assertEquals(round, pool.submit(ECHO, round).join());
      pool.shutdown();
      assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    }
    Set<Thread> started = workerThreads();
    started.removeAll(before);
    for (Thread thread : started) {
      StressSupport.join(thread, "a thread of a terminated newPool");
    }
  }

  /** A closed platform refuses new pools and posts with a message that says what to do. */
  @Test
  void aClosedPlatformRefusesPoolsAndPosts() {
    JvmThreads threads = JvmThreads.start(2);
    threads.close();
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> ThreadPool.create(threads, threads.workerIds()));
    TestAssertions.assertMessageContains(refused, "closed", "JvmThreads.start");
    IllegalStateException post = assertThrows(IllegalStateException.class, () -> threads.post(1, () -> { }));
    TestAssertions.assertMessageContains(post, "closed");
  }

  /** close() while a pool still runs: queued work is cancelled, running work ends, the threads end. */
  @Test
  void closeStopsALivePoolAndEndsTheThreads() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    assertEquals(5, pool.submit(ECHO, 5).join());
    StressSupport.closeQuietly(threads);
    assertTrue(pool.isTerminated(), "close() terminates the pools its threads serve");
  }
}
