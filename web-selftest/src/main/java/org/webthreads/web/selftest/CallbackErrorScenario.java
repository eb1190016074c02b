package org.webthreads.web.selftest;

import org.teavm.jso.JSObject;
import org.webthreads.TaskFuture;
import org.webthreads.TaskProgress;
import org.webthreads.ThreadPool;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebProgress;

/**
 * The page's selftest.html?callbackThrows=1: callbacks the browser calls later throw, and what they
 * throw must reach the error callback of WebThreads.start (BrowserSelfTest records it), not end as an
 * "Uncaught (in promise)" line no Java code sees.
 */
final class CallbackErrorScenario {
  /** How many callbacks below throw: the error callback must see each. */
  static final int THROWING_CALLBACKS = 3;

  private CallbackErrorScenario() {
  }

  static void start(WebPlatform platform) {
    ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
    TaskFuture<Long> fib = pool.submit(SelfTestTasks.FIB, 10);
    WebFutures.whenDone(fib, () -> {
      throw new IllegalStateException("self-test: a whenDone callback throws, after fib = " + fib.join());
    });
    TaskProgress progress = pool.newTaskProgress(1);
    progress.add(1);
    WebProgress.subscribe(progress, (done, total) -> {
      throw new IllegalStateException("self-test: a WebProgress listener throws at " + done + " of " + total);
    });
    platform.sendJs(SelfTestTasks.ECHO, WebPlatform.ANY_WORKER, SelfTestTasks.number(7), null,
        new JsTaskCallback() {
          @Override
          public void completed(JSObject result) {
            throw new IllegalArgumentException("self-test: a JS task's reply callback throws");
          }

          @Override
          public void failed(JsTaskFailedException failure) {
            throw new IllegalStateException("self-test: the echo failed: " + failure.getMessage());
          }
        });
  }
}
