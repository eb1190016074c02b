package org.webthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.jvm.GatedTask;
import org.webthreads.jvm.JvmThreads;

/**
 * A thread's list of unharvested futures stays bounded when futures are joined out of order behind a
 * task that runs for long: a window of one (submit the next, join the previous) while the oldest
 * future stays pending. Each joined future is harvested, but neither at the newest end nor the oldest,
 * so only the full ring's sweep drops them. Tracking exists only where threads have heaps of their own
 * (the browser), emulated here.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FutureTrackingTest {
  static final TaskKind<Integer> ECHO = TaskKind.register("tracking.echo", (args, pool) -> args.readInt());

  @Test
  void joinedFuturesBehindAPendingOneDoNotPileUp() {
    JvmThreads platform = JvmThreads.startEmulatingSeparateHeaps(2);
    ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
    SharedIntArray gate = pool.newSharedIntArray(1);
    try {
      TaskFuture<Integer> longRunning = pool.submit(GatedTask.KIND, gate);
      TaskFuture<Integer> previous = pool.submit(ECHO, 0);
      int most = 0;
      for (int i = 1; i <= 20_000; i++) {
        TaskFuture<Integer> next = pool.submit(ECHO, i);
        assertEquals(i - 1, previous.join());
        previous = next;
        most = Math.max(most, pool.trackedFutures());
      }
      assertTrue(most <= 4 * SubmitterState.HARVEST_ABOVE, "the list grew to " + most + " futures");
      GatedTask.open(gate, 1);
      assertEquals(1, longRunning.join());
      assertEquals(20_000, previous.join());
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    } finally {
      GatedTask.open(gate, 1); // also when an assertion failed: the gated task must end for the pool to close
      platform.close();
    }
  }
}
