package org.webthreads.web.selftest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.ThreadPool;
import org.webthreads.web.WebFutures;

/**
 * Self-test scenario "futures": completion callbacks compose on the page (then, whenAll, whenAny, with
 * a task that cannot finish first), a failure's remote stack trace arrives as text (from
 * {@code TaskFailedException.remoteStackTrace()} and as a rejected Promise's {@code javaStack}), and
 * {@code promiseAll} resolves with the values in list order.
 */
final class FuturesScenario {
  private FuturesScenario() {
  }

  static void run(BrowserSelfTest.Result r, ThreadPool pool) {
    String emptyAny;
    try {
      WebFutures.whenAny(new ArrayList<TaskFuture<?>>(), first -> { });
      emptyAny = "no error";
    } catch (IllegalArgumentException e) {
      emptyAny = e.getMessage();
    }
    String emptyAnyError = emptyAny;
    WebFutures.then(pool.submit(SelfTestTasks.FIB, 10), fib10 -> {
      List<TaskFuture<Long>> fibs = new ArrayList<>();
      long expectedSum = 0;
      for (int n = 5; n < 15; n++) {
        fibs.add(pool.submit(SelfTestTasks.FIB, n));
        expectedSum += fib(n);
      }
      long expected = expectedSum;
      WebFutures.whenAll(fibs, () -> {
        boolean allDone = true;
        long sum = 0;
        for (TaskFuture<Long> f : fibs) {
          allDone &= f.isDone();
          sum += f.join();
        }
        long allSum = sum;
        boolean allWereDone = allDone;
        SharedIntArray gate = pool.newSharedIntArray(1);
        TaskFuture<Integer> blocked = pool.submit(SelfTestTasks.GATED, gate);
        TaskFuture<Long> quick = pool.submit(SelfTestTasks.FIB, 7);
        WebFutures.whenAny(Arrays.asList(blocked, quick), first -> {
          // The gated task cannot finish before the gate opens, below.
          boolean quickFirst = first == quick && !blocked.isDone() && quick.join() == 13;
          gate.set(0, 3);
          gate.notifyWaiters(0);
          WebFutures.then(pool.submit(SelfTestTasks.THROWS, "stack text"), v -> r.fail("THROWS returned"),
              failure -> {
                String stack = failure instanceof TaskFailedException
                    ? ((TaskFailedException) failure).remoteStackTrace() : "not a TaskFailedException: " + failure;
                JSObject rejected = WebFutures.promise(pool.submit(SelfTestTasks.THROWS, "promised stack"));
                JSObject all = WebFutures.promiseAll(Arrays.asList(pool.submit(SelfTestTasks.FIB, 6),
                    pool.submit(SelfTestTasks.FIB, 8)));
                settledWithStack(rejected, rejection -> BrowserSelfTest.settled(all, allOutcome ->
                    WebFutures.whenDone(blocked, () -> {
                      gate.free();
                      boolean stackOk = stack != null
                          && stack.startsWith("java.lang.IllegalStateException: stack text\n");
                      r.check(fib10 == 55 && allWereDone && allSum == expected && quickFirst
                          && blocked.join() == 3 && stackOk
                          && rejection.startsWith("rejected java.lang.IllegalStateException|"
                              + "java.lang.IllegalStateException: promised stack\n")
                          && allOutcome.equals("resolved [8,21]")
                          && emptyAnyError.contains("at least one future"),
                          "then " + fib10 + "; whenAll done " + allWereDone + " sum " + allSum + "/" + expected
                          + "; whenAny quick first " + quickFirst + "; gated " + blocked.join()
                          + "; promiseAll " + allOutcome + "; empty whenAny: " + emptyAnyError
                          + "; rejection " + rejection.replace("\n", "\\n") + "; stack text: "
                          + (stack == null ? "null" : stack.replace("\n", "\\n")));
                    })));
              });
        });
      });
    }, failure -> r.fail("fib(10) failed: " + failure));
  }

  private static long fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }

  @JSBody(params = {"promise", "callback"}, script = "promise.then("
      + "v => callback('resolved ' + String(v)),"
      + "e => callback('rejected ' + e.name + '|' + (e.javaStack === undefined ? 'no javaStack' : e.javaStack)));")
  static native void settledWithStack(JSObject promise, BrowserSelfTest.Settled callback);
}
