package org.webthreads.web;

/** A worker failed to load, threw out of its program, or was terminated; names the worker and cause. */
public final class WorkerFailedException extends RuntimeException {
  private final int workerId;
  private final String where;

  WorkerFailedException(int workerId, String where, String cause) {
    super("worker " + workerId + " failed (" + where + "): " + cause);
    this.workerId = workerId;
    this.where = where;
  }

  public int workerId() {
    return workerId;
  }

  /** The stage that failed, e.g. "loading app.wasm", "running main()", "terminated". */
  public String where() {
    return where;
  }
}
