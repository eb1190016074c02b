package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.LockFreeSharedQueue;
import org.webthreads.scheduler.Parking;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.SharedQueue;

/**
 * The Lincheck target for shutdown against outside submissions: the real {@link RunState},
 * {@link LockFreeSharedQueue} and {@link Parking} over a small {@link JvmSharedWords}, driven step by
 * step as {@code ThreadPool} (outside submit, shutdown) and {@code WorkerLoop.serve} (look, leave or
 * sleep) drive them.
 *
 * <p>{@link #submit} enters the run state, pushes a task if accepted, wakes a sleeper, exits, and
 * wakes every worker when the exit finds the pool shut down. {@link #shutdown} moves the run state and
 * raises each worker's signal word. {@link #work} runs a pool thread until it leaves the pool. Every
 * scenario shuts the pool down, so every worker must leave; afterwards {@link #allAcceptedTasksRan}
 * checks that each accepted task was taken by a worker before it left. A worker that never leaves is
 * reported as a hang.
 *
 * <p>{@link ShutdownTest} runs this class; {@link BrokenShutdown} overrides one step each to show that
 * the same check fails.
 */
public abstract class ShutdownModel {
  static final int RUN_STATE = 0;
  static final int IDLE = 1;
  static final int PARK = 2; // 2, 3: one per worker
  static final int SIGNAL = 4; // 4, 5: one per worker
  static final int ACCEPTED = 6;
  static final int TAKEN = 7;
  static final int QUEUE = 8;
  static final int CAPACITY = 8;

  protected final JvmSharedWords words = new JvmSharedWords(QUEUE + LockFreeSharedQueue.wordsFor(CAPACITY));
  protected final RunState runState = new RunState(words, RUN_STATE);
  protected final LockFreeSharedQueue queue = new LockFreeSharedQueue(words, QUEUE, CAPACITY);
  protected final Parking parking = new Parking(words, IDLE, new int[] {PARK, PARK + 1});

  protected ShutdownModel() {
    queue.initialize();
  }

  /** An outside thread submits one task; returns whether it was accepted. */
  @Operation
  public boolean submit() {
    if (!runState.enter()) {
      exit();
      return false;
    }
    queue.push(1);
    words.getAndAdd(ACCEPTED, 1);
    parking.notifyWork();
    exit();
    return true;
  }

  /** As ThreadPool.exitFromOutside. */
  protected void exit() {
    if (runState.exit()) {
      parking.wakeAll();
    }
  }

  /** As ThreadPool.shutdown: the run state, then each worker's signal word and a wake. */
  @Operation
  public void shutdown() {
    if (runState.shutdown()) {
      for (int k = 0; k < 2; k++) {
        words.getAndAdd(SIGNAL + k, 1);
        parking.wake(k);
      }
    }
  }

  /** Pool thread {@code worker} serves until it leaves the pool, as WorkerLoop.serve. */
  @Operation
  public void work(int worker) {
    boolean searching = false;
    while (true) {
      int signal = words.load(SIGNAL + worker);
      int runWord = signal != 0 ? runState.load() : 0;
      if (takeTask()) {
        if (searching) {
          searching = false;
          parking.foundWork();
        }
        continue;
      }
      if (signal != 0 && mayLeave(runWord)) {
        if (searching) {
          parking.foundWork();
        }
        return;
      }
      parking.prepareSleep(worker, searching);
      searching = false;
      if (recheckFindsSomething(worker, signal, runWord)) {
        searching = parking.cancelSleep(worker);
        continue;
      }
      searching = parking.sleep(worker);
    }
  }

  protected boolean mayLeave(int runWord) {
    return RunState.mayLeave(runWord);
  }

  /** The re-check after prepareSleep, as in WorkerLoop.serve (no JS tasks here). */
  protected boolean recheckFindsSomething(int worker, int signal, int runWord) {
    int recheck = words.load(SIGNAL + worker);
    return (signal == 0 ? recheck != 0 : runState.load() != runWord) || !queue.isEmpty();
  }

  private boolean takeTask() {
    int task = queue.pop();
    if (task > 0) {
      words.getAndAdd(TAKEN, 1);
      return true;
    }
    return false; // EMPTY, or BUSY: a producer will publish and then wake a sleeper
  }

  /** After every operation returned: each accepted task was taken before its worker left. */
  @Validate
  public void allAcceptedTasksRan() {
    int accepted = words.load(ACCEPTED);
    int taken = words.load(TAKEN);
    if (accepted != taken) {
      throw new IllegalStateException("accepted " + accepted + " tasks, workers took " + taken);
    }
  }

  /**
   * Sequential specification: a submit is accepted exactly when no shutdown came before it. (The
   * workers' answers are void: they return once the pool is shut down and they found nothing.)
   */
  public static class Spec {
    private boolean shutDown;

    public boolean submit() {
      return !shutDown;
    }

    public void shutdown() {
      shutDown = true;
    }

    public void work(int worker) {
    }
  }
}
