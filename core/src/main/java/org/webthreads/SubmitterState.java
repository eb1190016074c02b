package org.webthreads;

import java.util.ArrayDeque;
import org.webthreads.scheduler.SlotMagazine;

/**
 * What one thread keeps for one pool: its cache of free slots and the futures it created that are not
 * yet harvested. Harvesting a finished future copies its result into the Java object and frees the
 * slot, so futures that are dropped without a join do not hold slots for ever: each submit harvests the
 * oldest and newest ones that finished. Used by one thread only.
 */
final class SubmitterState {
  final SlotMagazine magazine;
  final int[] scratch;
  private final ArrayDeque<TaskFuture<?>> outstanding = new ArrayDeque<>();

  SubmitterState(SlotMagazine magazine, int ringCapacity) {
    this.magazine = magazine;
    this.scratch = new int[ringCapacity / 2 + 1];
  }

  void track(TaskFuture<?> future) {
    // Fork/join harvests the newest future first: drop those from the back.
    while (!outstanding.isEmpty() && outstanding.peekLast().isHarvested()) {
      outstanding.pollLast();
    }
    // Dropped futures: harvest the oldest once it is done (one check per submit).
    TaskFuture<?> oldest = outstanding.peekFirst();
    if (oldest != null && oldest.isDone()) {
      outstanding.pollFirst();
    }
    outstanding.addLast(future);
  }

  /** Harvests every finished future; returns how many remain outstanding. */
  int reapAll() {
    int remaining = outstanding.size();
    for (int i = 0; i < remaining; i++) {
      TaskFuture<?> future = outstanding.pollFirst();
      if (!future.isDone()) {
        outstanding.addLast(future);
      }
    }
    return outstanding.size();
  }

  /** The oldest future not yet done, or null. */
  TaskFuture<?> oldestPending() {
    for (TaskFuture<?> future : outstanding) {
      if (!future.isDone()) {
        return future;
      }
    }
    return null;
  }
}
