package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.Parking;
import org.webthreads.scheduler.SlotCompletion;
import org.webthreads.scheduler.TaskSlots;

/**
 * The Lincheck target for waking a future's owner (separate heaps): the real {@link SlotCompletion}
 * and {@link Parking} over a small {@link JvmSharedWords}.
 *
 * <p>{@link #owner} is the pool thread that holds the future of a running task and, with a thread
 * waiting for a slot, must harvest it as soon as it completes; it follows {@code WorkerLoop.serve}:
 * mark the task ({@link SlotCompletion#markOwnerWake}), {@code prepareSleep}, re-check the task, then
 * {@code cancelSleep} or {@code sleep}, until it sees the task finished. {@link #complete} is the
 * thread that ends the task, as {@code ThreadPool.completeTask}: the completion, and a wake of the
 * sleepers when the owner's mark is there. An owner that sleeps through the completion is reported as
 * a hang.
 */
public abstract class OwnerWakeModel {
  static final int IDLE = 0;
  static final int PARK = 1;
  static final int STATE = 2;

  protected final JvmSharedWords words = new JvmSharedWords(3);
  protected final Parking parking = new Parking(words, IDLE, new int[] {PARK});

  /** The owner waits until it can harvest the task; returns 1. */
  @Operation
  public int owner() {
    boolean searching = false;
    while (true) {
      if (!SlotCompletion.markOwnerWake(words, STATE)) {
        return 1; // finished: harvest it
      }
      parking.prepareSleep(0, searching);
      if (recheckSeesFinished()) {
        parking.cancelSleep(0);
        return 1;
      }
      searching = parking.sleep(0);
      if (searching) {
        parking.foundWork();
        searching = false;
      }
    }
  }

  protected boolean recheckSeesFinished() {
    return (words.load(STATE) & TaskSlots.OUTCOME_MASK) != TaskSlots.PENDING;
  }

  /** Another thread completes the task. */
  @Operation
  public void complete() {
    int before = SlotCompletion.complete(words, STATE, TaskSlots.DONE);
    if (wakesOwner() && (before & TaskSlots.OWNER_WAKE) != 0) {
      parking.wakeAll();
    }
  }

  protected boolean wakesOwner() {
    return true;
  }

  /** Sequential specification: the owner always ends by seeing the task finished. */
  public static class Spec {
    public int owner() {
      return 1;
    }

    public void complete() {
    }
  }
}
