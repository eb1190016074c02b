package org.webthreads.web;

import org.teavm.jso.JSBody;

/** How {@link WebThreads#start} starts the workers. */
public final class WebOptions {
  private int workers;
  private int startTimeoutMillis = 30_000;
  private int brokenWorker;
  private String brokenWorkerWasm;

  private WebOptions(int workers) {
    this.workers = workers;
  }

  /**
   * One worker per logical core ({@code navigator.hardwareConcurrency}).
   *
   * @return options for {@code navigator.hardwareConcurrency} workers
   */
  public static WebOptions defaults() {
    return new WebOptions(hardwareConcurrency());
  }

  /**
   * Options for {@code count} workers: the same as {@code defaults().withWorkers(count)}.
   *
   * @param count how many workers, from 1 to the runtime's maximum
   * @return the options
   * @throws IllegalArgumentException for a count out of range
   */
  public static WebOptions workers(int count) {
    return defaults().withWorkers(count);
  }

  /**
   * Sets the number of workers start loads (these options are changed and returned).
   *
   * @param count how many workers, from 1 to the runtime's maximum
   * @return these options
   * @throws IllegalArgumentException for a count out of range
   */
  public WebOptions withWorkers(int count) {
    if (count < 1 || count > PlatformWords.MAX_WORKERS) {
      throw new IllegalArgumentException("worker count must be between 1 and " + PlatformWords.MAX_WORKERS
          + ", was " + count);
    }
    this.workers = count;
    return this;
  }

  /**
   * How long start waits for every worker to load before it reports the missing ones (default 30 s).
   *
   * @param millis the time limit in milliseconds
   * @return these options
   */
  public WebOptions withStartTimeoutMillis(int millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("start timeout must be positive, was " + millis);
    }
    this.startTimeoutMillis = millis;
    return this;
  }

  /**
   * For tests of the failure path: worker {@code id} loads {@code wasmUrl} instead of the program.
   *
   * @param id the worker that loads another program
   * @param wasmUrl the URL of the program it loads
   * @return these options
   */
  public WebOptions withWorkerProgramOverride(int id, String wasmUrl) {
    this.brokenWorker = id;
    this.brokenWorkerWasm = wasmUrl;
    return this;
  }

  /**
   * How many workers start loads.
   *
   * @return the worker count
   */
  public int workers() {
    return workers;
  }

  /**
   * How long start waits for the workers to load.
   *
   * @return the time limit in milliseconds
   */
  public int startTimeoutMillis() {
    return startTimeoutMillis;
  }

  int overriddenWorker() {
    return brokenWorker;
  }

  String overriddenWasm() {
    return brokenWorkerWasm;
  }

  @JSBody(script = "return Math.max(1, (self.navigator && navigator.hardwareConcurrency) | 0);")
  private static native int hardwareConcurrency();
}
