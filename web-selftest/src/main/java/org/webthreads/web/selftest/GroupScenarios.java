package org.webthreads.web.selftest;

import org.teavm.jso.JSObject;
import org.webthreads.Combiner;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskGroup;
import org.webthreads.TaskGroupFailedException;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebGroups;
import org.webthreads.web.WebThreads;

/**
 * Self-test scenarios of task groups and parallel loops: "groupFromPage" (a group of tasks submitted by
 * the page, one callback, every task run once), "groupFailure" (a failing task cancels the rest; the
 * Promise rejects with the first failure and the counts) and "forRangeFromWorker" (a worker's task runs
 * a forRange in its own group and joins it, helping; a mapReduce from the page).
 */
final class GroupScenarios {
  private GroupScenarios() {
  }

  /** Adds 1 to element i: arguments i, array. */
  static final TaskKind<Void> MARK = TaskKind.register("selftest.groupMark", (args, pool) -> {
    int i = args.readInt();
    args.readSharedIntArray().getAndAdd(i, 1);
    return null;
  });

  /** Blocks its worker until element 0 of its argument is no longer 0 (the page opens the gate). */
  static final TaskKind<Void> GATE = TaskKind.register("selftest.groupGate", (args, pool) -> {
    SharedIntArray gate = args.readSharedIntArray();
    while (gate.get(0) == 0) {
      gate.awaitChange(0, 0);
    }
    return null;
  });

  /** Throws when its index equals the failing one (arguments i, failing), else counts into element 0. */
  static final TaskKind<Void> THROW_AT = TaskKind.register("selftest.groupThrowAt", (args, pool) -> {
    int i = args.readInt();
    int failing = args.readInt();
    SharedIntArray ran = args.readSharedIntArray();
    if (i == failing) {
      throw new IllegalStateException("task " + i + " fails");
    }
    ran.getAndAdd(0, 1);
    return null;
  });

  /** forRange body: adds 1 to every element of [lo, hi). */
  static final TaskKind<Void> MARK_RANGE = TaskKind.register("selftest.groupMarkRange", (args, pool) -> {
    long lo = args.readLong();
    long hi = args.readLong();
    SharedIntArray hits = args.readSharedIntArray();
    for (long i = lo; i < hi; i++) {
      hits.getAndAdd((int) i, 1);
    }
    return null;
  });

  /** On a worker: a forRange over [0, n) in a new group, joined here; returns its sub-range count. */
  static final TaskKind<Integer> LOOP_ON_WORKER = TaskKind.register("selftest.groupLoopOnWorker", (args, pool) -> {
    int n = args.readInt();
    SharedIntArray hits = args.readSharedIntArray();
    try (TaskGroup group = pool.newGroup()) {
      group.forRange(0, n, 64, MARK_RANGE, hits);
      group.join();
      return group.completedCount() * 1000 + WebThreads.threadId();
    }
  });

  /** mapReduce body: the sum of the indices of [lo, hi). */
  static final TaskKind<Long> SUM_RANGE = TaskKind.register("selftest.groupSumRange", (args, pool) -> {
    long lo = args.readLong();
    long hi = args.readLong();
    long sum = 0;
    for (long i = lo; i < hi; i++) {
      sum += i;
    }
    return sum;
  });

  static final Combiner<Long> SUM = Combiner.register("selftest.sum", Long::sum);

  static void register() {
    if (GATE == null || MARK == null || THROW_AT == null || MARK_RANGE == null || LOOP_ON_WORKER == null || SUM_RANGE == null
        || SUM == null) {
      throw new IllegalStateException("group self-test kinds not registered");
    }
  }

  static void groupFromPage(BrowserSelfTest.Result r, ThreadPool pool) {
    int n = 2000;
    SharedIntArray hits = pool.newSharedIntArray(n);
    SharedIntArray gate = pool.newSharedIntArray(1);
    TaskGroup group = pool.newGroup();
    group.submit(GATE, gate); // keeps the group pending until the page has tried to join
    for (int i = 0; i < n; i++) {
      group.submit(MARK, i, hits);
    }
    String blocking;
    try {
      group.join();
      blocking = "join returned on the page";
    } catch (IllegalStateException e) {
      blocking = e.getMessage();
    }
    gate.set(0, 1);
    gate.notifyWaiters(0);
    int[] calls = new int[1];
    String joinError = blocking;
    WebGroups.whenDone(group, () -> {
      calls[0]++;
      group.join();
      int wrongCount = 0;
      for (int i = 0; i < n; i++) {
        wrongCount += hits.get(i) == 1 ? 0 : 1;
      }
      int wrong = wrongCount;
      int completed = group.completedCount() - 1; // the gate's task
      group.close();
      hits.free();
      gate.free();
      // A second callback would come in a later task: check after one more turn of the event loop.
      BrowserSelfTest.setTimeout(() -> r.check(calls[0] == 1 && wrong == 0 && completed == n
          && joinError.contains("WebGroups.whenDone"),
          n + " tasks from the page, " + wrong + " not run exactly once, completed " + completed + ", "
          + calls[0] + " callback(s); join before done: " + joinError), 50);
    });
  }

  static void groupFailure(BrowserSelfTest.Result r, ThreadPool pool) {
    int n = 3000;
    SharedIntArray ran = pool.newSharedIntArray(1);
    TaskGroup group = pool.newGroup();
    for (int i = 0; i < n; i++) {
      group.submit(THROW_AT, i, 10, ran);
    }
    JSObject promise = WebGroups.promise(group);
    BrowserSelfTest.settled(promise, outcome -> {
      int failed = group.failedCount();
      int skipped = group.skippedCount();
      int completed = group.completedCount();
      boolean counted = failed == 1 && failed + skipped + completed == n && completed == ran.get(0)
          && skipped > 0;
      group.close();
      ran.free();
      r.check(counted && outcome.startsWith("rejected org.webthreads.TaskGroupFailedException: 1 task of the "
          + "group failed, " + skipped + " skipped (never started), " + completed + " completed; the first "
          + "failure: java.lang.IllegalStateException: task 10 fails"), outcome);
    });
  }

  /**
   * A group task whose body overflows a worker's stack (a RangeError Java cannot catch unwinds it): the
   * task still leaves its group, failed with TaskAbandonedException, so the group ends and its Promise
   * rejects (before, the group waited for that task for ever).
   */
  static void groupTaskOnAnUnwoundStack(BrowserSelfTest.Result r, ThreadPool pool) {
    TaskGroup group = pool.newGroup();
    group.submit(SelfTestTasks.OVERFLOWS, 0);
    JSObject promise = WebGroups.promise(group);
    BrowserSelfTest.settled(promise, outcome -> {
      int failed = group.failedCount();
      group.close();
      // The pool serves on: a fork/join tree completes.
      TaskFuture<Long> fib = pool.submit(SelfTestTasks.FIB, 15);
      WebFutures.whenDone(fib, () -> r.check(failed == 1 && fib.join() == 610
          && outcome.startsWith("rejected org.webthreads.TaskGroupFailedException: 1 task of the group failed")
          && outcome.contains("TaskAbandonedException") && outcome.contains("stack was unwound"),
          outcome + " | failed " + failed + " | then fib(15) = " + fib.join()));
    });
  }

  static void forRangeFromWorker(BrowserSelfTest.Result r, ThreadPool pool) {
    int n = 10_007;
    SharedIntArray hits = pool.newSharedIntArray(n);
    TaskFuture<Integer> loop = pool.submit(LOOP_ON_WORKER, n, hits);
    TaskFuture<Long> sum = pool.mapReduce(0, 1_000_000, 1000, SUM_RANGE, SUM);
    WebFutures.whenDone(loop, () -> WebFutures.whenDone(sum, () -> {
      int wrong = 0;
      for (int i = 0; i < n; i++) {
        wrong += hits.get(i) == 1 ? 0 : 1;
      }
      hits.free();
      int result = loop.join();
      long expected = 1_000_000L * 999_999L / 2;
      r.check(wrong == 0 && result / 1000 == 256 && result % 1000 > 0 && sum.join() == expected,
          "forRange over " + n + " indices on worker " + result % 1000 + ": " + result / 1000 + " sub-ranges, "
          + wrong + " not run exactly once; mapReduce sum over [0, 1000000) = " + sum.join());
    }));
  }
}
