package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.Parking;

/**
 * The Lincheck target for the park/wake protocol: the real {@link Parking} over a small
 * {@link JvmSharedWords}, with a task counter standing in for the scheduler's queues.
 *
 * <p>{@link #work} is a pool thread that must take {@code count} tasks and follows the protocol of
 * {@code WorkerLoop.run} step by step: look for a task; with none, {@code prepareSleep}, re-check, then
 * {@code cancelSleep} or {@code sleep}; a searcher that finds a task calls {@code foundWork}. {@link #submit}
 * publishes a task and calls {@code notifyWork}, as {@code ThreadPool.submit} does. Scenarios submit
 * exactly as many tasks as the workers take, so every execution must terminate: a lost wake-up leaves a
 * worker in the futex wait for ever, which Lincheck reports as a hung execution.
 *
 * <p>{@link ParkingTest} runs this class; {@link BrokenParking} overrides one step each to show that the
 * same check fails on a protocol that can lose a wake-up.
 */
public abstract class ParkingModel {
  static final int IDLE = 0;
  static final int PARK_0 = 1;
  static final int PARK_1 = 2;

  protected final JvmSharedWords words;
  protected final Parking parking;

  /** The tasks counter: after the park words. */
  private final int tasks;

  protected ParkingModel() {
    this(2, 0);
  }

  /** {@code threads} park words (index 1..threads) and an idle word starting at {@code initialIdle}. */
  protected ParkingModel(int threads, int initialIdle) {
    words = new JvmSharedWords(threads + 2);
    int[] parks = new int[threads];
    for (int k = 0; k < threads; k++) {
      parks[k] = PARK_0 + k;
    }
    parking = new Parking(words, IDLE, parks);
    tasks = threads + 1;
    words.store(IDLE, initialIdle);
  }

  /** Pool thread {@code worker} (0 or 1) runs until it has taken {@code count} tasks; returns that count. */
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
      searching = park(worker, searching);
    }
  }

  /**
   * Found no task: the sleep half of the protocol, as in WorkerLoop. Returns whether the thread is a
   * searcher afterwards.
   */
  protected boolean park(int worker, boolean searching) {
    parking.prepareSleep(worker, searching);
    if (taskAvailable()) {
      return parking.cancelSleep(worker);
    }
    return parking.sleep(worker);
  }

  /** An outside thread submits one task. */
  @Operation
  public void submit() {
    publishTask();
    parking.notifyWork();
  }

  protected final void publishTask() {
    words.getAndAdd(tasks, 1);
  }

  protected final boolean takeTask() {
    while (true) {
      int left = words.load(tasks);
      if (left == 0) {
        return false;
      }
      if (words.compareAndSet(tasks, left, left - 1)) {
        return true;
      }
    }
  }

  protected final boolean taskAvailable() {
    return words.load(tasks) > 0;
  }

  /**
   * After every operation returned: all tasks were taken, and each thread's bookkeeping is undone (no
   * thread counted as sleeping or searching, every park word AWAKE).
   */
  @Validate
  public void quiescent() {
    checkAtRest();
  }

  /** What {@link #quiescent} checks; a model with other threads may check otherwise. */
  protected void checkAtRest() {
    check(words.load(tasks) == 0, "tasks left over: " + words.load(tasks));
    check(parking.idleWord() == 0, "idle word not back to 0: 0x" + Integer.toHexString(parking.idleWord()));
    check(words.load(PARK_0) == Parking.AWAKE, "park word 0 is " + words.load(PARK_0));
    check(words.load(PARK_1) == Parking.AWAKE, "park word 1 is " + words.load(PARK_1));
  }

  protected static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /** Sequential specification: a worker returns the number of tasks it was asked to take. */
  public static class Spec {
    public int work(int worker, int count) {
      return count;
    }

    public void submit() {
    }
  }
}
