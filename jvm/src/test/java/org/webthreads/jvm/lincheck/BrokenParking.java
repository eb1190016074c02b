package org.webthreads.jvm.lincheck;

/**
 * Deliberately broken variants of the park/wake protocol, used by {@link ParkingTest} to show that its
 * check can fail. Not tests themselves.
 */
public final class BrokenParking {
  private BrokenParking() {
  }

  /** The worker goes to sleep right after announcing it, without the re-check. */
  public static final class SkipsRecheck extends ParkingModel {
    @Override
    protected boolean park(int worker, boolean searching) {
      parking.prepareSleep(worker, searching);
      return parking.sleep(worker);
    }
  }

  /** The submitter reads the idle word (notifyWork) before it publishes the task. */
  public static final class NotifiesBeforePublishing extends ParkingModel {
    @Override
    public void submit() {
      parking.notifyWork();
      publishTask();
    }
  }
}
