package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JvmSharedWords.waitAsync, the JVM's Atomics.waitAsync: a callback per notify, no thread waiting. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JvmWaitAsyncTest {
  @Test
  void aWordThatDiffersRunsTheCallbackWithoutANotify() {
    JvmSharedWords words = new JvmSharedWords(8);
    words.store(3, 1);
    CountDownLatch ran = new CountDownLatch(1);
    words.waitAsync(3, 0, ran::countDown);
    StressSupport.await(ran, "the callback of a word that differs");
    assertEquals(0, words.notify(3, Integer.MAX_VALUE), "nothing stayed queued");
  }

  @Test
  void aNotifyRunsEachQueuedCallbackOnceAndCountsIt() {
    JvmSharedWords words = new JvmSharedWords(8);
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ran = new CountDownLatch(2);
    words.waitAsync(5, 0, () -> {
      runs.incrementAndGet();
      ran.countDown();
    });
    words.waitAsync(5, 0, () -> {
      runs.incrementAndGet();
      ran.countDown();
    });
    words.waitAsync(4, 0, runs::incrementAndGet); // another word (the same bucket's neighbour): stays
    assertEquals(2, words.notify(5, Integer.MAX_VALUE));
    StressSupport.await(ran, "both callbacks of word 5");
    assertEquals(0, words.notify(5, Integer.MAX_VALUE), "each waiter is notified once");
    assertEquals(2, runs.get());
    assertEquals(1, words.notify(4, 1));
  }

  @Test
  void aBlockingWaiterAndAnAsyncWaiterAreBothWoken() throws Exception {
    JvmSharedWords words = new JvmSharedWords(8);
    CountDownLatch asyncRan = new CountDownLatch(1);
    words.waitAsync(2, 0, asyncRan::countDown);
    Thread blocked = new Thread(() -> words.waitWhileEqual(2, 0, -1));
    blocked.start();
    // The blocked thread enqueues under the bucket's lock; notify until both were counted.
    int woken = 0;
    while (woken < 2) {
      woken += words.notify(2, Integer.MAX_VALUE);
      Thread.onSpinWait();
    }
    StressSupport.await(asyncRan, "the async waiter");
    StressSupport.join(blocked, "the blocking waiter");
  }
}
