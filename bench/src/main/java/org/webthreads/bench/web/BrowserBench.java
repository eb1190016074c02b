package org.webthreads.bench.web;

import java.util.Arrays;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.webthreads.PoolConfig;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.JsTaskKind;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebOptions;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebThreads;

/**
 * The browser benchmark (browser-bench.html), compiled to WasmGC; runs on the page and in every worker.
 * Measures, in this order, with one pool over all workers:
 * <ol>
 * <li>no-op pure tasks submitted from the page (execute; at most {@link #WINDOW} in flight, since the
 *     page may not wait for a free slot), tasks/s;
 * <li>no-op pure tasks spawned inside the pool (one spawner task per worker), tasks/s;
 * <li>page to pool to page round trips (submit, then completion through Atomics.waitAsync), us;
 * <li>JS-task start latency while every worker is busy with 1 ms pure tasks, us (after 10 unmeasured
 *     probes per worker);
 * <li>the same no-op work as JS tasks (postMessage, our own JS-task path): tasks/s and round trip.
 * </ol>
 * The result is one JSON object in {@code self.wtBench} (and the page's pre#result); title "done".
 */
public final class BrowserBench {
  private static final int WINDOW = 32_768;
  private static final int NOTIFY_EVERY = 4096;

  /** Counts itself down in c[0]; notifies every NOTIFY_EVERY and at zero. */
  static final TaskKind<Void> NOOP = TaskKind.register("bench.noop", (args, pool) -> {
    SharedIntArray counter = args.readSharedIntArray();
    int left = counter.getAndAdd(0, -1) - 1;
    if ((left & (NOTIFY_EVERY - 1)) == 0) {
      counter.notifyWaiters(0);
    }
    return null;
  });

  static final TaskKind<Void> SPAWN = TaskKind.register("bench.spawn", (args, pool) -> {
    SharedIntArray counter = args.readSharedIntArray();
    int count = args.readInt();
    for (int i = 0; i < count; i++) {
      pool.execute(NOOP, counter);
    }
    return null;
  });

  static final TaskKind<Integer> ECHO = TaskKind.register("bench.echo", (args, pool) -> args.readInt());

  static final TaskKind<Void> BUSY = TaskKind.register("bench.busy", (args, pool) -> {
    long end = System.nanoTime() + args.readInt() * 1000L;
    while (System.nanoTime() < end) {
      // a pure task that keeps its worker busy for the given time
    }
    SharedIntArray counter = args.readSharedIntArray();
    if (counter.getAndAdd(0, -1) == 1) {
      counter.notifyWaiters(0);
    }
    return null;
  });

  /** Returns the absolute time (ms since the epoch, sub-ms precision) at which it started. */
  static final JsTaskKind JS_START = JsTaskKind.register("bench.jsStart", (payload, context) -> absoluteNow());

  static final JsTaskKind JS_NOOP = JsTaskKind.register("bench.jsNoop", (payload, context) -> null);

  private static WebPlatform platform;
  private static ThreadPool pool;
  private static JSObject result;
  private static int tasks;

  private BrowserBench() {
  }

  public static void main(String[] args) {
    String query = WebThreads.pageQuery();
    int workers = queryInt(query, "workers", 0);
    tasks = queryInt(query, "tasks", 2_000_000);
    WebOptions options = workers > 0 ? WebOptions.workers(workers) : WebOptions.defaults();
    WebThreads.start(options, ready -> {
      platform = ready;
      pool = ThreadPool.create(platform, PoolConfig.defaults(), platform.workerIds());
      result = JsObjects.newObject();
      JsObjects.set(result, "workers", platform.workerCount());
      JsObjects.set(result, "tasks", tasks);
      JsObjects.set(result, "userAgent", userAgent());
      warmUp(() -> fromPage(() -> inPool(() -> roundTrips(() -> jsLatency(() -> jsThroughput(() -> {
        publish(result);
      }))))));
    }, error -> {
      publishError(error.getMessage());
    });
  }

  private static void warmUp(Runnable next) {
    runFromPage(tasks / 10, ms -> runInPool(tasks / 10, ms2 -> next.run()));
  }

  private static void fromPage(Runnable next) {
    bestOf(3, new double[3], 0, (done) -> runFromPage(tasks, done), best -> {
      JsObjects.set(result, "pureFromPageTasksPerSec", Math.round(tasks / best * 1000));
      next.run();
    });
  }

  private static void inPool(Runnable next) {
    bestOf(3, new double[3], 0, (done) -> runInPool(tasks, done), best -> {
      JsObjects.set(result, "pureSpawnedInPoolTasksPerSec", Math.round(tasks / best * 1000));
      next.run();
    });
  }

  interface Timed {
    void run(MillisCallback done);
  }

  interface MillisCallback {
    void done(double millis);
  }

  private static void bestOf(int runs, double[] times, int i, Timed body, MillisCallback best) {
    if (i == runs) {
      double min = times[0];
      for (double t : times) {
        min = Math.min(min, t);
      }
      best.done(min);
      return;
    }
    body.run(ms -> {
      times[i] = ms;
      bestOf(runs, times, i + 1, body, best);
    });
  }

  /** n no-op tasks from the page, at most WINDOW in flight; calls back with the elapsed ms. */
  private static void runFromPage(int n, MillisCallback done) {
    SharedIntArray counter = pool.newSharedIntArray(1);
    counter.set(0, n);
    double start = now();
    int[] submitted = {0};
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      int left = counter.get(0);
      if (left == 0) {
        double ms = now() - start;
        counter.free();
        done.done(ms);
        return;
      }
      int inFlight = submitted[0] - (n - left);
      while (submitted[0] < n && inFlight < WINDOW) {
        pool.execute(NOOP, counter);
        submitted[0]++;
        inFlight++;
      }
      WebFutures.whenChanged(counter, 0, left, pump[0]);
    };
    pump[0].run();
  }

  /** n no-op tasks spawned inside the pool by one spawner per worker. */
  private static void runInPool(int n, MillisCallback done) {
    SharedIntArray counter = pool.newSharedIntArray(1);
    counter.set(0, n);
    double start = now();
    int spawners = platform.workerCount();
    for (int k = 0; k < spawners; k++) {
      pool.execute(SPAWN, counter, n / spawners + (k < n % spawners ? 1 : 0));
    }
    WebFutures.whenValue(counter, 0, 0, () -> {
      double ms = now() - start;
      counter.free();
      done.done(ms);
    });
  }

  private static void roundTrips(Runnable next) {
    int count = 2000;
    double[] samples = new double[count];
    roundTrip(samples, -200, () -> {
      Arrays.sort(samples);
      JsObjects.set(result, "pureRoundTripMedianUs", micros(samples[count / 2]));
      JsObjects.set(result, "pureRoundTripP99Us", micros(samples[count * 99 / 100]));
      next.run();
    });
  }

  /** Sequential submit + completion; negative i are warm-up rounds. */
  private static void roundTrip(double[] samples, int i, Runnable done) {
    if (i == samples.length) {
      done.run();
      return;
    }
    double start = now();
    TaskFuture<Integer> future = pool.submit(ECHO, i);
    WebFutures.whenDone(future, () -> {
      future.join();
      if (i >= 0) {
        samples[i] = now() - start;
      }
      roundTrip(samples, i + 1, done);
    });
  }

  /** Fills every worker with 1 ms pure tasks, then sends JS tasks and measures when they start. */
  private static void jsLatency(Runnable next) {
    int busyTasks = 3000;
    int probes = 200;
    // The first probes on each worker also compile the JS-task path (wasm tier-up): sent, not counted.
    int warmUp = 10 * platform.workerCount();
    SharedIntArray counter = pool.newSharedIntArray(1);
    counter.set(0, busyTasks);
    for (int i = 0; i < busyTasks; i++) {
      pool.execute(BUSY, 1000, counter);
    }
    double[] samples = new double[probes];
    int[] received = {0};
    int[] sent = {0};
    Runnable[] probe = new Runnable[1];
    probe[0] = () -> {
      double sentAt = absoluteNowMillis();
      int target = 1 + sent[0] % platform.workerCount();
      int index = sent[0]++ - warmUp;
      platform.sendJs(JS_START, target, null, null, new JsTaskCallback() {
        @Override
        public void completed(JSObject startedAt) {
          if (index < 0) {
            return;
          }
          samples[index] = toDouble(startedAt) - sentAt;
          if (++received[0] == probes) {
            Arrays.sort(samples);
            JsObjects.set(result, "jsTaskStartLatencyMedianUs", micros(samples[probes / 2]));
            JsObjects.set(result, "jsTaskStartLatencyP99Us", micros(samples[probes * 99 / 100]));
            JsObjects.set(result, "jsTaskStartLatencyMaxUs", micros(samples[probes - 1]));
            JsObjects.set(result, "busyTasksLeftAfterProbes", counter.get(0));
            WebFutures.whenValue(counter, 0, 0, () -> {
              counter.free();
              next.run();
            });
          }
        }

        @Override
        public void failed(JsTaskFailedException failure) {
          publishError(failure.getMessage());
        }
      });
      if (sent[0] < probes + warmUp) {
        setTimeout(probe[0]::run, 5);
      }
    };
    setTimeout(probe[0]::run, 20);
  }

  /** The same no-op work as JS tasks: all in flight at once, then sequential round trips. */
  private static void jsThroughput(Runnable next) {
    int count = Math.max(1000, tasks / 100);
    double start = now();
    int[] done = {0};
    JsTaskCallback callback = new JsTaskCallback() {
      @Override
      public void completed(JSObject ignored) {
        if (++done[0] == count) {
          double ms = now() - start;
          JsObjects.set(result, "jsTasks", count);
          JsObjects.set(result, "jsTaskNoopTasksPerSec", Math.round(count / ms * 1000));
          jsRoundTrips(next);
        }
      }

      @Override
      public void failed(JsTaskFailedException failure) {
        publishError(failure.getMessage());
      }
    };
    for (int i = 0; i < count; i++) {
      platform.sendJs(JS_NOOP, WebPlatform.ANY_WORKER, null, null, callback);
    }
  }

  private static void jsRoundTrips(Runnable next) {
    int count = 1000;
    double[] samples = new double[count];
    jsRoundTrip(samples, -100, () -> {
      Arrays.sort(samples);
      JsObjects.set(result, "jsTaskRoundTripMedianUs", micros(samples[count / 2]));
      JsObjects.set(result, "jsTaskRoundTripP99Us", micros(samples[count * 99 / 100]));
      next.run();
    });
  }

  private static void jsRoundTrip(double[] samples, int i, Runnable done) {
    if (i == samples.length) {
      done.run();
      return;
    }
    double start = now();
    platform.sendJs(JS_NOOP, 1, null, null, new JsTaskCallback() {
      @Override
      public void completed(JSObject ignored) {
        if (i >= 0) {
          samples[i] = now() - start;
        }
        jsRoundTrip(samples, i + 1, done);
      }

      @Override
      public void failed(JsTaskFailedException failure) {
        publishError(failure.getMessage());
      }
    });
  }

  private static double micros(double millis) {
    return Math.round(millis * 10_000) / 10.0;
  }

  private static int queryInt(String query, String name, int fallback) {
    for (String part : query.replace("?", "").split("&")) {
      if (part.startsWith(name + "=")) {
        return Integer.parseInt(part.substring(name.length() + 1));
      }
    }
    return fallback;
  }

  @JSFunctor
  interface Callback extends JSObject {
    void run();
  }




  @JSBody(script = "return navigator.userAgent;")
  static native String userAgent();

  @JSBody(script = "return performance.now();")
  static native double now();

  @JSBody(script = "return performance.timeOrigin + performance.now();")
  static native double absoluteNowMillis();

  @JSBody(script = "return performance.timeOrigin + performance.now();")
  static native JSObject absoluteNow();

  @JSBody(params = "v", script = "return +v;")
  static native double toDouble(JSObject v);

  @JSBody(params = {"callback", "ms"}, script = "setTimeout(callback, ms);")
  static native void setTimeout(Callback callback, int ms);

  @JSBody(params = "result", script = "self.wtBench = result;"
      + " document.getElementById('result').textContent = JSON.stringify(result, null, 1);"
      + " document.title = 'done';")
  static native void publish(JSObject result);

  @JSBody(params = "message", script = "self.wtBench = {error: message};"
      + " document.getElementById('result').textContent = message; document.title = 'done';")
  static native void publishError(String message);
}
