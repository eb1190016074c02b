package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.PoolConfig;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * {@link TaskFuture#cancel()} as the docs promise it, on both heap modes: a task not yet started never
 * runs; a running one sees it through {@code TaskInput.isCancelled()} and its joins throw
 * CancellationException at once, whoever waits (outside threads, pool threads, the forker of a private
 * fork); cancelling what finished does nothing; and the races (cancel against start, against
 * completion, from several threads) always leave one outcome that every join agrees on, with no slot lost.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class CancellationTest {
  static final AtomicInteger bodiesRun = new AtomicInteger();

  /** Counts that its body ran; returns 1. */
  static final TaskKind<Integer> COUNTED = TaskKind.register("CancellationTest.counted", (args, pool) -> {
    bodiesRun.incrementAndGet();
    return 1;
  });

  /**
   * Sets element 0 of {@code flags} to 1 (started) and notifies, then works until {@code cancelled}
   * says so; returns the work's value (never 42, so callers can use it without changing their result).
   */
  static long workUntilCancelled(SharedIntArray flags, java.util.function.BooleanSupplier cancelled) {
    flags.set(0, 1);
    flags.notifyWaiters(0);
    long work = 0;
    while (!cancelled.getAsBoolean()) {
      work = StressSupport.mix(work); // real work between the checks, as a long task does
    }
    return work;
  }

  /** Records in element 1 that the task saw its cancellation (1), and notifies. */
  static void sawCancellation(SharedIntArray flags, long work) {
    flags.set(1, work == 42 ? 2 : 1);
    flags.notifyWaiters(1);
  }

  /**
   * Argument: a shared array. Works until {@code args.isCancelled()} (see {@link #workUntilCancelled}),
   * records that it saw the cancellation, and returns 5.
   */
  static final TaskKind<Integer> WORKS_UNTIL_CANCELLED = TaskKind.register("CancellationTest.worksUntil",
      (args, pool) -> {
        SharedIntArray flags = args.readSharedIntArray();
        sawCancellation(flags, workUntilCancelled(flags, args::isCancelled));
        return 5;
      });

  /** Throws once it sees cancellation (the join must still report cancellation, not the failure). */
  static final TaskKind<Integer> THROWS_WHEN_CANCELLED = TaskKind.register("CancellationTest.throws",
      (args, pool) -> {
        long work = workUntilCancelled(args.readSharedIntArray(), args::isCancelled);
        throw new IllegalStateException("stopped by cancellation " + (work == 42));
      });

  /** The typed form of {@link #WORKS_UNTIL_CANCELLED}: it sees the cancellation through its context. */
  static final org.webthreads.TaskKind1<SharedIntArray, Integer> TYPED_WORKS_UNTIL_CANCELLED =
      org.webthreads.TaskKind1.register("CancellationTest.typedWorksUntil", org.webthreads.Codecs.SHARED_INT_ARRAY,
          (flags, context) -> {
            sawCancellation(flags, workUntilCancelled(flags, context::isCancelled));
            return 5;
          });

  static final AtomicReference<TaskFuture<Integer>> handedOver = new AtomicReference<>();

  /**
   * On a pool thread: joins the future in {@link #handedOver} and returns 1 when the join threw
   * CancellationException, 0 when it returned.
   */
  static final TaskKind<Integer> JOINS_HANDED_OVER = TaskKind.register("CancellationTest.joinsHandedOver",
      (args, pool) -> {
        try {
          handedOver.get().join();
          return 0;
        } catch (CancellationException e) {
          return 1;
        }
      });

  /**
   * Forks COUNTED (privately), cancels the fork, joins it: returns 1 when cancel() returned true and
   * the join threw CancellationException.
   */
  static final TaskKind<Integer> CANCELS_OWN_FORK = TaskKind.register("CancellationTest.cancelsOwnFork",
      (args, pool) -> {
        TaskFuture<Integer> child = pool.submit(COUNTED);
        boolean cancelled = child.cancel();
        try {
          child.join();
          return 0;
        } catch (CancellationException e) {
          return cancelled && child.isCancelled() ? 1 : 0;
        }
      });

  /** On a pool thread: join(timeout) of the future in {@link #handedOver}: 1 when it timed out. */
  static final TaskKind<Integer> JOINS_WITH_TIMEOUT = TaskKind.register("CancellationTest.joinsWithTimeout",
      (args, pool) -> {
        try {
          handedOver.get().join(20, TimeUnit.MILLISECONDS);
          return 0;
        } catch (org.webthreads.TaskTimeoutException e) {
          return 1;
        }
      });

  private static SharedIntArray closedGate(ThreadPool pool) {
    return pool.newSharedIntArray(1);
  }

  private static void awaitValue(SharedIntArray array, int index, int value) {
    int seen;
    while ((seen = array.get(index)) != value) {
      array.awaitChange(index, seen);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aTaskCancelledBeforeItStartsNeverRuns(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray gate = closedGate(pool);
    TaskFuture<Integer> holder = pool.submit(GatedTask.KIND, gate); // the only worker is busy
    int before = bodiesRun.get();
    TaskFuture<Integer> queued = pool.submit(COUNTED);
    assertTrue(queued.cancel(), "cancel() of a queued task");
    assertTrue(queued.isDone());
    assertTrue(queued.isCancelled());
    assertTrue(queued.isCompletedExceptionally());
    CancellationException e = assertThrows(CancellationException.class, queued::join);
    assertTrue(e.getMessage().contains("CancellationTest.counted") && e.getMessage().contains("cancel()"),
        e.getMessage());
    assertFalse(queued.cancel(), "a second cancel() changes nothing");
    GatedTask.open(gate, 3);
    assertEquals(3, holder.join());
    assertEquals(1, pool.submit(COUNTED).join()); // the queue was served past the cancelled task
    StressSupport.shutdownAndClose(pool, threads);
    assertEquals(before + 1, bodiesRun.get(), "the cancelled task's body ran");
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aRunningTaskSeesCancellationAndItsJoinThrowsAtOnce(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray flags = pool.newSharedIntArray(2);
    TaskFuture<Integer> running = pool.submit(WORKS_UNTIL_CANCELLED, flags);
    awaitValue(flags, 0, 1);
    assertTrue(running.cancel());
    assertThrows(CancellationException.class, running::join); // while the body may still run
    awaitValue(flags, 1, 1); // the body saw isCancelled() and returned
    assertEquals(1, pool.submit(COUNTED).join()); // its slot and worker serve on
    assertThrows(CancellationException.class, running::join, "its return value is dropped");
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aTypedTaskSeesCancellationThroughItsContext(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray flags = pool.newSharedIntArray(2);
    TaskFuture<Integer> running = pool.submit(TYPED_WORKS_UNTIL_CANCELLED, flags);
    awaitValue(flags, 0, 1);
    assertTrue(running.cancel());
    awaitValue(flags, 1, 1);
    assertThrows(CancellationException.class, running::join);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aTaskThatThrowsAfterCancellationIsReportedCancelled(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray flags = pool.newSharedIntArray(1);
    TaskFuture<Integer> running = pool.submit(THROWS_WHEN_CANCELLED, flags);
    awaitValue(flags, 0, 1);
    assertTrue(running.cancel());
    assertEquals(1, pool.submit(COUNTED).join()); // runs after the cancelled body has thrown
    assertThrows(CancellationException.class, running::join);
    assertTrue(running.isCancelled());
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** A CompletableFuture adapter completes as cancelled at cancel(), while the task is still blocked. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void cancelCompletesTheCompletableFutureAdapterAtOnce(Heaps heaps) throws Exception {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray gate = closedGate(pool);
    TaskFuture<Integer> gated = pool.submit(GatedTask.KIND, gate);
    java.util.concurrent.CompletableFuture<Integer> adapter = JvmFutures.toCompletableFuture(gated);
    java.util.concurrent.CompletableFuture<String> stage = adapter.handle(
        (value, failure) -> failure == null ? "value " + value : "failed " + failure.getClass().getSimpleName());
    assertTrue(gated.cancel());
    String seen = stage.get(); // waits only until cancel() has reached the adapter
    assertTrue(seen.contains("CancellationException"), seen);
    assertTrue(adapter.isCompletedExceptionally());
    GatedTask.open(gate, 1);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void cancellingAFinishedTaskDoesNothing(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    TaskFuture<Integer> done = pool.submit(COUNTED);
    assertEquals(1, done.join());
    assertFalse(done.cancel());
    assertFalse(done.isCancelled());
    assertFalse(done.isCompletedExceptionally());
    assertEquals(1, done.join());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aThreadBlockedInJoinWakesWhenAnotherCancels(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray gate = closedGate(pool);
    TaskFuture<Integer> gated = pool.submit(GatedTask.KIND, gate);
    AtomicReference<Throwable> joined = new AtomicReference<>();
    Thread joiner = new Thread(() -> {
      try {
        gated.join();
      } catch (Throwable t) {
        joined.set(t);
      }
    });
    joiner.start();
    assertTrue(gated.cancel());
    StressSupport.join(joiner, "a join woken by cancel() while the task is still blocked");
    assertTrue(joined.get() instanceof CancellationException, String.valueOf(joined.get()));
    GatedTask.open(gate, 1);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aPoolThreadJoiningWakesWhenTheOutsideCancels(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray gate = closedGate(pool);
    TaskFuture<Integer> gated = pool.submit(GatedTask.KIND, gate);
    handedOver.set(gated);
    TaskFuture<Integer> joiner = pool.submit(JOINS_HANDED_OVER);
    assertTrue(gated.cancel());
    assertEquals(1, joiner.join(), "the pool thread's join threw CancellationException");
    GatedTask.open(gate, 1);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aPrivateForkCancelledByItsForkerNeverRuns(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    int before = bodiesRun.get();
    for (int i = 0; i < 50; i++) {
      assertEquals(1, pool.submit(CANCELS_OWN_FORK).join());
    }
    StressSupport.shutdownAndClose(pool, threads);
    assertEquals(before, bodiesRun.get(), "a cancelled fork's body ran");
  }

  /**
   * Cancel against start and completion: submit, cancel at once from this thread while another
   * thread joins. Whatever wins, cancel()'s answer, isCancelled() and both joins agree, and with 8
   * slots a single lost slot would stop the loop (no slot for the next submit).
   */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void cancelRacingStartAndCompletionLeavesOneOutcome(Heaps heaps) throws Exception {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withSlotCount(8), threads.workerIds());
    int cancelledCount = 0;
    int completedCount = 0;
    int before = bodiesRun.get();
    for (int i = 0; i < 3000; i++) {
      TaskFuture<Integer> future = pool.submit(COUNTED);
      AtomicReference<Object> other = new AtomicReference<>();
      Thread joiner = null;
      if (i % 10 == 0) {
        joiner = new Thread(() -> {
          try {
            other.set(future.join());
          } catch (CancellationException e) {
            other.set(e);
          }
        });
        joiner.start();
      }
      boolean cancelled = future.cancel();
      Object outcome;
      try {
        outcome = future.join();
      } catch (CancellationException e) {
        outcome = e;
      }
      assertEquals(cancelled, outcome instanceof CancellationException, "cancel() and join disagree");
      assertEquals(cancelled, future.isCancelled());
      if (joiner != null) {
        StressSupport.join(joiner, "the second joiner");
        assertEquals(cancelled, other.get() instanceof CancellationException, "two joins disagree");
      }
      if (cancelled) {
        cancelledCount++;
      } else {
        completedCount++;
      }
    }
    StressSupport.shutdownAndClose(pool, threads);
    int ran = bodiesRun.get() - before;
    assertTrue(ran >= completedCount && ran <= 3000, "bodies run " + ran + ", completed " + completedCount);
    System.out.println(heaps + ": cancel won " + cancelledCount + ", completion won " + completedCount
        + ", bodies run " + ran);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void shutdownNowIsSeenByARunningTask(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray flags = pool.newSharedIntArray(2);
    TaskFuture<Integer> running = pool.submit(WORKS_UNTIL_CANCELLED, flags);
    awaitValue(flags, 0, 1);
    pool.shutdownNow();
    awaitValue(flags, 1, 1);
    assertEquals(5, running.join(), "a running task finishes: shutdownNow() cancels only what has not started");
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aTimedJoinGivesUpAndTheTaskGoesOn(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray gate = closedGate(pool);
    TaskFuture<Integer> gated = pool.submit(GatedTask.KIND, gate);
    org.webthreads.TaskTimeoutException e = assertThrows(org.webthreads.TaskTimeoutException.class,
        () -> gated.join(10, TimeUnit.MILLISECONDS));
    assertTrue(e.getMessage().contains("test.gated") && e.getMessage().contains("10 milliseconds"), e.getMessage());
    assertFalse(gated.isDone());
    GatedTask.open(gate, 4);
    assertEquals(4, gated.join(1, TimeUnit.MINUTES));
    assertEquals(4, gated.join());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aPoolThreadsTimedJoinGivesUp(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray gate = closedGate(pool);
    TaskFuture<Integer> gated = pool.submit(GatedTask.KIND, gate);
    handedOver.set(gated);
    assertEquals(1, pool.submit(JOINS_WITH_TIMEOUT).join(), "the pool thread's timed join timed out");
    GatedTask.open(gate, 1);
    assertEquals(1, gated.join());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aTimeoutOfZeroOrLessIsRefused(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    TaskFuture<Integer> future = pool.submit(COUNTED);
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> future.join(0, TimeUnit.SECONDS));
    assertTrue(zero.getMessage().contains("must be positive") && zero.getMessage().contains("isDone()"),
        zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> future.join(-5, TimeUnit.MILLISECONDS));
    assertEquals(1, future.join());
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** A timeout that fires as the task completes: either the value or a timeout, and then the value. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aTimeoutRacingCompletionNeverLosesTheValue(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withSlotCount(8), threads.workerIds());
    int timedOut = 0;
    for (int i = 0; i < 2000; i++) {
      TaskFuture<Integer> future = pool.submit(COUNTED);
      try {
        assertEquals(1, future.join(1 + i % 50, TimeUnit.MICROSECONDS));
      } catch (org.webthreads.TaskTimeoutException e) {
        timedOut++;
        if (i % 2 == 0) {
          assertEquals(1, future.join());
        } else if (future.cancel()) {
          assertThrows(CancellationException.class, future::join);
        } else {
          assertEquals(1, future.join());
        }
      }
    }
    StressSupport.shutdownAndClose(pool, threads);
    System.out.println(heaps + ": " + timedOut + " of 2000 timed joins timed out");
  }
}
