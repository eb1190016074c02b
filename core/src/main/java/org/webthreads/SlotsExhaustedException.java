package org.webthreads;

/** Every task slot of the pool holds a queued, running or unjoined task. Nothing was queued. */
public final class SlotsExhaustedException extends IllegalStateException {
  public SlotsExhaustedException(String message) {
    super(message);
  }
}
