package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskGroup;
import org.webthreads.TaskGroupFailedException;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Task groups (TaskGroup): every task runs exactly once and the group completes once; the first failure
 * skips the tasks not yet started and is reported with the counts; cancel() against completion; a join
 * on a pool thread helps (no deadlock on one thread); the lifetime rules and bad input. Both heap modes.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskGroupTest {
  /** Adds 1 to element i of a shared array: arguments i, array. */
  static final TaskKind<Void> MARK = TaskKind.register("TaskGroupTest.mark", (args, pool) -> {
    int i = args.readInt();
    args.readSharedIntArray().getAndAdd(i, 1);
    return null;
  });

  static final AtomicInteger bodies = new AtomicInteger();
  static volatile CountDownLatch gate = new CountDownLatch(0);

  /** Counts its run; waits at the gate if asked (argument 1); throws if asked (argument 2). */
  static final TaskKind<Void> STEP = TaskKind.register("TaskGroupTest.step", (args, pool) -> {
    int what = args.readInt();
    if (what == 1) {
      StressSupport.await(gate, "the test opening the gate");
    }
    if (what == 2) {
      throw new IllegalStateException("boom");
    }
    bodies.incrementAndGet();
    return null;
  });

  /** Submits {@code n} MARK tasks into the group {@code id} from inside the pool (arguments n, id, array). */
  static final TaskKind<Void> FAN_OUT = TaskKind.register("TaskGroupTest.fanOut", (args, pool) -> {
    int n = args.readInt();
    TaskGroup group = TaskGroup.attach(pool, args.readInt());
    SharedIntArray hits = args.readSharedIntArray();
    for (int i = 0; i < n; i++) {
      group.submit(MARK, i, hits);
    }
    return null;
  });

  /** Makes its own group of n MARK tasks, joins it (helping) and closes it; returns the marks' sum. */
  static final TaskKind<Integer> NESTED_JOIN = TaskKind.register("TaskGroupTest.nestedJoin", (args, pool) -> {
    int n = args.readInt();
    SharedIntArray hits = args.readSharedIntArray();
    try (TaskGroup group = pool.newGroup()) {
      for (int i = 0; i < n; i++) {
        group.submit(MARK, i, hits);
      }
      group.join();
    }
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += hits.get(i);
    }
    return sum;
  });

  /** Spins until its group (argument: id) is cancelled, then returns; counts that it saw it. */
  static final AtomicInteger sawCancel = new AtomicInteger();
  static volatile CountDownLatch pollerStarted = new CountDownLatch(0);
  static final TaskKind<Void> POLL_CANCEL = TaskKind.register("TaskGroupTest.pollCancel", (args, pool) -> {
    TaskGroup group = TaskGroup.attach(pool, args.readInt());
    pollerStarted.countDown();
    while (!group.isCancelled()) {
      Thread.onSpinWait();
    }
    sawCancel.incrementAndGet();
    return null;
  });

  /** Joins the group it belongs to (argument: its id): refused, since it would wait for itself. */
  static final TaskKind<Void> JOIN_OWN_GROUP = TaskKind.register("TaskGroupTest.joinOwnGroup", (args, pool) -> {
    TaskGroup.attach(pool, args.readInt()).join();
    return null;
  });

  static final TaskKind<Void> LONG_MESSAGE = TaskKind.register("TaskGroupTest.longMessage", (args, pool) -> {
    throw new IllegalArgumentException("x".repeat(5000));
  });

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void manyTasksRunExactlyOnceAndTheGroupCompletesOnce(Heaps heaps) {
    try (JvmThreads threads = heaps.start(3)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int n = 20_000;
      SharedIntArray hits = pool.newSharedIntArray(n);
      try (TaskGroup group = pool.newGroup()) {
        for (int i = 0; i < n; i++) {
          group.submit(MARK, i, hits);
        }
        group.join();
        assertTrue(group.isDone());
        assertEquals(n, group.completedCount());
        assertEquals(0, group.failedCount());
        assertEquals(0, group.skippedCount());
        assertNull(group.firstFailureClassName());
        group.join(); // a second join returns at once
      }
      for (int i = 0; i < n; i++) {
        assertEquals(1, hits.get(i), "task " + i + " ran once");
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void manyOutsideThreadsSubmitAndJoinTheSameGroup(Heaps heaps) throws Exception {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int submitters = 4;
      int each = 5000;
      SharedIntArray hits = pool.newSharedIntArray(submitters * each);
      try (TaskGroup group = pool.newGroup()) {
        CountDownLatch submitted = new CountDownLatch(submitters);
        Thread[] workers = new Thread[submitters + 3];
        AtomicInteger joinedEarly = new AtomicInteger();
        for (int t = 0; t < submitters; t++) {
          int base = t * each;
          TaskGroup view = TaskGroup.attach(pool, group.id());
          workers[t] = new Thread(() -> {
            for (int i = 0; i < each; i++) {
              view.submit(MARK, base + i, hits);
            }
            submitted.countDown();
          });
        }
        for (int j = 0; j < 3; j++) {
          TaskGroup view = TaskGroup.attach(pool, group.id());
          workers[submitters + j] = new Thread(() -> {
            StressSupport.await(submitted, "every submitter");
            view.join();
            if (view.completedCount() != submitters * each) {
              joinedEarly.incrementAndGet();
            }
          });
        }
        for (Thread w : workers) {
          w.start();
        }
        for (Thread w : workers) {
          StressSupport.join(w, "a submitter or joiner");
        }
        assertEquals(0, joinedEarly.get(), "a join returned before every task had ended");
        group.join();
        assertEquals(submitters * each, group.completedCount());
      }
      for (int i = 0; i < submitters * each; i++) {
        assertEquals(1, hits.get(i));
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void tasksSubmittedByTasksOfTheGroupCountBeforeTheirParentEnds(Heaps heaps) {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int parents = 50;
      int children = 200;
      SharedIntArray hits = pool.newSharedIntArray(children);
      try (TaskGroup group = pool.newGroup()) {
        for (int p = 0; p < parents; p++) {
          group.submit(FAN_OUT, children, group.id(), hits);
        }
        group.join();
        assertEquals(parents + parents * children, group.completedCount());
      }
      for (int i = 0; i < children; i++) {
        assertEquals(parents, hits.get(i));
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void theFirstFailureSkipsEveryTaskStillQueued(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      bodies.set(0);
      gate = new CountDownLatch(1);
      int n = 500;
      try (TaskGroup group = pool.newGroup()) {
        group.submit(STEP, 1); // holds the only thread until everything is queued behind it
        group.submit(STEP, 2); // fails
        for (int i = 2; i < n; i++) {
          group.submit(STEP, 0);
        }
        gate.countDown();
        TaskGroupFailedException e = assertThrows(TaskGroupFailedException.class, group::join);
        assertEquals(1, e.failed());
        assertEquals(n - 2, e.skipped());
        assertEquals(1, e.completed());
        assertEquals("java.lang.IllegalStateException", e.firstFailureClassName());
        assertEquals("boom", e.firstFailureMessage());
        assertEquals("1 task of the group failed, 498 skipped (never started), 1 completed; the first "
            + "failure: java.lang.IllegalStateException: boom", e.getMessage());
        assertEquals(1, bodies.get(), "no skipped body ran");
        assertTrue(group.isCancelled());
        // Submits after the failure are skipped too.
        group.submit(STEP, 0);
        assertEquals(n - 1, group.skippedCount());
        assertEquals(1, bodies.get());
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void failuresOnManyThreadsAreAllCountedAndOneIsReported(Heaps heaps) {
    try (JvmThreads threads = heaps.start(3)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      for (int round = 0; round < 50; round++) {
        bodies.set(0);
        int n = 400;
        try (TaskGroup group = pool.newGroup()) {
          for (int i = 0; i < n; i++) {
            group.submit(STEP, i % 7 == 3 ? 2 : 0);
          }
          TaskGroupFailedException e = assertThrows(TaskGroupFailedException.class, group::join);
          assertTrue(e.failed() >= 1);
          assertEquals(n, e.failed() + e.skipped() + e.completed(), "every task counted once");
          assertEquals(bodies.get(), e.completed(), "completed counts the bodies that ran");
          assertEquals("java.lang.IllegalStateException", e.firstFailureClassName());
          assertEquals("boom", e.firstFailureMessage());
        }
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void cancelRacingWithCompletionEndsOneWayOrTheOther(Heaps heaps) throws Exception {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int cancelledRounds = 0;
      int completedRounds = 0;
      for (int round = 0; round < 300; round++) {
        bodies.set(0);
        int n = 1 + round % 40;
        try (TaskGroup group = pool.newGroup()) {
          for (int i = 0; i < n; i++) {
            group.submit(STEP, 0);
          }
          Thread canceller = new Thread(group::cancel);
          canceller.start();
          try {
            group.join();
            completedRounds++;
            assertEquals(n, group.completedCount());
            assertEquals(n, bodies.get());
          } catch (CancellationException e) {
            cancelledRounds++;
            assertEquals(n, group.completedCount() + group.skippedCount(), e.getMessage());
            assertEquals(bodies.get(), group.completedCount());
            assertEquals("the task group was cancelled: " + group.skippedCount() + " of its tasks were "
                + "skipped (never started), " + group.completedCount() + " completed", e.getMessage());
          }
          canceller.join();
          assertEquals(0, group.failedCount());
        }
      }
      assertEquals(300, cancelledRounds + completedRounds);
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  /** Adds its second argument to element 0 of its first (a typed kind). */
  static final org.webthreads.TaskKind2<org.webthreads.SharedLongArray, Long, Void> ADD_TYPED =
      org.webthreads.TaskKind2.register("TaskGroupTest.addTyped", org.webthreads.Codecs.SHARED_LONG_ARRAY,
          org.webthreads.Codecs.LONG, (sum, value, context) -> {
            sum.getAndAdd(0, value);
            return null;
          });

  /** Typed kinds go into a group with their arguments checked by the compiler, run once each. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void typedKindsAreSubmittedIntoAGroup(Heaps heaps) {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      org.webthreads.SharedLongArray sum = pool.newSharedLongArray(1);
      try (TaskGroup group = pool.newGroup()) {
        for (long i = 1; i <= 1000; i++) {
          group.submit(ADD_TYPED, sum, i << 32);
        }
        group.join();
        assertEquals(1000, group.completedCount());
      }
      assertEquals(500500L << 32, sum.get(0));
      IllegalArgumentException nullKind = assertThrows(IllegalArgumentException.class,
          () -> pool.newGroup().submit((org.webthreads.TaskKind2<org.webthreads.SharedLongArray, Long, Void>) null,
              sum, 1L));
      assertTrue(nullKind.getMessage().contains("needs a task kind"), nullKind.getMessage());
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  /**
   * shutdownNow() drops a group's queued tasks (and ranges) without running them: the group still ends,
   * counting them skipped, and its join throws CancellationException instead of waiting for ever.
   */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void shutdownNowEndsAGroupWhoseTasksItDropped(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      bodies.set(0);
      gate = new CountDownLatch(1);
      TaskGroup group = pool.newGroup();
      group.submit(STEP, 1); // holds the only thread at the gate
      for (int i = 0; i < 50; i++) {
        group.submit(STEP, 0);
      }
      group.forRange(0, 1000, 10, MARK, 0, pool.newSharedIntArray(1));
      pool.shutdownNow(); // the holder may or may not have started: either way the rest are dropped
      gate.countDown();
      CancellationException e = assertThrows(CancellationException.class, group::join);
      assertEquals(52, group.skippedCount() + group.completedCount(), e.getMessage());
      assertTrue(group.skippedCount() >= 51, e.getMessage());
      assertEquals(group.completedCount(), bodies.get(), "a dropped task ran");
      group.close();
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void cancelSkipsQueuedTasksAndARunningTaskSeesIt(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      bodies.set(0);
      sawCancel.set(0);
      pollerStarted = new CountDownLatch(1);
      try (TaskGroup group = pool.newGroup()) {
        group.submit(POLL_CANCEL, group.id());
        for (int i = 0; i < 100; i++) {
          group.submit(STEP, 0);
        }
        StressSupport.await(pollerStarted, "the polling task starting");
        assertTrue(group.cancel());
        CancellationException e = assertThrows(CancellationException.class, group::join);
        assertEquals("the task group was cancelled: 100 of its tasks were skipped (never started), 1 "
            + "completed", e.getMessage());
        assertEquals(1, sawCancel.get());
        assertEquals(0, bodies.get());
        assertFalse(group.cancel(), "nothing pending: cancel does nothing");
      }
      try (TaskGroup done = pool.newGroup()) {
        done.submit(STEP, 0);
        done.join();
        assertFalse(done.cancel(), "cancelling a finished group does nothing");
        done.join();
        assertFalse(done.isCancelled());
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aJoinOnAPoolThreadHelpsEvenOnOneThread(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int n = 300;
      SharedIntArray hits = pool.newSharedIntArray(n);
      assertEquals(n, pool.submit(NESTED_JOIN, n, hits).join());
      StressSupport.shutdownAndClose(pool, threads);
    }
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int n = 100;
      SharedIntArray hits = pool.newSharedIntArray(n);
      try (TaskGroup outer = pool.newGroup()) {
        for (int i = 0; i < 20; i++) {
          outer.submit(NESTED_JOIN, n, hits);
        }
        outer.join();
        assertEquals(20, outer.completedCount());
      }
      for (int i = 0; i < n; i++) {
        assertEquals(20, hits.get(i));
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aTaskThatJoinsItsOwnGroupFailsInsteadOfWaitingForEver(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      try (TaskGroup group = pool.newGroup()) {
        group.submit(JOIN_OWN_GROUP, group.id());
        TaskGroupFailedException e = assertThrows(TaskGroupFailedException.class, group::join);
        assertEquals("java.lang.IllegalStateException", e.firstFailureClassName());
        assertTrue(e.firstFailureMessage().startsWith("join() on task group " + group.id() + " from a thread "
            + "that is running one of its tasks would wait for ever"), e.firstFailureMessage());
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aTimedJoinReturnsFalseWhilePending(Heaps heaps) {
    try (JvmThreads threads = heaps.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      gate = new CountDownLatch(1);
      try (TaskGroup group = pool.newGroup()) {
        group.submit(STEP, 1);
        assertFalse(group.join(20, TimeUnit.MILLISECONDS));
        assertEquals(1, group.pendingCount());
        gate.countDown();
        assertTrue(group.join(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
        assertEquals("a timeout must be positive, was 0 SECONDS: use isDone() to look without waiting",
            assertThrows(IllegalArgumentException.class, () -> group.join(0, TimeUnit.SECONDS)).getMessage());
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @Test
  void theFirstFailureIsCutToFitItsRecord() {
    try (JvmThreads threads = JvmThreads.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      try (TaskGroup group = pool.newGroup()) {
        group.submit(LONG_MESSAGE);
        TaskGroupFailedException e = assertThrows(TaskGroupFailedException.class, group::join);
        assertEquals("java.lang.IllegalArgumentException", e.firstFailureClassName());
        String name = "java.lang.IllegalArgumentException";
        assertEquals("x".repeat(240 - name.length()), e.firstFailureMessage());
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @Test
  void lifetimeAndBadInputGetClearErrors() {
    try (JvmThreads threads = JvmThreads.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int before = pool.arenaWordsInUse();
      TaskGroup group = pool.newGroup();
      int id = group.id();
      assertEquals("submit needs a task kind, was null",
          assertThrows(IllegalArgumentException.class, () -> group.submit(null)).getMessage());
      gate = new CountDownLatch(1);
      group.submit(STEP, 1);
      assertEquals("task group " + id + " still has 1 pending tasks: join() it (in the browser's page: "
              + "WebGroups.whenDone) before close(), or cancel() and then join",
          assertThrows(IllegalStateException.class, group::close).getMessage());
      TaskGroup view = TaskGroup.attach(pool, id);
      gate.countDown();
      group.join();
      assertEquals("task group " + id + " can only be closed by the TaskGroup that newGroup() returned, on "
          + "the thread that made it; this is a view made by attach()",
          assertThrows(IllegalStateException.class, view::close).getMessage());
      group.close();
      assertEquals(before, pool.arenaWordsInUse(), "close gives the words back");
      String closed = "task group " + id + " was closed: make a new one with ThreadPool.newGroup()";
      assertEquals(closed, assertThrows(IllegalStateException.class, group::close).getMessage());
      assertEquals(closed, assertThrows(IllegalStateException.class, () -> group.submit(STEP, 0)).getMessage());
      assertEquals(closed, assertThrows(IllegalStateException.class, group::join).getMessage());
      assertEquals(closed, assertThrows(IllegalStateException.class, group::isCancelled).getMessage());
      for (int bad : new int[] {id, 0, -5, Integer.MAX_VALUE}) {
        assertEquals("no open task group has id " + bad + " in this pool: pass the id() of a group made by "
                + "this pool's newGroup() and not yet closed",
            assertThrows(IllegalArgumentException.class, () -> TaskGroup.attach(pool, bad)).getMessage());
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @Test
  void aSubmitThatIsRefusedLeavesTheGroup() {
    try (JvmThreads threads = JvmThreads.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      try (TaskGroup group = pool.newGroup()) {
        assertThrows(IllegalArgumentException.class, () -> group.submit(STEP, new Object()));
        assertEquals(0, group.pendingCount());
        pool.shutdown();
        assertThrows(org.webthreads.PoolShutdownException.class, () -> group.submit(STEP, 0));
        assertEquals(0, group.pendingCount());
        group.join();
      } catch (RuntimeException e) {
        fail(e);
      }
      StressSupport.shutdownAndClose(pool, threads);
    }
  }
}
