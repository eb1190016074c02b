package org.webthreads.web;

import org.teavm.jso.JSObject;
import org.webthreads.LoopExit;
import org.webthreads.PoolControl;

/**
 * A worker's side: announces itself ready, then handles messages from its event loop. A "serve"
 * message makes it run its pool's scheduler loop (blocking in {@code Atomics.wait} when idle); JS
 * tasks make that loop return at the next task boundary, run here, and the loop is entered again
 * once none is pending.
 */
final class WorkerRuntime {
  private static WebPlatform platform;
  private static PoolControl pool;

  private WorkerRuntime() {
  }

  static WebPlatform platform() {
    return platform;
  }

  static void start() {
    if (platform != null) {
      throw new IllegalStateException("WebThreads.start was already called on worker " + Js.threadId());
    }
    platform = new WebPlatform(new WasmSharedWords(true), Js.threadId(), Js.workerCount());
    Js.markStarted();
    Js.setHandler(WorkerRuntime::onMessage);
    Js.setAbortHandler(WorkerRuntime::loopAborted);
    JSObject ready = JsObjects.newObject();
    JsObjects.set(ready, "t", "ready");
    JsObjects.set(ready, "id", platform.threadId());
    Js.send(0, ready, null);
  }

  private static void onMessage(JSObject message) {
    String type = JsObjects.getString(message, "t");
    if ("serve".equals(type)) {
      serve(JsObjects.getInt(message, "base"));
    } else if ("js".equals(type)) {
      try {
        platform.jsTasks.run(message);
      } finally {
        jsTaskDone(JsObjects.getInt(message, "signalled"));
      }
    } else if ("reenter".equals(type)) {
      enterLoop(); // after loopAborted recovered
    } else if ("resume".equals(type)) {
      jsTaskDone(JsObjects.getInt(message, "signalled"));
    } else if ("jsr".equals(type)) {
      try {
        platform.jsTasks.complete(message);
      } finally {
        jsTaskDone(JsObjects.getInt(message, "signalled"));
      }
    } else if ("peerDown".equals(type)) {
      try {
        platform.workerFailed(JsObjects.getInt(message, "id"), JsObjects.getString(message, "where"),
            JsObjects.getString(message, "message"));
      } finally {
        jsTaskDone(JsObjects.getInt(message, "signalled"));
      }
    } else {
      Js.consoleError("webthreads: worker " + platform.threadId() + " got an unknown message '" + type + "'");
    }
  }

  /**
   * An error Java cannot catch unwound this worker's stack (webthreads.js deliver caught it). If it came
   * out of the pool loop, the tasks that were on the stack fail ({@link PoolControl#abandonWorkerStack})
   * and the loop is entered again; otherwise (the error came from elsewhere, such as a JS task's
   * handler) false: the worker is reported failed, as before.
   */
  private static boolean loopAborted(String cause) {
    if (pool == null || !pool.abandonWorkerStack(platform.threadId(), cause)) {
      return false;
    }
    Js.consoleError("webthreads: worker " + platform.threadId() + ": " + cause + " unwound the stack of "
        + "a pool task; the tasks on that stack failed (TaskAbandonedException) and the worker serves "
        + "its pool again");
    return true;
  }

  /** Serves the pool at {@code base} (this thread was assigned to it: see WebPlatform.startWorkers). */
  static void serve(int base) {
    pool = platform.poolAt(base);
    enterLoop();
  }

  private static void jsTaskDone(int signalledBase) {
    int id = platform.threadId();
    // The pool's count first, then the platform's: the loop checks only the pool's count, so it must
    // never be above the platform's, which decides whether we may enter the loop.
    if (signalledBase != 0) {
      platform.poolAt(signalledBase).yieldServed(id);
    }
    int before = platform.words.getAndAdd(PlatformWords.jsPending(id), -1);
    if (before == 1) {
      enterLoop();
    }
  }

  /** Runs the pool's loop until a JS task is pending or the pool shut down; never with JS tasks due. */
  private static void enterLoop() {
    if (pool == null) {
      return;
    }
    int id = platform.threadId();
    // Pairs with JsTasks.send, which increments this count before it reads our serving word: a
    // sender that read no pool (or an older one) incremented before this load, so we see it here
    // and take its message from the event loop first.
    if (platform.words.load(PlatformWords.jsPending(id)) != 0) {
      return;
    }
    LoopExit exit = pool.runWorker(id);
    if (exit == LoopExit.SHUTDOWN) {
      // Unassigns us unless a new pool already claimed this thread (it may once this one terminated).
      platform.words.compareAndSet(PlatformWords.serving(id), pool.base(), 0);
      pool = null;
    }
    // YIELD: return to the event loop, where the JS tasks arrive.
  }
}
