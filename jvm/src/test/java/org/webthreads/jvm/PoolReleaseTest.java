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
 * pool's shared memory, alive.
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
