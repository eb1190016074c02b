package org.webthreads.web;

/** A worker failed to load, threw out of its program, or was terminated; names the worker and cause. */
public final class WorkerFailedException extends RuntimeException {
  /** The worker that failed. */
  private final int workerId;
  /** The stage that failed. */
  private final String where;

  WorkerFailedException(int workerId, String where, String cause) {
    super("worker " + workerId + " failed (" + where + "): " + cause);
    this.workerId = workerId;
    this.where = where;
  }

  /**
   * The id of the worker that failed.
   *
   * @return the worker id
   */
  public int workerId() {
    return workerId;
  }

  /**
   * The stage that failed, e.g. "loading app.wasm", "running main()", "terminated".
   *
   * @return the stage
   */
  public String where() {
    return where;
  }
}
