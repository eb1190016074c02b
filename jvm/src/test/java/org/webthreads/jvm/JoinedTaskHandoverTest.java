package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webthreads.Platform;
import org.webthreads.PoolConfig;
import org.webthreads.PoolControl;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.memory.SharedRegion;
import org.webthreads.memory.ForwardingSharedWords;
import org.webthreads.scheduler.PoolLayout;

/**
 * A pool thread that joins its own child runs it itself, handing the Java result straight to the
 * future without going through a slot: a private fork (the default) never had one; with private forks
 * off, the child is popped off the ring and its slot is freed (and reused) at once. On the JVM a second
 * thread may join the same future and be asleep, on the owner's fork-epoch word or on the slot's state
 * word: it must be woken although neither completes the usual way.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JoinedTaskHandoverTest {
  /** Shared words that report when one chosen thread is about to sleep on a word. */
  static final class WaiterHookWords extends ForwardingSharedWords {
    volatile Thread watched;
    volatile int watchedIndex = -1;
    final CountDownLatch waiterAnnounced = new CountDownLatch(1);

    WaiterHookWords(int length) {
      super(new JvmSharedWords(length));
    }

    @Override
    public int waitWhileEqual(int index, int expected, long timeoutNanos) {
      if (Thread.currentThread() == watched) {
        watchedIndex = index;
        // It announced itself (WAITER bit, or the private fork's waiter mark) and compares next: the
        // child may finish now, and must then wake it or change the word first.
        waiterAnnounced.countDown();
      }
      return delegate.waitWhileEqual(index, expected, timeoutNanos);
    }
  }

  static volatile WaiterHookWords words;
  static volatile TaskFuture<Integer> shared;
  /** The child's completion word right after the fork: the fork epoch while it is private. */
  static volatile int childWordAtFork;
  static volatile CountDownLatch childPublished;

  /** Runs only once an outside thread is about to sleep waiting for it; by then its parent runs it. */
  static final TaskKind<Integer> CHILD = TaskKind.register("JoinedTaskHandoverTest.child",
      (args, pool) -> {
        StressSupport.await(words.waiterAnnounced, "the outside thread waiting for the child");
        return args.readInt() * 3;
      });

  static final TaskKind<Integer> FIRST = TaskKind.register("JoinedTaskHandoverTest.first",
      (args, pool) -> args.readInt());

  static final TaskKind<Integer> PARENT = TaskKind.register("JoinedTaskHandoverTest.parent",
      (args, pool) -> {
        // The first fork goes to the ring (a thread keeps one task stealable), so that the child can
        // stay private when private forks are on.
        TaskFuture<Integer> first = pool.submit(FIRST, 1);
        TaskFuture<Integer> child = pool.submit(CHILD, args.readInt());
        childWordAtFork = PoolControl.completionWait(child).wordIndex();
        shared = child;
        childPublished.countDown();
        // Runs the child here: a private fork, or popped off the ring.
        return child.join() + first.join();
      });

  @ParameterizedTest(name = "private forks {0}")
  @ValueSource(booleans = {true, false})
  void anotherThreadWaitingOnTheSameFutureIsWoken(boolean privateForks) {
    childPublished = new CountDownLatch(1);
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
      public void startWorkers(PoolControl pool, int[] threadIds) {
        threads.startWorkers(pool, threadIds);
      }
    };
    ThreadPool pool = ThreadPool.create(platform,
        PoolConfig.defaults().withPrivateForks(privateForks), 1);
    TaskFuture<Integer> parent = pool.submit(PARENT, 14);
    StressSupport.await(childPublished, "the parent forking its child");
    StressSupport.within("an outside join of the child that a pool thread runs inline", () -> {
      words.watched = Thread.currentThread();
      assertEquals(42, shared.join());
    });
    StressSupport.within("the parent's join", () -> assertEquals(43, parent.join()));
    // The outside thread slept where intended: on the owner's fork epoch for a private child, else on
    // the child's slot.
    int epochWord = PoolLayout.read(PoolControl.of(pool).words(), PoolControl.of(pool).base()).forkEpochIndex(0);
    assertEquals(childWordAtFork, words.watchedIndex, "the word the outside thread waited on");
    assertEquals(privateForks, childWordAtFork == epochWord,
        "the child was private exactly when private forks are on");
    StressSupport.shutdownAndClose(pool, threads);
  }
}
