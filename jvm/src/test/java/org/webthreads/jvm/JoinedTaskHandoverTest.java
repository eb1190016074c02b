package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.Platform;
import org.webthreads.PoolConfig;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.memory.SharedRegion;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.TaskSlots;

/**
 * A pool thread that joins its own child pops it off its ring and runs it itself, handing the Java
 * result straight to the future without going through the slot. On the JVM a second thread may join
 * the same future and be asleep on the slot's state word: it must be woken, although the slot never
 * completes the usual way and is freed (and reused) at once.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinedTaskHandoverTest {
  /** Shared words that report when one chosen thread announces a waiter on a slot's state word. */
  static final class WaiterHookWords implements SharedWords {
    private final JvmSharedWords delegate;
    volatile Thread watched;
    final CountDownLatch waiterAnnounced = new CountDownLatch(1);

    WaiterHookWords(int length) {
      delegate = new JvmSharedWords(length);
    }

    @Override
    public int length() {
      return delegate.length();
    }

    @Override
    public int load(int index) {
      return delegate.load(index);
    }

    @Override
    public void store(int index, int value) {
      delegate.store(index, value);
    }

    @Override
    public boolean compareAndSet(int index, int expected, int value) {
      boolean done = delegate.compareAndSet(index, expected, value);
      if (done && Thread.currentThread() == watched && (expected & TaskSlots.WAITER) == 0
          && value == (expected | TaskSlots.WAITER)) {
        waiterAnnounced.countDown();
      }
      return done;
    }

    @Override
    public int getAndAdd(int index, int delta) {
      return delegate.getAndAdd(index, delta);
    }

    @Override
    public int waitWhileEqual(int index, int expected, long timeoutNanos) {
      return delegate.waitWhileEqual(index, expected, timeoutNanos);
    }

    @Override
    public int notify(int index, int count) {
      return delegate.notify(index, count);
    }

    @Override
    public boolean canWait() {
      return true;
    }
  }

  static volatile WaiterHookWords words;
  static volatile TaskFuture<Integer> shared;
  static final CountDownLatch[] childPublished = {new CountDownLatch(1)};

  /** Runs only once an outside thread sleeps on its slot; by then its parent is running it. */
  static final TaskKind<Integer> CHILD = TaskKind.register("JoinedTaskHandoverTest.child",
      (args, pool) -> {
        StressSupport.await(words.waiterAnnounced, "the outside thread waiting on the child's slot");
        return args.readInt() * 3;
      });

  static final TaskKind<Integer> PARENT = TaskKind.register("JoinedTaskHandoverTest.parent",
      (args, pool) -> {
        TaskFuture<Integer> child = pool.submit(CHILD, args.readInt());
        shared = child;
        childPublished[0].countDown();
        return child.join() + 1; // pops the child off this thread's ring and runs it here
      });

  @Test
  void anotherThreadWaitingOnTheSameFutureIsWoken() {
    JvmThreads threads = JvmThreads.start(1);
    Platform platform = new Platform() {
      @Override
      public int[] workerIds() {
        return threads.workerIds();
      }

      @Override
      public SharedRegion allocate(int count) {
        words = new WaiterHookWords(count);
        return new SharedRegion(words, 0);
      }

      @Override
      public void startWorkers(ThreadPool pool, int[] threadIds) {
        threads.startWorkers(pool, threadIds);
      }
    };
    ThreadPool pool = ThreadPool.create(platform, PoolConfig.defaults(), 1);
    TaskFuture<Integer> parent = pool.submit(PARENT, 14);
    StressSupport.await(childPublished[0], "the parent forking its child");
    StressSupport.within("an outside join of the child that a pool thread runs inline", () -> {
      words.watched = Thread.currentThread();
      assertEquals(42, shared.join());
    });
    StressSupport.within("the parent's join", () -> assertEquals(43, parent.join()));
    StressSupport.shutdownAndClose(pool, threads);
  }
}
