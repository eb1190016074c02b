package org.webthreads.jvm.lincheck;

/** Variants of {@link ShutdownModel} that each skip one step of the protocol; the check must fail. */
public final class BrokenShutdown {
  private BrokenShutdown() {
  }

  /** A worker leaves once shut down and finding nothing, whatever submitter is in flight (the old rule). */
  public static final class LeavesWithSubmitterInFlight extends ShutdownModel {
    @Override
    protected boolean mayLeave(int runWord) {
      return true;
    }
  }

  /** The submitter's exit does not wake the workers that wait for it to leave. */
  public static final class ExitWakesNobody extends ShutdownModel {
    @Override
    protected void exit() {
      runState.exit();
    }
  }
}
