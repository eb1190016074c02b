package org.webthreads;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.SharedQueue;

/**
 * A pool's life after creation: {@code shutdown()} (no new outside tasks, everything accepted runs),
 * {@code shutdownNow()} (queued tasks cancelled), and termination (every pool thread has left). The
 * acceptance protocol itself is {@link RunState}; the threads leave in {@link WorkerLoop}.
 */
final class Shutdown {
  private final Pool pool;
  private final PoolShared shared;
  private final SharedWords words;

  Shutdown(Pool pool) {
    this.pool = pool;
    this.shared = pool.shared;
    this.words = shared.words;
  }

  void shutdown() {
    if (shared.runState.shutdown()) {
      signalRunStateChange();
    }
  }

  /** Returns how many queued tasks this call cancelled. */
  int shutdownNow() {
    stop();
    return cancelQueuedTasks();
  }

  /** Moves the run state to STOP (telling the threads if it was not there already). */
  void stop() {
    if (shared.runState.stop() != RunState.STOP) {
      signalRunStateChange();
    }
  }

  /**
   * Tells every pool thread that the run state changed: the flag in its signal word is what its loop
   * checks before every task and before sleeping (after the run-state change, so a thread that sees
   * the flag sees the new state), and the wake reaches a sleeping one.
   */
  private void signalRunStateChange() {
    for (int k = 0; k < shared.threadIds.length; k++) {
      words.getAndAdd(shared.layout.signalIndex(k), PoolLayout.RUN_STATE_CHANGED);
      shared.parking.wake(k);
    }
  }

  int cancelQueuedTasks() {
    return drainQueuedTasks(pool.outcomes::cancel);
  }

  /** Takes every queued task off the shared queue and the rings and ends it with {@code end}. */
  int drainQueuedTasks(IntConsumer end) {
    int drained = 0;
    while (true) {
      int task = shared.queue.pop();
      if (task == SharedQueue.BUSY || task == SharedQueue.EMPTY) {
        break; // a BUSY producer is in flight: the threads do not leave before it has exited
      }
      end.accept(task);
      drained++;
    }
    int[] batch = new int[shared.layout.ringCapacity];
    for (LocalRing ring : shared.rings) {
      int n;
      while ((n = ring.stealInto(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          end.accept(batch[i]);
        }
        drained += n;
      }
    }
    return drained;
  }

  boolean isShutdown() {
    return shared.runState.current() != RunState.RUNNING;
  }

  boolean isTerminated() {
    return isShutdown() && words.load(shared.layout.activeWorkersIndex()) == 0;
  }

  /**
   * For a thread that may not block: null once terminated, else the word counting the threads that
   * have not left (each leaving thread decrements and notifies it).
   */
  AsyncWait terminationWait() {
    int index = shared.layout.activeWorkersIndex();
    int active = words.load(index);
    return isTerminated() ? null : new AsyncWait(index, active);
  }

  boolean awaitTermination(long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    int index = shared.layout.activeWorkersIndex();
    while (true) {
      int active = words.load(index);
      if (active == 0 && isShutdown()) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      words.waitWhileEqual(index, active, left);
    }
  }
}
