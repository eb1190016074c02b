package org.webthreads;

/** Every task slot of the pool holds a queued, running or unjoined task. Nothing was queued. */
public final class SlotsExhaustedException extends IllegalStateException {
  /**
   * A refused submit.
   *
   * @param message what was refused and what to do (join or drop futures, or wait: see the pool's slot wait)
   */
  public SlotsExhaustedException(String message) {
    super(message);
  }
}
