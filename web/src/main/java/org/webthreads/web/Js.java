package org.webthreads.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The JavaScript calls of the web runtime that are not on the per-task path (those go through
 * {@link WasmAtomics}): the webthreads.js runtime, messages, timers, promises (plain objects:
 * {@link JsObjects}). Each is an
 * {@code @JSBody}; calls that may throw in JavaScript catch there and return the error as a string,
 * so that Java sees it as a value.
 */
final class Js {
  private Js() {
  }

  /** A message or event from the runtime. */
  @JSFunctor
  interface MessageHandler extends JSObject {
    void handle(JSObject message);
  }

  /** A worker's message or failure, with the worker's id. */
  @JSFunctor
  interface WorkerEventHandler extends JSObject {
    void handle(int workerId, JSObject message);
  }

  @JSFunctor
  interface Callback extends JSObject {
    void run();
  }

  /** Settles a JS Promise made by {@link #newPromise}. */
  @JSFunctor
  interface PromiseBody extends JSObject {
    void start(JSObject resolve, JSObject reject);
  }

  // ---- runtime state --------------------------------------------------------------------------

  @JSBody(script = "return !!(self.webthreads && self.webthreads.threadId !== undefined);")
  static native boolean runtimeLoaded();

  @JSBody(script = "return self.webthreads.isWorker === true;")
  static native boolean isWorker();

  @JSBody(script = "return self.webthreads.threadId | 0;")
  static native int threadId();

  /** Workers: how many workers the page started. */
  @JSBody(script = "return self.webthreads.count | 0;")
  static native int workerCount();

  @JSBody(script = "const p = self.webthreads.isolationProblem; return p === null || p === undefined ? null : p;")
  static native String isolationProblem();

  @JSBody(script = "self.webthreads.started = true;")
  static native void markStarted();

  @JSBody(script = "return self.webthreads.query || '';")
  static native String pageQuery();

  @JSBody(params = "handler", script = "self.webthreads.setHandler(handler);")
  static native void setHandler(MessageHandler handler);

  /** Told the description of an error that unwound the message handler; true if Java recovered. */
  @JSFunctor
  interface AbortHandler extends JSObject {
    boolean recover(String cause);
  }

  @JSBody(params = "handler", script = "self.webthreads.onHandlerAbort = handler;")
  static native void setAbortHandler(AbortHandler handler);

  @JSBody(params = {"id", "count", "handler"}, script = "self.webthreads.spawnWorker(id, count, handler);")
  static native void spawnWorker(int id, int count, WorkerEventHandler handler);

  @JSBody(params = {"count", "overrides"}, script = "self.webthreads.bootWorkers(count, overrides);")
  static native void bootWorkers(int count, JSObject overrides);

  /** Calls {@code onGone} once worker {@code id}'s thread has ended (webthreads.js watchWorker). */
  @JSBody(params = {"id", "onGone"}, script = "self.webthreads.watchWorker(id, onGone);")
  static native void watchWorker(int id, Callback onGone);

  @JSBody(params = "id", script = "self.webthreads.terminateWorker(id);")
  static native void terminateWorker(int id);

  /** Sends a message; returns null, or the reason it could not be sent (nothing was sent then). */
  @JSBody(params = {"target", "message", "transfer"}, script = "try {"
      + " self.webthreads.send(target, message, transfer); return null;"
      + " } catch (e) { return self.webthreads.describe(e); }")
  static native String send(int target, JSObject message, JSObject transfer);

  /**
   * Calls {@code callback} once word {@code index} no longer holds {@code expected} (never blocks);
   * what the callback throws goes to the page's error callback ({@link UncaughtCallbacks}).
   */
  static void waitAsync(int index, int expected, Callback callback) {
    waitAsyncRaw(index, expected, UncaughtCallbacks.guard(callback));
  }

  @JSBody(params = {"index", "expected", "callback"},
      script = "self.webthreads.waitAsync(index, expected, callback);")
  private static native void waitAsyncRaw(int index, int expected, Callback callback);

  /** A timer; what the callback throws goes to the page's error callback ({@link UncaughtCallbacks}). */
  static int setTimeout(Callback callback, int ms) {
    return setTimeoutRaw(UncaughtCallbacks.guard(callback), ms);
  }

  @JSBody(params = {"callback", "ms"}, script = "return setTimeout(callback, ms);")
  private static native int setTimeoutRaw(Callback callback, int ms);

  @JSBody(params = "handle", script = "clearTimeout(handle);")
  static native void clearTimeout(int handle);

  /** A microtask; what the callback throws goes to the page's error callback ({@link UncaughtCallbacks}). */
  static void queueMicrotask(Callback callback) {
    queueMicrotaskRaw(UncaughtCallbacks.guard(callback));
  }

  @JSBody(params = "callback", script = "queueMicrotask(callback);")
  private static native void queueMicrotaskRaw(Callback callback);

  @JSBody(params = "message", script = "console.error(message);")
  static native void consoleError(String message);

  /**
   * An error no Java callback took: to the console and to the page's {@code webthreads.onError} (or
   * the {@code onError} option of {@code webthreads.start}), as an Error named {@code name}.
   */
  @JSBody(params = {"name", "message"}, script = "self.webthreads.reportError(name, message);")
  static native void reportError(String name, String message);

  // ---- promises and errors --------------------------------------------------------------------

  @JSBody(params = "body", script = "return new Promise((resolve, reject) => body(resolve, reject));")
  static native JSObject newPromise(PromiseBody body);

  @JSBody(params = {"settle", "value"}, script = "settle(value);")
  static native void settle(JSObject settle, JSObject value);

  /** A JS Error with the given name (the Java exception class) and message. */
  @JSBody(params = {"name", "message"}, script = "const e = new Error(message); e.name = name; return e;")
  static native JSObject error(String name, String message);

  /**
   * An Error named {@code name} whose {@code javaStack} (and {@code stack}, which consoles print) is a
   * Java stack trace as text, when there is one.
   */
  @JSBody(params = {"name", "message", "javaStack"}, script = "const e = new Error(message); e.name = name;"
      + " if (javaStack !== null) { e.javaStack = javaStack; e.stack = javaStack; } return e;")
  static native JSObject error(String name, String message, String javaStack);
}
