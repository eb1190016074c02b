package org.webthreads;

import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.TaskSlots;

/**
 * Repairs a pool after one of its threads stopped for good while serving it (a browser worker
 * terminated, or failed outside the pool loop; on the JVM, a thread whose loop threw). Called once the
 * thread can run no more code. See docs/scheduler.md, "Threads that stop for good":
 * <ol>
 *   <li>its membership word goes from MEMBER to LOST (against the thread's own LEFT, so that one of
 *       them takes it off the active count);
 *   <li>the tasks with a future whose bodies were on its stack (its frame records) fail with
 *       {@link TaskAbandonedException}, naming the thread; detached tasks there are only gone;
 *   <li>it is retired from parking (one sleeper woken: its ring is stolen from) and every word a
 *       thread may wait on whose value says the wait is over is notified;
 *   <li>it leaves the active count; if it was the last, the pool stops and its queued tasks fail.
 * </ol>
 */
final class LostWorkerRepair {
  private final Pool pool;
  private final PoolShared shared;
  private final SharedWords words;

  LostWorkerRepair(Pool pool) {
    this.pool = pool;
    this.shared = pool.shared;
    this.words = shared.words;
  }

  /**
   * Returns how many tasks it ended (failed, or dropped when detached), or -1 when the thread had
   * already left the pool or was repaired before.
   */
  int workerLost(int threadId, boolean terminated) {
    int index = shared.requireIndex(threadId);
    PoolLayout layout = shared.layout;
    // Against the thread's own CAS in WorkerLoop.leavePool (it may have left before it stopped) and a
    // second repair: whoever moves the word out of MEMBER takes the thread off the active count.
    if (!words.compareAndSet(layout.membershipIndex(index), PoolLayout.MEMBER, PoolLayout.LOST)) {
      return -1;
    }
    int how = terminated ? SlotIO.LOST_TERMINATED : 0;
    int failed = 0;
    int records = layout.frameRecordsIndex(index);
    for (int k = 0; k < PoolLayout.FRAME_RECORDS; k++) {
      // The thread cleared a record before completing its task (StackRecords.clear), so every record
      // still here is a task it never completed, and nobody else completes a running task.
      int slot = words.load(records + k);
      if (slot == 0) {
        break;
      }
      failAsLost(slot, threadId, how);
      failed++;
    }
    shared.parking.retire(index);
    wakeStrandedWaiters();
    int activeIndex = layout.activeWorkersIndex();
    // As in WorkerLoop.leavePool, for awaitTermination and asynchronous waits on the count.
    int before = words.getAndAdd(activeIndex, -1);
    words.notify(activeIndex, Integer.MAX_VALUE);
    if (before == 1) {
      // Nobody is left to run what is queued: stop the pool and fail it all.
      words.store(layout.stoppedByLossIndex(), 1); // for the refusal's message; before the STOP it explains
      pool.lifecycle.stop();
      failed += pool.lifecycle.drainQueuedTasks(slot -> {
        if ((pool.slots.argsHeader(slot) & TaskSlots.DETACHED) == 0) {
          failAsLost(slot, threadId, how | SlotIO.LOST_QUEUED);
        }
      });
    }
    return failed;
  }

  /**
   * Fails a task of a lost thread. Its arguments and any result it wrote stay allocated: the thread may
   * have freed them already, and freeing takes the arena's lock, which it may have died holding.
   */
  private void failAsLost(int slot, int threadId, int how) {
    if (pool.outcomes.completeFuturesDirectly()) {
      pool.outcomes.complete(slot, TaskSlots.FAILED, null, new TaskFailure(
          TaskAbandonedException.class.getName(), TaskAbandonedException.threadLostMessage(threadId,
              (how & SlotIO.LOST_TERMINATED) != 0, (how & SlotIO.LOST_QUEUED) != 0), 0));
      return;
    }
    pool.slots.writeLost(slot, threadId, how);
    pool.outcomes.complete(slot, TaskSlots.FAILED, null, null);
  }

  /**
   * A lost thread may have changed a word and stopped before its notify: a thread waiting on that word
   * would sleep for ever. Notify every word a pool thread or outside thread may wait on whose value says
   * the wait is over (a waiter that was not waiting for it just looks again): park words, fork epochs,
   * the free-list event, and the state words of finished slots that a waiter
   * announced itself on.
   */
  private void wakeStrandedWaiters() {
    PoolLayout layout = shared.layout;
    for (int k = 0; k < shared.threadIds.length; k++) {
      words.notify(layout.parkIndex(k), Integer.MAX_VALUE);
      words.notify(layout.forkEpochIndex(k), Integer.MAX_VALUE);
    }
    words.notify(shared.freeList.eventWordIndex(), Integer.MAX_VALUE);
    for (int slot = 1; slot <= layout.slotCount; slot++) {
      int stateIndex = shared.slotWord(slot, TaskSlots.STATE);
      int state = words.load(stateIndex);
      if ((state & TaskSlots.WAITER) != 0 && (state & TaskSlots.OUTCOME_MASK) != TaskSlots.PENDING) {
        words.notify(stateIndex, Integer.MAX_VALUE);
      }
    }
  }
}
