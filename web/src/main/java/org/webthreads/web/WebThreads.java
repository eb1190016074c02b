package org.webthreads.web;

/**
 * Entry point of a webthreads program in the browser. The same compiled program runs on the page and
 * in every worker, and its {@code main} runs everywhere; register task kinds first, then call
 * {@link #start} unconditionally:
 * <pre>{@code
 * public static void main(String[] args) {
 *   Tasks.register();                        // TaskKind / JsTaskKind statics, on every thread
 *   WebThreads.start(WebOptions.defaults(), platform -> {
 *     ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
 *     WebFutures.whenDone(pool.submit(Tasks.FIB, 30), ...);
 *   }, error -> showError(error.getMessage()));
 * }
 * }</pre>
 * On the page, start loads N workers and calls {@code onReady} once all are ready (or {@code onError}
 * once, naming the worker and cause, if one fails to load or throws, or if the page is not
 * cross-origin isolated). An exception thrown by {@code onReady} goes to {@code onError} too (the
 * workers stay up); one thrown by {@code onError} goes, with the error it was handling, to the console
 * and to the page's JavaScript hook: the {@code onError} option of {@code webthreads.start} (or a
 * function assigned to {@code webthreads.onError}), called with a JS Error. In a worker it makes the
 * worker ready for pools and JS tasks and returns; the callbacks are not called there.
 */
public final class WebThreads {
  private WebThreads() {
  }

  /** Called on the page when every worker is ready. */
  @FunctionalInterface
  public interface ReadyCallback {
    /**
     * Receives the page's platform once every worker is ready: create pools here.
     *
     * @param platform the page's platform
     */
    void ready(WebPlatform platform);
  }

  /**
   * Called on the page when the workers cannot all be started, or with what the ready callback threw
   * (the very exception when it is a RuntimeException, else one that wraps it).
   */
  @FunctionalInterface
  public interface ErrorCallback {
    /**
     * Receives the error that stopped the start, or what the ready callback threw.
     *
     * @param error a start failure (its message names the worker and the cause), or what onReady threw
     */
    void failed(RuntimeException error);
  }

  /**
   * Starts the runtime on this thread: on the page, loads the workers and calls one of the callbacks; in a
   * worker, makes it ready and returns (see the class comment).
   *
   * @param options the workers to load (page only; a worker ignores them)
   * @param onReady called on the page once every worker is ready
   * @param onError called on the page, once, if the start fails or {@code onReady} throws
   * @throws NullPointerException when an argument is null
   * @throws IllegalStateException when webthreads.js did not start the program
   */
  public static void start(WebOptions options, ReadyCallback onReady, ErrorCallback onError) {
    if (options == null || onReady == null || onError == null) {
      throw new NullPointerException("WebThreads.start needs options, a ready callback and an error callback");
    }
    if (!Js.runtimeLoaded()) {
      throw new IllegalStateException("the webthreads runtime is not loaded: the page must load "
          + "webthreads.js after the TeaVM runtime and start the program with "
          + "webthreads.start({wasm: ..., runtime: ...}) instead of calling main itself");
    }
    if (Js.isWorker()) {
      WorkerRuntime.start();
      return;
    }
    String problem = Js.isolationProblem();
    if (problem != null) {
      PageRuntime.deliverError(onError, new IllegalStateException(problem), "the page cannot start:");
      return;
    }
    PageRuntime.start(options, onReady, onError);
  }

  /**
   * Whether this code runs in a worker (false on the page).
   *
   * @return true in a worker
   */
  public static boolean isWorker() {
    return Js.runtimeLoaded() && Js.isWorker();
  }

  /**
   * This thread's platform once started (in a worker: after {@link #start}; on the page: once
   * ready), else null. Tasks use it to send JS tasks.
   *
   * @return the platform, or null before it is ready
   */
  public static WebPlatform platform() {
    return Js.runtimeLoaded() && Js.isWorker() ? WorkerRuntime.platform() : PageRuntime.platform();
  }

  /**
   * This thread's id: 0 on the page, 1..N in workers (also before start).
   *
   * @return the thread id
   */
  public static int threadId() {
    return Js.runtimeLoaded() ? Js.threadId() : 0;
  }

  /**
   * The page's URL query string (also in workers), e.g. for test or demo options.
   *
   * @return the query string, e.g. {@code "?threads=4"}, or an empty string
   */
  public static String pageQuery() {
    return Js.pageQuery();
  }
}
