package org.webthreads;

/** A task was submitted to a pool that is shut down. Nothing was queued. */
public final class PoolShutdownException extends IllegalStateException {
  /**
   * A refused submit.
   *
   * @param message what was refused and why
   */
  public PoolShutdownException(String message) {
    super(message);
  }
}
