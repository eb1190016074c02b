package org.webthreads.web.selftest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.webthreads.ArenaFullException;
import org.webthreads.PoolConfig;
import org.webthreads.PoolShutdownException;
import org.webthreads.SharedIntArray;
import org.webthreads.SlotsExhaustedException;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.ThreadPool;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebOptions;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebThreads;

/**
 * The browser self-test program (selftest.html): runs on the page and in every worker. On the page it
 * starts the workers and runs the scenarios one after another, each reporting {ok, detail} into
 * {@code self.wtResults}; BrowserRuntimeTest (JUnit + headless Chromium) reads and asserts them.
 * Query options: workers=N, tasks=N (exactly-once size), brokenWorker=N (that worker loads a
 * missing wasm file), throwInWorker=N (that worker's main throws), group=workerLoss (instead of the
 * main scenarios, those where workers stop for good; needs workers=4), group=hosting (a short run:
 * HostingScenarios), readyThrows=1 (the ready callback throws: the error callback records it as
 * "readyError") or readyThrows=2 (the error callback throws too: the page's webthreads.onError hook
 * records "pageError"), callbackThrows=1 (a WebFutures.whenDone callback, a JS task's reply callback
 * and a WebProgress listener throw: the error callback records all three as "callbackErrors").
 */
public final class BrowserSelfTest {
  private static final List<Scenario> scenarios = new ArrayList<>();
  private static int next;
  private static WebPlatform platform;
  private static ThreadPool pool;

  private BrowserSelfTest() {
  }

  interface Scenario {
    String name();

    void run(Result result) throws Exception;
  }

  /** The outcome of one scenario; the first report counts. */
  static final class Result {
    private final String name;
    private boolean reported;
    private int timer;

    Result(String name) {
      this.name = name;
    }

    void pass(String detail) {
      report(true, detail);
    }

    void fail(String detail) {
      report(false, detail);
    }

    void check(boolean condition, String detail) {
      report(condition, detail);
    }

    private void report(boolean ok, String detail) {
      if (reported) {
        return;
      }
      reported = true;
      clearTimeout(timer);
      record(name, ok, detail);
      queueMicrotask(BrowserSelfTest::runNext);
    }
  }

  public static void main(String[] args) {
    SelfTestTasks.register();
    SharedViewScenario.register();
    CancellationScenarios.register();
    TypedViewScenario.register();
    GroupScenarios.register();
    ProgressScenario.register();
    StatisticsScenario.register();
    TypedKindScenario.register();
    HostingScenarios.register();
    String query = WebThreads.pageQuery();
    if (WebThreads.isWorker() && WebThreads.threadId() == queryInt(query, "throwInWorker", -1)) {
      throw new IllegalStateException("self-test: worker " + WebThreads.threadId()
          + " throws from main as the page asked");
    }
    WebOptions options = WebOptions.workers(queryInt(query, "workers", 2)).withStartTimeoutMillis(60_000);
    int broken = queryInt(query, "brokenWorker", -1);
    if (broken > 0) {
      options.withWorkerProgramOverride(broken, "missing.wasm");
    }
    int readyThrows = queryInt(query, "readyThrows", 0);
    boolean callbackThrows = queryInt(query, "callbackThrows", 0) == 1;
    List<String> callbackErrors = new ArrayList<>();
    WebThreads.start(options, ready -> {
      if (readyThrows > 0) {
        throw new IllegalStateException("self-test: the ready callback throws as the page asked");
      }
      if (callbackThrows) {
        CallbackErrorScenario.start(ready);
        return;
      }
      platform = ready;
      if (query.contains("group=workerLoss")) {
        defineWorkerLossScenarios();
      } else if (query.contains("group=hosting")) {
        defineHostingScenarios();
      } else {
        defineScenarios(queryInt(query, "tasks", 1_000_000));
      }
      runNext();
    }, error -> {
      if (readyThrows == 2) {
        throw new IllegalStateException("self-test: the error callback throws too");
      }
      if (callbackThrows) {
        callbackErrors.add(error.getClass().getName() + ": " + error.getMessage());
        if (callbackErrors.size() == CallbackErrorScenario.THROWING_CALLBACKS) {
          record("callbackErrors", true, String.join(" | ", callbackErrors));
          finished();
        }
        return;
      }
      if (readyThrows == 1) {
        record("readyError", true, error.getClass().getName() + ": " + error.getMessage());
      } else {
        record("start", false, error.getMessage());
      }
      finished();
    });
  }

  private static void runNext() {
    if (next >= scenarios.size()) {
      finished();
      return;
    }
    Scenario scenario = scenarios.get(next++);
    Result result = new Result(scenario.name());
    result.timer = setTimeout(() -> result.fail("no outcome within 120 s"), 120_000);
    try {
      scenario.run(result);
    } catch (Throwable e) {
      result.fail("threw " + e);
    }
  }

  private static void add(String name, ScenarioBody body) {
    scenarios.add(new Scenario() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void run(Result result) throws Exception {
        body.run(result);
      }
    });
  }

  interface ScenarioBody {
    void run(Result result) throws Exception;
  }

  private static void defineScenarios(int tasks) {
    add("ids", r -> {
      int[] ids = platform.workerIds();
      boolean ok = platform.threadId() == 0 && ids.length == platform.workerCount();
      for (int i = 0; i < ids.length; i++) {
        ok &= ids[i] == i + 1;
      }
      r.check(ok, Arrays.toString(ids));
    });

    add("idZeroRejected", r -> {
      try {
        ThreadPool.create(platform, 0, 1);
        r.fail("a pool with id 0 was created");
      } catch (IllegalArgumentException e) {
        r.check(e.getMessage().contains("main thread"), e.getMessage());
      }
    });

    add("createPool", r -> {
      pool = ThreadPool.create(platform, PoolConfig.defaults().withArenaWords((tasks + 4096) * 2),
          platform.workerIds());
      r.pass("pool at word " + org.webthreads.PoolControl.of(pool).base() + " over " + Arrays.toString(pool.threadIds()));
    });

    add("sharedArrayViews", r -> SharedViewScenario.run(r, platform, pool));
    add("cancelFromThePage", r -> CancellationScenarios.cancelFromThePage(r, pool));
    add("timeoutCancels", r -> CancellationScenarios.timeoutCancels(r, pool));

    add("typedArrayViews", r -> TypedViewScenario.run(r, platform, pool));

    add("groupFromPage", r -> GroupScenarios.groupFromPage(r, pool));

    add("groupFailure", r -> GroupScenarios.groupFailure(r, pool));

    add("forRangeFromWorker", r -> GroupScenarios.forRangeFromWorker(r, pool));

    add("groupTaskOnAnUnwoundStack", r -> GroupScenarios.groupTaskOnAnUnwoundStack(r, pool));

    add("typedKinds", r -> TypedKindScenario.run(r, pool));

    add("nestedJoin", r -> {
      TaskFuture<Long> fib = pool.submit(SelfTestTasks.FIB, 18);
      WebFutures.whenDone(fib, () -> {
        long value = fib.join();
        r.check(value == 2584, "fib(18) with fork/join in the pool = " + value);
      });
    });

    add("promises", r -> {
      JSObject fib = WebFutures.promise(pool.submit(SelfTestTasks.FIB, 12));
      JSObject failing = WebFutures.promise(pool.submit(SelfTestTasks.THROWS, "promised failure"));
      JSObject echo = platform.sendJs(SelfTestTasks.ECHO, WebPlatform.ANY_WORKER, SelfTestTasks.number(5), null);
      settled(fib, a -> settled(failing, b -> settled(echo, c -> r.check(a.equals("resolved 144")
          && b.equals("rejected java.lang.IllegalStateException: task 'selftest.throws' failed with "
              + "java.lang.IllegalStateException: promised failure")
          && c.startsWith("resolved {\"thread\":") && c.endsWith("\"value\":5}"), a + " | " + b + " | " + c))));
    });

    add("futures", r -> FuturesScenario.run(r, pool));

    add("deepJoinChain", r -> {
      int depth = queryInt(WebThreads.pageQuery(), "chainDepth", 300);
      TaskFuture<Integer> chain = pool.submit(SelfTestTasks.CHAIN, depth);
      WebFutures.whenDone(chain, () -> {
        int value = chain.join();
        r.check(value == depth, "a chain of " + depth + " nested fork+join on a worker's wasm stack = " + value
            + " (the pool's nesting bound is " + ThreadPool.MAX_NESTED_TASKS + ")");
      });
    });

    add("blockingJoinOnMainIsAnError", r -> {
      TaskFuture<Long> fib = pool.submit(SelfTestTasks.FIB, 22);
      try {
        fib.join();
        r.fail("join returned on the main thread (the task was already done?)");
      } catch (IllegalStateException e) {
        WebFutures.whenDone(fib, () -> r.check(e.getMessage().contains("must never block")
            && fib.join() == 17711, e.getMessage()));
      }
    });

    add("exactlyOnce", r -> {
      SharedIntArray hits = pool.newSharedIntArray(tasks + 16);
      hits.set(tasks, tasks);
      int fromMain = Math.min(20_000, tasks / 10);
      int inPool = tasks - fromMain;
      // The page's tasks go first: once the spawners run, they may hold every free slot for a
      // while, and the page cannot wait for one (it would get SlotsExhaustedException).
      for (int i = inPool; i < tasks; i++) {
        pool.execute(SelfTestTasks.LEAF, hits, i);
      }
      int half = inPool / 2;
      pool.execute(SelfTestTasks.SPAWN, hits, 0, half);
      int quarter = (inPool - half) / 4;
      for (int k = 0; k < 4; k++) {
        int from = half + k * quarter;
        int to = k == 3 ? inPool : from + quarter;
        pool.execute(SelfTestTasks.SPAWN, hits, from, to);
      }
      double start = now();
      WebFutures.whenValue(hits, tasks, 0, () -> {
        double ms = now() - start;
        int[] all = hits.toArray();
        int wrong = 0;
        long sum = 0;
        for (int i = 0; i < tasks; i++) {
          sum += all[i];
          if (all[i] != 1) {
            wrong++;
          }
        }
        StringBuilder perThread = new StringBuilder();
        boolean everyWorker = true;
        for (int id : platform.workerIds()) {
          int count = all[tasks + 1 + id];
          everyWorker &= count > 0;
          perThread.append(perThread.length() == 0 ? "" : ",").append(id).append(':').append(count);
        }
        r.check(wrong == 0 && sum == tasks && everyWorker && all[tasks + 1] == 0,
            tasks + " tasks (" + fromMain + " from the page, the rest spawned in the pool), "
            + wrong + " not run exactly once, sum " + sum + ", per worker {" + perThread + "}, "
            + (int) ms + " ms");
        hits.free();
      });
    });

    add("exceptionReachesCaller", r -> {
      TaskFuture<Void> failing = pool.submit(SelfTestTasks.THROWS, "boom from a worker");
      WebFutures.whenDone(failing, () -> {
        try {
          failing.join();
          r.fail("join returned normally");
        } catch (TaskFailedException e) {
          r.check(e.remoteClassName().equals("java.lang.IllegalStateException")
              && e.remoteMessage().equals("boom from a worker"), e.getMessage());
        }
      });
    });

    add("stackOverflowFailsTheTasksOnTheStack", r -> {
      // Each unwinds a worker's stack with a RangeError; the tasks on it fail, the worker serves on.
      // One worker is held in a task first, so the other runs both: the child the joiner forks (and
      // publishes, its ring being empty) can then only run on the joiner's own stack. With both free,
      // the other worker could steal it and overflow on its own stack, and the joiner would fail with
      // the child's failure instead of being unwound (seen once in CI).
      SharedIntArray started = pool.newSharedIntArray(2);
      SharedIntArray gates = pool.newSharedIntArray(1);
      SharedIntArray unused = pool.newSharedIntArray(1);
      TaskFuture<Integer> held = pool.submit(SelfTestTasks.HOLD, started, 0, gates, 0, unused);
      WebFutures.whenValue(started, 0, 1, () -> {
        int heldThread = started.get(1);
        TaskFuture<Integer> alone = pool.submit(SelfTestTasks.OVERFLOWS, 0);
        TaskFuture<Integer> joining = pool.submit(SelfTestTasks.JOINS_OVERFLOW, 0);
        WebFutures.whenDone(alone, () -> WebFutures.whenDone(joining, () -> {
          String a = abandonment(alone);
          String b = abandonment(joining);
          String heldStack = "thread " + heldThread + "'s stack";
          boolean onTheFreeWorker = a != null && b != null && !a.contains(heldStack)
              && !b.contains(heldStack);
          gates.set(0, 1);
          gates.notifyWaiters(0);
          WebFutures.whenDone(held, () -> {
            // Both workers still serve: a fork/join tree over the pool completes.
            TaskFuture<Long> fib = pool.submit(SelfTestTasks.FIB, 18);
            boolean alive = platform.isWorkerAlive(1) && platform.isWorkerAlive(2);
            WebFutures.whenDone(fib, () -> {
              started.free();
              gates.free();
              unused.free();
              r.check(onTheFreeWorker && held.join() == heldThread && fib.join() == 2584 && alive,
                  "held: thread " + heldThread + " | alone: " + a + " | joining: " + b + " | then fib(18) = "
                  + fib.join() + " | workers alive: " + alive);
            });
          });
        }));
      });
    });

    add("unknownTaskKind", r -> {
      TaskFuture<Integer> unknown = pool.submit(SelfTestTasks.PAGE_ONLY);
      WebFutures.whenDone(unknown, () -> {
        try {
          unknown.join();
          r.fail("a kind unknown to the workers ran");
        } catch (TaskFailedException e) {
          r.check(e.remoteClassName().endsWith("UnknownTaskKindException"), e.getMessage());
        }
      });
    });

    add("jsTaskInterruptsBusyWorker", r -> {
      int total = 300;
      SharedIntArray counter = pool.newSharedIntArray(2);
      counter.set(1, total);
      for (int i = 0; i < total; i++) {
        pool.execute(SelfTestTasks.BUSY, counter, 1000);
      }
      setTimeout(() -> {
        JSObject payload = JsObjects.newObject();
        JsObjects.set(payload, "index", counter.handle());
        double sent = now();
        platform.sendJs(SelfTestTasks.PROGRESS, 1, payload, null, new JsTaskCallback() {
          @Override
          public void completed(JSObject result) {
            double latency = now() - sent;
            int doneAtRun = SelfTestTasks.intField(result, "word");
            int thread = SelfTestTasks.intField(result, "thread");
            WebFutures.whenValue(counter, 0, total, () -> r.check(thread == 1 && doneAtRun < total,
                "the JS task ran on worker " + thread + " when " + doneAtRun + " of " + total
                + " 1 ms pure tasks were done (" + (int) (latency * 1000) + " us after sending); "
                + "all " + counter.get(0) + " finished afterwards"));
          }

          @Override
          public void failed(JsTaskFailedException failure) {
            r.fail(failure.getMessage());
          }
        });
      }, 20);
    });

    add("jsTaskFromWorkerToPageAndWorker", r -> {
      SharedIntArray out = pool.newSharedIntArray(2);
      pool.execute(SelfTestTasks.RELAY, out, 0, 77);
      WebFutures.whenValue(out, 0, 77, () -> {
        int first = out.get(1);
        pool.execute(SelfTestTasks.RELAY, out, SelfTestTasks.ANOTHER_WORKER, 78);
        WebFutures.whenValue(out, 0, 78, () -> {
          int second = out.get(1);
          r.check(first / 100 == 0 && first % 100 > 0 && second / 100 > 0 && second / 100 != second % 100,
              "worker " + first % 100 + " -> page echoed 77; worker " + second % 100 + " -> worker "
              + second / 100 + " echoed 78; each reply reached its sender inside its pool loop");
        });
      });
    });

    add("jsTaskErrorReachesSender", r -> platform.sendJs(SelfTestTasks.THROWS_JS, WebPlatform.ANY_WORKER,
        null, null, new JsTaskCallback() {
          @Override
          public void completed(JSObject result) {
            r.fail("completed");
          }

          @Override
          public void failed(JsTaskFailedException failure) {
            r.check(failure.errorClass().equals("java.lang.UnsupportedOperationException")
                && failure.getMessage().contains("js task failed on purpose"), failure.getMessage());
          }
        }));

    add("unknownJsTaskKind", r -> platform.sendJs(SelfTestTasks.PAGE_ONLY_JS, 1, null, null,
        new JsTaskCallback() {
          @Override
          public void completed(JSObject result) {
            r.fail("a JS kind unknown to worker 1 ran");
          }

          @Override
          public void failed(JsTaskFailedException failure) {
            r.check(failure.errorClass().equals("UnknownTaskKindException")
                && failure.getMessage().contains("selftest.pageOnlyJs"), failure.getMessage());
          }
        }));

    add("uncloneablePayload", r -> {
      try {
        platform.sendJs(SelfTestTasks.ECHO, 1, uncloneable(), null, null);
        r.fail("sent");
        return;
      } catch (NullPointerException e) {
        // the callback check comes first: use a real callback below
      }
      String message;
      try {
        platform.sendJs(SelfTestTasks.ECHO, 1, uncloneable(), null, new JsTaskCallback() {
          @Override
          public void completed(JSObject result) {
          }

          @Override
          public void failed(JsTaskFailedException failure) {
          }
        });
        r.fail("an uncloneable payload was sent");
        return;
      } catch (IllegalArgumentException e) {
        message = e.getMessage();
      }
      String error = message;
      // The worker left its loop for the failed task: it must come back and still run tasks.
      TaskFuture<Long> fib = pool.submit(SelfTestTasks.FIB, 15);
      WebFutures.whenDone(fib, () -> r.check(error.contains("cannot be cloned") && fib.join() == 610,
          error + " | afterwards fib(15) = " + fib.join()));
    });

    add("fullArena", r -> {
      try {
        pool.submit(SelfTestTasks.FIB, new int[(tasks + 4096) * 4]);
        r.fail("a block larger than the arena was accepted");
      } catch (ArenaFullException e) {
        TaskFuture<Long> fib = pool.submit(SelfTestTasks.FIB, 10);
        WebFutures.whenDone(fib, () -> r.check(fib.join() == 55, e.getMessage()));
      }
    });

    add("shutdown", r -> {
      SharedIntArray counter = pool.newSharedIntArray(2);
      counter.set(1, 50);
      for (int i = 0; i < 50; i++) {
        pool.execute(SelfTestTasks.BUSY, counter, 200);
      }
      pool.shutdown();
      String rejected;
      try {
        pool.submit(SelfTestTasks.FIB, 3);
        rejected = null;
      } catch (PoolShutdownException e) {
        rejected = e.getMessage();
      }
      String message = rejected;
      WebFutures.whenTerminated(pool, () -> r.check(message != null && counter.get(0) == 50,
          "queued tasks finished: " + counter.get(0) + "/50; submit after shutdown: " + message));
    });

    add("shutdownNowAndNewPool", r -> {
      ThreadPool second = ThreadPool.create(platform, platform.workerIds());
      SharedIntArray counter = second.newSharedIntArray(2);
      counter.set(1, -1);
      List<TaskFuture<Void>> futures = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        futures.add(second.submit(SelfTestTasks.BUSY, counter, 1000));
      }
      int cancelled = second.shutdownNow();
      WebFutures.whenTerminated(second, () -> {
        int seenCancelled = 0;
        for (TaskFuture<Void> f : futures) {
          seenCancelled += f.isCancelled() ? 1 : 0;
        }
        int ran = counter.get(0);
        // shutdownNow counts what this call cancelled; the workers, told to stop, cancel what they
        // take meanwhile (in a run they took all 400 first), so its count is at most the total.
        r.check(cancelled <= seenCancelled && ran + seenCancelled == 400,
            "shutdownNow cancelled " + cancelled + "; " + ran + " ran, " + seenCancelled
            + " futures report cancellation; a second pool on the same workers worked");
      });
    });

    add("pageWaitsForAFreeSlot", r -> {
      ThreadPool small = ThreadPool.create(platform, PoolConfig.defaults().withSlotCount(64),
          platform.workerIds());
      SharedIntArray gate = small.newSharedIntArray(1);
      List<TaskFuture<Integer>> held = new ArrayList<>();
      String exhausted = null;
      try {
        for (int i = 0; i < 1000; i++) {
          held.add(small.submit(SelfTestTasks.GATED, gate));
        }
      } catch (SlotsExhaustedException e) {
        exhausted = e.getMessage();
      }
      String error = exhausted;
      WebFutures.whenSlotFree(small, () -> {
        // Only possible after the gate opened: every slot was held by a task waiting for it.
        int gateSeen = gate.get(0);
        TaskFuture<Integer> after = small.submit(SelfTestTasks.GATED, gate);
        WebFutures.whenDone(after, () -> {
          small.shutdown();
          WebFutures.whenTerminated(small, () -> r.check(error != null && held.size() <= 64 && gateSeen == 7
              && after.join() == 7 && held.get(0).join() == 7,
              held.size() + " tasks took every slot (" + error + "); the slot callback saw the gate at "
              + gateSeen + "; the submit in it returned " + after.join()));
        });
      });
      // Open the gate from a later event-loop task, so that a callback run before it would see 0.
      setTimeout(() -> {
        gate.set(0, 7);
        gate.notifyWaiters(0);
      }, 20);
    });

    add("progressCallbacks", r -> ProgressScenario.run(r, platform));

    add("poolStatistics", r -> StatisticsScenario.run(r, platform));

    add("workerTerminationFailsItsJsTasks", r -> {
      SharedIntArray flag = ThreadPool.create(platform, 1).newSharedIntArray(1);
      JSObject payload = JsObjects.newObject();
      JsObjects.set(payload, "index", flag.handle());
      int victim = platform.workerCount();
      platform.sendJs(SelfTestTasks.BLOCK, victim, payload, null, new JsTaskCallback() {
        @Override
        public void completed(JSObject result) {
          r.fail("the blocked task completed");
        }

        @Override
        public void failed(JsTaskFailedException failure) {
          boolean rejected;
          try {
            platform.sendJs(SelfTestTasks.ECHO, victim, null, null, this);
            rejected = false;
          } catch (IllegalArgumentException e) {
            rejected = e.getMessage().contains("has failed");
          }
          r.check(failure.getMessage().contains("worker " + victim) && failure.getMessage().contains("terminated")
              && rejected && !platform.isWorkerAlive(victim), failure.getMessage());
        }
      });
      setTimeout(() -> platform.terminateWorker(victim), 50);
    });
  }

  /**
   * Pools whose workers stop for good (4 workers; each scenario stops its own): the tasks that were
   * running fail, the rest of the pool serves on, a pool left without workers stops, and shutdown
   * still terminates. The browser lets a terminated worker run on for up to 2 s: each scenario waits
   * that long for the repair.
   */
  /** The short group of HostingScenarios: the page runs once isolated, and shared pixels reach a canvas. */
  private static void defineHostingScenarios() {
    add("createPool", r -> {
      pool = ThreadPool.create(platform, platform.workerIds());
      r.pass("pool over " + Arrays.toString(pool.threadIds()));
    });
    add("isolatedPool", r -> HostingScenarios.isolatedPool(r, platform, pool));
    add("canvasPutRgba", r -> HostingScenarios.canvasPutRgba(r, pool));
  }

  private static void defineWorkerLossScenarios() {
    add("lostWorkerFailsItsTaskAndThePoolServesOn", r -> {
      ThreadPool lossy = ThreadPool.create(platform, 1, 2);
      SharedIntArray started = lossy.newSharedIntArray(3);
      SharedIntArray gates = lossy.newSharedIntArray(2);
      SharedIntArray counter = lossy.newSharedIntArray(1);
      // Each worker holds one task, after spawning 20 children into its own ring.
      TaskFuture<Integer> first = lossy.submit(SelfTestTasks.HOLD, started, 0, gates, 20, counter);
      TaskFuture<Integer> second = lossy.submit(SelfTestTasks.HOLD, started, 1, gates, 20, counter);
      WebFutures.whenValue(started, 0, 2, () -> {
        List<TaskFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          queued.add(lossy.submit(SelfTestTasks.COUNT, counter));
        }
        int victim = started.get(1);
        int survivor = started.get(2);
        platform.terminateWorker(victim);
        WebFutures.whenDone(first, () -> {
          String lost = abandonedWith(first, "thread " + victim + " was terminated while this task ran");
          gates.set(1, 1);
          gates.notifyWaiters(1);
          WebFutures.whenDone(second, () -> {
            TaskFuture<Long> fib = lossy.submit(SelfTestTasks.FIB, 15);
            WebFutures.whenDone(fib, () -> {
              lossy.shutdown();
              WebFutures.whenTerminated(lossy, () -> {
                int ran = 0;
                for (TaskFuture<Integer> future : queued) {
                  ran += future.join() > 0 ? 1 : 0;
                }
                r.check(lost != null && second.join() == survivor && fib.join() == 610 && ran == 30
                    && counter.get(0) == 70,
                    "victim " + victim + ": " + lost + " | survivor " + second.join() + " | then fib(15) = "
                    + fib.join() + " | queued tasks run " + ran + "/30 | counted " + counter.get(0)
                    + "/70 (the victim's ring was taken over) | shutdown terminated");
              });
            });
          });
        });
      });
    });

    add("losingThePoolsLastWorkerStopsThePool", r -> {
      ThreadPool single = ThreadPool.create(platform, 3);
      SharedIntArray started = single.newSharedIntArray(2);
      SharedIntArray gates = single.newSharedIntArray(1);
      SharedIntArray counter = single.newSharedIntArray(1);
      TaskFuture<Integer> running = single.submit(SelfTestTasks.HOLD, started, 0, gates, 0, counter);
      WebFutures.whenValue(started, 0, 1, () -> {
        List<TaskFuture<Integer>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          queued.add(single.submit(SelfTestTasks.COUNT, counter));
          single.execute(SelfTestTasks.COUNT, counter);
        }
        platform.terminateWorker(3);
        WebFutures.whenTerminated(single, () -> {
          String lost = abandonedWith(running, "thread 3 was terminated while this task ran");
          int failedQueued = 0;
          for (TaskFuture<Integer> future : queued) {
            failedQueued += abandonedWith(future, "still queued when thread 3, the pool's last thread, "
                + "was terminated") != null ? 1 : 0;
          }
          String refused = refusal(single);
          r.check(lost != null && failedQueued == 5 && refused != null && refused.contains("no threads left")
              && counter.get(0) == 0,
              lost + " | queued tasks failed: " + failedQueued + "/5 | submit: " + refused);
        });
      });
    });

    add("workerFailingOutsideItsLoopIsStoppedAndItsPoolRepaired", r -> {
      ThreadPool failing = ThreadPool.create(platform, 4);
      SharedIntArray counter = failing.newSharedIntArray(1);
      List<String> reports = new ArrayList<>();
      platform.onWorkerFailure(failure -> reports.add(failure.getMessage()));
      String[] jsFailure = new String[1];
      platform.sendJs(SelfTestTasks.OVERFLOWS_JS, 4, null, null, new JsTaskCallback() {
        @Override
        public void completed(JSObject result) {
          jsFailure[0] = "completed";
        }

        @Override
        public void failed(JsTaskFailedException failure) {
          jsFailure[0] = failure.getMessage();
        }
      });
      // Queued behind the JS task (it has priority): never run, since the JS task kills the worker.
      List<TaskFuture<Integer>> queued = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        queued.add(failing.submit(SelfTestTasks.COUNT, counter));
      }
      WebFutures.whenTerminated(failing, () -> {
        int failedQueued = 0;
        for (TaskFuture<Integer> future : queued) {
          failedQueued += abandonedWith(future, "the pool's last thread, failed with an error outside")
              != null ? 1 : 0;
        }
        String report = reports.isEmpty() ? null : reports.get(0);
        r.check(report != null && report.contains("RangeError") && jsFailure[0] != null
            && jsFailure[0].contains("worker 4") && failedQueued == 3 && !platform.isWorkerAlive(4),
            "report: " + report + " | JS task: " + jsFailure[0] + " | queued tasks failed: " + failedQueued
            + "/3 (" + outcome(queued.get(0)) + ")");
      });
    });
  }

  /** The failure message of a future that failed with TaskAbandonedException containing {@code part}. */
  private static String abandonedWith(TaskFuture<?> future, String part) {
    try {
      future.join();
      return null;
    } catch (TaskFailedException e) {
      return e.remoteClassName().equals("org.webthreads.TaskAbandonedException")
          && e.remoteMessage().contains(part) ? e.remoteMessage() : null;
    }
  }

  /** What joining a done future gives: its value or its failure. */
  private static String outcome(TaskFuture<?> future) {
    try {
      return "value " + future.join();
    } catch (RuntimeException e) {
      return e.toString();
    }
  }

  /** The message a submit to {@code pool} is refused with, or null if it is accepted. */
  private static String refusal(ThreadPool pool) {
    try {
      pool.submit(SelfTestTasks.FIB, 1);
      return null;
    } catch (PoolShutdownException e) {
      return e.getMessage();
    }
  }

  private static int queryInt(String query, String name, int fallback) {
    String key = name + "=";
    for (String part : query.replace("?", "").split("&")) {
      if (part.startsWith(key)) {
        try {
          return Integer.parseInt(part.substring(key.length()));
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  @JSFunctor
  interface Callback extends JSObject {
    void run();
  }

  @JSBody(params = {"name", "ok", "detail"}, script = "self.wtRecord(name, ok, detail);")
  static native void record(String name, boolean ok, String detail);

  @JSBody(script = "document.title = 'done';")
  static native void finished();

  @JSBody(script = "return performance.now();")
  static native double now();

  @JSBody(params = {"callback", "ms"}, script = "return setTimeout(callback, ms);")
  static native int setTimeout(Callback callback, int ms);

  @JSBody(params = "handle", script = "clearTimeout(handle);")
  static native void clearTimeout(int handle);

  @JSBody(params = "callback", script = "queueMicrotask(callback);")
  static native void queueMicrotask(Callback callback);

  @JSFunctor
  interface Settled extends JSObject {
    void accept(String outcome);
  }

  @JSBody(params = {"promise", "callback"}, script = "promise.then("
      + "v => callback('resolved ' + (typeof v === 'object' ? JSON.stringify(v) : String(v))),"
      + "e => callback('rejected ' + e.name + ': ' + e.message));")
  static native void settled(JSObject promise, Settled callback);

  @JSBody(script = "return { f: () => 1 };")
  static native JSObject uncloneable();

  /** The failure message of a future that failed with TaskAbandonedException for a RangeError, or null. */
  private static String abandonment(TaskFuture<?> future) {
    return abandonedWith(future, "RangeError");
  }
}
