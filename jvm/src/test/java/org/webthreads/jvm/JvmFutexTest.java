package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.memory.SharedWords;

/**
 * The JVM futex emulation (JvmSharedWords) keeps the contract SharedWords states.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JvmFutexTest {

  @Test
  void futexReturnsNotEqualWhenTheWordDiffers() {
    JvmSharedWords words = new JvmSharedWords(128);
    words.store(5, 1);
    assertEquals(SharedWords.NOT_EQUAL, words.waitWhileEqual(5, 2, -1));
    assertEquals(SharedWords.NOT_EQUAL, words.waitWhileEqual(5, 0, 1_000_000));
  }

  @Test
  void futexTimesOut() {
    JvmSharedWords words = new JvmSharedWords(128);
    words.store(5, 1);
    assertEquals(SharedWords.TIMED_OUT, words.waitWhileEqual(5, 1, 1_000));
    assertEquals(SharedWords.TIMED_OUT, words.waitWhileEqual(5, 1, 0));
    assertEquals(0, words.notify(5, Integer.MAX_VALUE), "a timed-out waiter is no longer queued");
  }

  @Test
  void futexWakesOnNotifyOfItsIndexOnly() throws Exception {
    JvmSharedWords words = new JvmSharedWords(128);
    words.store(5, 1);
    int[] result = {-1};
    Thread waiter = new Thread(() -> result[0] = words.waitWhileEqual(5, 1, -1), "futex-waiter");
    waiter.setDaemon(true);
    waiter.start();
    // WAITING means it is inside the futex wait (the only waiting call it makes).
    while (waiter.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertEquals(0, words.notify(5 + 64, Integer.MAX_VALUE), "same bucket, other index");
    assertTrue(waiter.isAlive());
    assertEquals(1, words.notify(5, Integer.MAX_VALUE));
    StressSupport.join(waiter, "the futex waiter");
    assertEquals(SharedWords.WOKEN, result[0]);

    // With a timeout too, and two waiters woken one at a time.
    int[] results = {-1, -1};
    Thread[] waiters = new Thread[2];
    for (int k = 0; k < 2; k++) {
      int slot = k;
      waiters[k] = new Thread(() -> results[slot] = words.waitWhileEqual(5, 1, TimeUnit.MINUTES
          .toNanos(10)), "futex-waiter-" + k);
      waiters[k].setDaemon(true);
      waiters[k].start();
    }
    for (Thread w : waiters) {
      while (w.getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
    }
    assertEquals(1, words.notify(5, 1));
    assertEquals(1, words.notify(5, 1));
    assertEquals(0, words.notify(5, 1));
    for (Thread w : waiters) {
      StressSupport.join(w, "a futex waiter");
    }
    assertEquals(SharedWords.WOKEN, results[0]);
    assertEquals(SharedWords.WOKEN, results[1]);
  }

  @Test
  void futexNeverMissesAStoreFollowedByNotify() {
    JvmSharedWords words = new JvmSharedWords(128);
    int rounds = 20_000;
    Thread waiter = new Thread(() -> {
      for (int i = 0; i < rounds; i++) {
        while (words.load(0) == i) {
          words.waitWhileEqual(0, i, -1);
        }
        words.store(64, i + 1); // ack (another bucket index would do too)
        words.notify(64, 1);
      }
    }, "futex-ping");
    waiter.setDaemon(true);
    waiter.start();
    for (int i = 0; i < rounds; i++) {
      words.store(0, i + 1);
      words.notify(0, 1);
      while (words.load(64) == i) {
        words.waitWhileEqual(64, i, -1);
      }
    }
    StressSupport.join(waiter, "the ping-pong partner");
    assertEquals(rounds, words.load(64));
  }
}
