package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.webthreads.scheduler.Parking;

/**
 * The Lincheck target for {@link Parking#retire}: the live pool threads 0 and 1 of {@link ParkingModel}
 * (same {@code work} and {@code submit}) and a third, thread 2, that stopped for good while counted as a
 * <em>searcher</em> in the idle word (it had been woken for a task and died before finding it). Nobody
 * can take it off the count, so without repair every {@code notifyWork} sees a searcher and wakes
 * nobody. {@link #retire} is what the page does once the thread is known to be gone.
 */
public abstract class RetiredThreadParkingModel extends ParkingModel {
  /** The dead thread's park word. */
  static final int PARK_DEAD = 3;
  /** The idle word's searcher unit (Parking keeps it private): the dead thread's share. */
  static final int ONE_SEARCHER = 1 << 16;

  protected RetiredThreadParkingModel() {
    super(3, ONE_SEARCHER);
  }

  /** The page learns that thread 2 is gone. */
  @Operation
  public void retire() {
    parking.retire(2);
  }

  /**
   * After every operation (ParkingModel's validation): every task taken, the live threads' park words
   * at rest and the dead one's LOST (its share of the idle word stays, so the idle word is not checked).
   */
  @Override
  protected void checkAtRest() {
    check(!taskAvailable(), "tasks left over");
    check(words.load(PARK_0) == Parking.AWAKE, "park word 0 is " + words.load(PARK_0));
    check(words.load(PARK_1) == Parking.AWAKE, "park word 1 is " + words.load(PARK_1));
    check(words.load(PARK_DEAD) == Parking.LOST, "the dead thread's park word is " + words.load(PARK_DEAD));
  }

  /** Sequential specification: {@link ParkingModel.Spec} plus a retire that returns nothing. */
  public static final class Spec extends ParkingModel.Spec {
    public void retire() {
    }
  }

  /** The real protocol. */
  public static final class Real extends RetiredThreadParkingModel {
  }

  /**
   * Broken on purpose: marks the thread LOST and wakes one sleeper, but leaves the idle word as it is
   * (no degraded mark), so the dead searcher still suppresses later wake-ups.
   */
  public static final class RetiresWithoutDegrading extends RetiredThreadParkingModel {
    @Override
    public void retire() {
      int before;
      do {
        before = words.load(PARK_DEAD);
      } while (!words.compareAndSet(PARK_DEAD, before, Parking.LOST));
      parking.wakeOne();
    }
  }
}
