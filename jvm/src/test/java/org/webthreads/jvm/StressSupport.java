package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.webthreads.ThreadPool;

/**
 * Helpers shared by the stress and bad-input tests: waiting with a hang detector (a wait that does not
 * end in a generous time fails the test with a dump of every thread, instead of hanging the build) and
 * cleanup that cannot hang either.
 *
 * <p>The limits are liveness checks, not timing assertions: each is one to two orders of magnitude above
 * what the awaited work needs on two slow cores.
 */
final class StressSupport {
  /** Liveness limit for one awaited phase of a test. */
  static final long HANG_SECONDS = 120;

  private StressSupport() {
  }

  /** Awaits {@code latch}; if it does not reach zero within the liveness limit, fails with a thread dump. */
  static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(HANG_SECONDS, TimeUnit.SECONDS)) {
        fail("hang: " + what + " did not finish (latch still at " + latch.getCount() + ")\n"
            + threadDump());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while waiting for " + what);
    }
  }

  /** Joins {@code thread}; fails with a thread dump if it does not end within the liveness limit. */
  static void join(Thread thread, String what) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(HANG_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while waiting for " + what);
    }
    if (thread.isAlive()) {
      fail("hang: " + what + " (thread " + thread.getName() + ") did not finish\n" + threadDump());
    }
  }

  /**
   * Runs {@code body} on a fresh thread and waits for it with the hang detector: for calls such as
   * {@code TaskFuture.join()} that have no timeout of their own. Rethrows what the body threw.
   */
  static void within(String what, ThrowingRunnable body) {
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(() -> {
      try {
        body.run();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "test-" + what.replace(' ', '-'));
    thread.setDaemon(true);
    thread.start();
    join(thread, what);
    if (failure[0] instanceof RuntimeException) {
      throw (RuntimeException) failure[0];
    }
    if (failure[0] instanceof Error) {
      throw (Error) failure[0];
    }
    if (failure[0] != null) {
      throw new AssertionError(what + " failed", failure[0]);
    }
  }

  /** Shuts {@code pool} down and checks it terminates; then stops the platform's threads. */
  static void shutdownAndClose(ThreadPool pool, JvmThreads threads) {
    pool.shutdown();
    boolean terminated = pool.awaitTermination(HANG_SECONDS, TimeUnit.SECONDS);
    if (!terminated) {
      fail("hang: pool did not terminate after shutdown()\n" + threadDump());
    }
    closeQuietly(threads);
  }

  /** Closes the platform on a helper thread so that a stuck worker cannot hang the test run. */
  static void closeQuietly(JvmThreads threads) {
    Thread closer = new Thread(threads::close, "test-close");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String threadDump() {
    StringBuilder out = new StringBuilder("---- thread dump ----\n");
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      Thread thread = entry.getKey();
      out.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
      for (StackTraceElement frame : entry.getValue()) {
        out.append("    at ").append(frame).append('\n');
      }
    }
    return out.toString();
  }

  /** A 64-bit mixer (SplitMix64 finaliser) for checksums that catch lost and doubled tasks. */
  static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 31);
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
