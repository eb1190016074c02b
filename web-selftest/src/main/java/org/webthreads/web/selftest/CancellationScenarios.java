package org.webthreads.web.selftest;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.web.WebFutures;

/**
 * Self-test scenarios for cancellation and timeouts on the page: "cancelFromThePage" (a queued task
 * cancelled by the page never runs; running tasks see the cancellation and their callbacks come at
 * once) and "timeoutCancels" (a Promise with a timeout rejects with TaskTimeoutException and cancels
 * the task; one that finishes in time resolves).
 */
final class CancellationScenarios {
  private CancellationScenarios() {
  }

  /**
   * Argument: flags. Counts itself in element 0 (notified), works until its task is cancelled, then
   * counts in element 1 (notified). Returns 1.
   */
  static final TaskKind<Integer> UNTIL_CANCELLED = TaskKind.register("selftest.untilCancelled",
      (args, pool) -> {
        SharedIntArray flags = args.readSharedIntArray();
        flags.getAndAdd(0, 1);
        flags.notifyWaiters(0);
        long work = 1;
        while (!args.isCancelled()) {
          work = work * 6364136223846793005L + 1442695040888963407L;
        }
        flags.getAndAdd(1, work == 0 ? 2 : 1);
        flags.notifyWaiters(1);
        return 1;
      });

  /**
   * Argument: a counter. Counts itself in element 0 (notified) and waits until the count reaches 2,
   * so that when two of these have started, each worker has finished whatever it took before.
   */
  static final TaskKind<Integer> BARRIER = TaskKind.register("selftest.barrier", (args, pool) -> {
    SharedIntArray count = args.readSharedIntArray();
    count.getAndAdd(0, 1);
    count.notifyWaiters(0);
    int seen;
    while ((seen = count.get(0)) < 2) {
      count.awaitChange(0, seen);
    }
    return 1;
  });

  static void register() {
    // The kinds are registered by the class initialisation this call triggers, on every thread.
  }

  static void cancelFromThePage(BrowserSelfTest.Result r, ThreadPool pool) {
    SharedIntArray flags = pool.newSharedIntArray(2);
    SharedIntArray counter = pool.newSharedIntArray(1);
    SharedIntArray barrier = pool.newSharedIntArray(1);
    TaskFuture<Integer> first = pool.submit(UNTIL_CANCELLED, flags);
    TaskFuture<Integer> second = pool.submit(UNTIL_CANCELLED, flags);
    WebFutures.whenValue(flags, 0, 2, () -> {
      // Both workers are busy: this one waits in the shared queue.
      TaskFuture<Integer> queued = pool.submit(SelfTestTasks.COUNT, counter);
      boolean queuedCancelled = queued.cancel();
      boolean firstCancelled = first.cancel();
      boolean secondCancelled = second.cancel();
      boolean again = queued.cancel();
      WebFutures.whenDone(first, () -> WebFutures.whenValue(flags, 1, 2, () -> {
        // Two barrier tasks started together means each worker finished what it took before,
        // the cancelled task included (it was queued ahead of them).
        TaskFuture<Integer> b1 = pool.submit(BARRIER, barrier);
        TaskFuture<Integer> b2 = pool.submit(BARRIER, barrier);
        WebFutures.whenDone(b1, () -> WebFutures.whenDone(b2, () -> {
          String detail = "cancel(): queued " + queuedCancelled + ", running " + firstCancelled + "/"
              + secondCancelled + ", again " + again + "; joins: " + outcome(queued) + ", " + outcome(first)
              + ", " + outcome(second) + "; the queued task's body ran " + counter.get(0) + " times";
          r.check(queuedCancelled && firstCancelled && secondCancelled && !again && counter.get(0) == 0
              && queued.isCancelled() && first.isCancelled() && second.isCancelled()
              && outcome(queued).equals("CancellationException") && outcome(first).equals("CancellationException")
              && b1.join() == 1 && b2.join() == 1, detail);
        }));
      }));
    });
  }

  static void timeoutCancels(BrowserSelfTest.Result r, ThreadPool pool) {
    SharedIntArray flags = pool.newSharedIntArray(2);
    TaskFuture<Integer> endless = pool.submit(UNTIL_CANCELLED, flags);
    String refused;
    try {
      WebFutures.promise(endless, 0);
      refused = null;
    } catch (IllegalArgumentException e) {
      refused = e.getMessage();
    }
    String zero = refused;
    JSObject late = WebFutures.promise(endless, 30);
    onSettled(late, (lateOk, lateValue) -> {
      TaskFuture<Long> quick = pool.submit(SelfTestTasks.FIB, 12);
      onSettled(WebFutures.promise(quick, 60_000), (quickOk, quickValue) ->
          WebFutures.whenValue(flags, 1, 1, () -> r.check(!lateOk && lateValue.startsWith("TaskTimeoutException:")
              && lateValue.contains("selftest.untilCancelled") && endless.isCancelled() && quickOk
              && quickValue.equals("144") && zero != null && zero.contains("must be positive"),
              "with a timeout of 30 ms: " + lateValue + "; fib(12) in time: " + quickValue
              + "; the endless task saw the cancellation; a timeout of 0: " + zero)));
    });
  }

  private static String outcome(TaskFuture<?> future) {
    try {
      return String.valueOf(future.join());
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  @JSFunctor
  interface Settled extends JSObject {
    void settled(boolean ok, String value);
  }

  @JSBody(params = {"promise", "callback"}, script = "promise.then("
      + "v => callback(true, String(v)), e => callback(false, e.name + ': ' + e.message));")
  private static native void onSettled(JSObject promise, Settled callback);
}
