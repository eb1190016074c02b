package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * A pool that was used from an outside thread (which keeps per-thread submit state: a slot cache and
 * its futures) is garbage once the program drops it: the outside thread must not keep it, and the
 * pool's shared memory, alive; nor may the platform whose threads served it, which lives on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoolReleaseTest {
  static final TaskKind<Integer> SQUARE = TaskKind.register("release.square", (args, pool) -> {
    int n = args.readInt();
    return n * n;
  });

  @Test
  void aShutDownPoolIsNotKeptAliveByTheThreadThatSubmittedToIt() throws Exception {
    WeakReference<ThreadPool> released = useAndDropAPool();
    for (int i = 0; i < 20 && released.get() != null; i++) {
      System.gc();
    }
    assertNull(released.get(), "the pool is still reachable after it was shut down and dropped");
  }

  /**
   * A platform that lives on keeps only the pool its threads serve: creating and terminating pools
   * on it one after another used to keep every one (OutOfMemoryError after about 100 default pools).
   */
  @Test
  void aLivePlatformKeepsNoPoolItServedBefore() throws Exception {
    JvmThreads platform = JvmThreads.start(2);
    try {
      WeakReference<ThreadPool> first = useAndDropAPool(platform);
      WeakReference<ThreadPool> second = useAndDropAPool(platform);
      for (int i = 0; i < 20 && (first.get() != null || second.get() != null); i++) {
        System.gc();
      }
      assertNull(first.get(), "the platform keeps a pool that terminated");
      assertNull(second.get(), "the platform keeps a pool that terminated");
      // And it still serves new pools.
      ThreadPool third = ThreadPool.create(platform, platform.workerIds());
      assertEquals(9, third.submit(SQUARE, 3).join());
      third.shutdown();
      assertTrue(third.awaitTermination(30, TimeUnit.SECONDS));
    } finally {
      platform.close();
    }
  }

  private static WeakReference<ThreadPool> useAndDropAPool(JvmThreads platform) throws Exception {
    ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
    assertEquals(4, pool.submit(SQUARE, 2).join());
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    return new WeakReference<>(pool);
  }

  private static WeakReference<ThreadPool> useAndDropAPool() throws Exception {
    JvmThreads platform = JvmThreads.start(2);
    try {
      ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
      assertEquals(4, pool.submit(SQUARE, 2).join());
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      return new WeakReference<>(pool);
    } finally {
      platform.close();
    }
  }
}
