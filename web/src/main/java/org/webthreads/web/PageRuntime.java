package org.webthreads.web;

import org.teavm.jso.JSObject;

/**
 * The page's side of the worker manager: initialises the shared memory, starts and boots the workers,
 * waits until all are ready (or reports the first that fails, or those missing at the timeout), then
 * handles their messages: JS tasks for the page, results of the page's JS tasks, failures.
 */
final class PageRuntime {
  private static WebPlatform platform;
  private static WebThreads.ReadyCallback onReady;
  private static WebThreads.ErrorCallback onError;
  private static boolean[] ready;
  private static int readyCount;
  private static boolean started;
  private static boolean startFailed;
  private static int timer;

  private PageRuntime() {
  }

  static WebPlatform platform() {
    return started ? platform : null;
  }

  static void start(WebOptions options, WebThreads.ReadyCallback readyCallback,
      WebThreads.ErrorCallback errorCallback) {
    if (platform != null) {
      throw new IllegalStateException("WebThreads.start was already called on this page");
    }
    int count = options.workers();
    WasmSharedWords words = new WasmSharedWords(false);
    words.store(PlatformWords.BUMP_INDEX, PlatformWords.FIRST_REGION);
    words.store(PlatformWords.WORKERS_INDEX, count);
    words.store(PlatformWords.MAGIC_INDEX, PlatformWords.MAGIC);
    platform = new WebPlatform(words, 0, count);
    onReady = readyCallback;
    onError = errorCallback;
    ready = new boolean[count + 1];
    for (int id = 1; id <= count; id++) {
      Js.spawnWorker(id, count, PageRuntime::onWorkerEvent);
    }
    JSObject overrides = JsObjects.newObject();
    if (options.overriddenWorker() > 0) {
      JsObjects.set(overrides, String.valueOf(options.overriddenWorker()), options.overriddenWasm());
    }
    Js.bootWorkers(count, overrides);
    timer = Js.setTimeout(PageRuntime::onStartTimeout, options.startTimeoutMillis());
  }

  private static void onWorkerEvent(int id, JSObject message) {
    String type = JsObjects.getString(message, "t");
    if ("ready".equals(type)) {
      if (!ready[id] && !startFailed) {
        ready[id] = true;
        readyCount++;
        if (readyCount == platform.workerCount()) {
          Js.clearTimeout(timer);
          started = true;
          for (int worker = 1; worker <= platform.workerCount(); worker++) {
            int gone = worker;
            Js.watchWorker(gone, () -> workerGone(gone));
          }
          runReadyCallback();
        }
      }
    } else if ("fatal".equals(type)) {
      reportFailure(id, JsObjects.getString(message, "where"), JsObjects.getString(message, "message"));
    } else if ("js".equals(type)) {
      platform.jsTasks.run(message);
    } else if ("jsr".equals(type)) {
      platform.jsTasks.complete(message);
    } else {
      Js.consoleError("webthreads: unexpected message '" + type + "' from worker " + id);
    }
  }

  /**
   * A worker failed: before start, the start fails; after, every thread learns of it, and the worker is
   * terminated (a worker that reported an error is in an unknown state; its pool is repaired once its
   * thread has ended, see {@link #workerGone}).
   */
  static void reportFailure(int id, String where, String cause) {
    if (!started) {
      failStart(new WorkerFailedException(id, where, cause));
      return;
    }
    if (!platform.isWorkerAlive(id)) {
      return;
    }
    Js.terminateWorker(id);
    platform.workerFailed(id, where, cause);
    for (int peer = 1; peer <= platform.workerCount(); peer++) {
      if (platform.isWorkerAlive(peer)) {
        JSObject message = JsObjects.newObject();
        JsObjects.set(message, "t", "peerDown");
        JsObjects.set(message, "id", id);
        JsObjects.set(message, "where", where);
        JsObjects.set(message, "message", cause);
        platform.jsTasks.deliver(peer, message, null);
      }
    }
  }

  /**
   * Worker {@code id}'s thread has ended (its life lock was released): it runs no more code, so the pool
   * it served can be repaired ({@link WebPlatform#workerGone}). A worker that ended without any report
   * before (none is known to) is reported now.
   */
  private static void workerGone(int id) {
    reportFailure(id, "thread", "the worker's thread ended without reporting an error");
    platform.workerGone(id);
  }

  /**
   * Runs the page's ready callback; what it throws goes to the error callback (the workers stay up:
   * the platform is ready, the page's own start code failed).
   */
  private static void runReadyCallback() {
    try {
      onReady.ready(platform);
    } catch (Throwable thrown) {
      uncaught(thrown, "the ready callback of WebThreads.start threw");
    }
  }

  /**
   * What the ready callback, or a callback the browser called later (a {@code WebFutures} or
   * {@code WebGroups} callback, a JS-task reply), threw ({@code context} says which, e.g. "a callback
   * threw"): to the error callback of {@link WebThreads#start}, or where that cannot take
   * it (in a worker, or before start) to the console and the page's {@code webthreads.onError}.
   */
  static void uncaught(Throwable thrown, String context) {
    RuntimeException error = thrown instanceof RuntimeException ? (RuntimeException) thrown
        : new IllegalStateException(context + " " + thrown, thrown);
    if (onError != null && !WebThreads.isWorker()) {
      deliverError(onError, error, context);
    } else {
      Js.reportError(error.getClass().getName(), "webthreads: " + context + " " + describe(error));
    }
  }

  /**
   * Hands {@code error} to the page's error callback; if that throws as well, neither is lost: both go
   * to the console and the page's JavaScript hook ({@code webthreads.onError}).
   */
  static void deliverError(WebThreads.ErrorCallback callback, RuntimeException error, String context) {
    try {
      callback.failed(error);
    } catch (Throwable thrown) {
      Js.reportError(error.getClass().getName(), "webthreads: " + context + " " + describe(error)
          + ", and the error callback of WebThreads.start threw too: " + describe(thrown));
    }
  }

  private static String describe(Throwable error) {
    return error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }

  private static void onStartTimeout() {
    if (started || startFailed) {
      return;
    }
    StringBuilder missing = new StringBuilder();
    for (int id = 1; id < ready.length; id++) {
      if (!ready[id]) {
        missing.append(missing.length() == 0 ? "" : ", ").append(id);
      }
    }
    int first = Integer.parseInt(missing.toString().split(",")[0].trim());
    failStart(new WorkerFailedException(first, "start", "workers " + missing + " were not ready after "
        + "the start timeout; check the browser console and that worker.js, the TeaVM runtime and the "
        + "wasm file are served next to the page"));
  }

  private static void failStart(WorkerFailedException failure) {
    if (startFailed) {
      return;
    }
    startFailed = true;
    Js.clearTimeout(timer);
    for (int id = 1; id < ready.length; id++) {
      Js.terminateWorker(id);
    }
    deliverError(onError, failure, "the workers could not be started:");
  }
}
