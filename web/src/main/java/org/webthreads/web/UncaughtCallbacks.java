package org.webthreads.web;

/**
 * Callbacks the browser calls later (microtasks, timers, waits on a shared word, JS-task replies): what
 * one throws would otherwise end as an "Uncaught (in promise)" line in the console that no Java code
 * sees. Run through here, it reaches the page's error callback of {@link WebThreads#start} (and, if that
 * throws too or there is none, the console and the page's {@code webthreads.onError} hook).
 */
final class UncaughtCallbacks {
  private UncaughtCallbacks() {
  }

  /** {@code callback}, run so that what it throws is reported (see the class comment). */
  static Js.Callback guard(Js.Callback callback) {
    return () -> run(callback::run);
  }

  /** Runs {@code callback} now; what it throws is reported (see the class comment). */
  static void run(Runnable callback) {
    try {
      callback.run();
    } catch (Throwable thrown) {
      PageRuntime.uncaught(thrown, "a callback threw");
    }
  }
}
