package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.Parking;

/**
 * The Lincheck target for {@link Parking#retire}: two live pool threads (0 and 1) and a third, thread 2,
 * that stopped for good while counted as a <em>searcher</em> in the idle word (it had been woken for a
 * task and died before finding it). Nobody can take it off the count, so without repair every
 * {@code notifyWork} sees a searcher and wakes nobody. {@link #retire} is what the page does once the
 * thread is known to be gone.
 *
 * <p>{@link #work} and {@link #submit} follow {@code WorkerLoop} and {@code ThreadPool} as in
 * {@link ParkingModel}; scenarios submit exactly as many tasks as the live threads take, so a lost
 * wake-up shows as a hung execution.
 */
public abstract class RetiredThreadParkingModel {
  static final int IDLE = 0;
  static final int PARK_0 = 1;
  static final int PARK_1 = 2;
  static final int PARK_DEAD = 3;
  static final int TASKS = 4;
  /** The idle word's searcher unit (Parking keeps it private): the dead thread's share. */
  static final int ONE_SEARCHER = 1 << 16;

  protected final JvmSharedWords words;
  protected final Parking parking;

  protected RetiredThreadParkingModel() {
    words = new JvmSharedWords(5);
    parking = new Parking(words, IDLE, new int[] {PARK_0, PARK_1, PARK_DEAD});
    words.store(IDLE, ONE_SEARCHER);
  }

  /** Live pool thread {@code worker} (0 or 1) runs until it has taken {@code count} tasks. */
  @Operation
  public int work(int worker, int count) {
    int taken = 0;
    boolean searching = false;
    while (true) {
      if (takeTask()) {
        if (searching) {
          searching = false;
          parking.foundWork();
        }
        if (++taken == count) {
          return taken;
        }
        continue;
      }
      parking.prepareSleep(worker, searching);
      searching = words.load(TASKS) > 0 ? parking.cancelSleep(worker) : parking.sleep(worker);
    }
  }

  @Operation
  public void submit() {
    words.getAndAdd(TASKS, 1);
    parking.notifyWork();
  }

  /** The page learns that thread 2 is gone. */
  @Operation
  public void retire() {
    parking.retire(2);
  }

  private boolean takeTask() {
    while (true) {
      int tasks = words.load(TASKS);
      if (tasks == 0) {
        return false;
      }
      if (words.compareAndSet(TASKS, tasks, tasks - 1)) {
        return true;
      }
    }
  }

  /** Every task taken; the live threads' park words at rest and the dead one's LOST. */
  @Validate
  public void quiescent() {
    check(words.load(TASKS) == 0, "tasks left over: " + words.load(TASKS));
    check(words.load(PARK_0) == Parking.AWAKE, "park word 0 is " + words.load(PARK_0));
    check(words.load(PARK_1) == Parking.AWAKE, "park word 1 is " + words.load(PARK_1));
    check(words.load(PARK_DEAD) == Parking.LOST, "the dead thread's park word is " + words.load(PARK_DEAD));
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /** Sequential specification: a worker returns the number of tasks it was asked to take. */
  public static final class Spec {
    public int work(int worker, int count) {
      return count;
    }

    public void submit() {
    }

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
