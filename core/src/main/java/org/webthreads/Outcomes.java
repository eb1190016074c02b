package org.webthreads;

import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.SlotCompletion;
import org.webthreads.scheduler.TaskSlots;

/**
 * How a finished task's outcome reaches its future, and who gives its slot back. It depends on the
 * platform ({@link Platform#threadsShareOneHeap}):
 *
 * <ul>
 *   <li>One heap (the JVM): the pool keeps each slot's future ({@link #futureOfSlot}); the thread that
 *       ends the task completes the future object itself, wakes waiters on the slot word only if one
 *       announced itself, and frees the slot at once. No result goes through shared words and nobody
 *       harvests, so a dropped future holds nothing but itself.
 *   <li>Separate heaps (the browser): the outcome goes into the slot ({@link SlotIO#writeOutcome}),
 *       one getAndAdd on the state word publishes it, and the thread that holds the future harvests it
 *       ({@link TaskFuture}); see {@link SubmitterState} for futures nobody joins.
 * </ul>
 * See docs/scheduler.md, "Where a task's outcome goes".
 */
final class Outcomes {
  private final Pool pool;
  private final SharedWords words;
  /**
   * One heap only: the future of the task in each slot, written with a plain store before the push that
   * publishes the task (which orders it for the thread that takes the task), taken by the thread that
   * ends it. Null where every thread has its own heap.
   */
  private final TaskFuture<?>[] futureOfSlot;

  Outcomes(Pool pool) {
    this.pool = pool;
    this.words = pool.shared.words;
    this.futureOfSlot = pool.shared.platform.threadsShareOneHeap()
        ? new TaskFuture<?>[pool.shared.layout.slotCount + 1] : null;
  }

  /**
   * One heap: the future of the published task in {@code slot} (null for a detached task); the runner
   * reads it before the body to skip a cancelled task. A plain read of what the submitter stored before
   * the push that published the task.
   */
  TaskFuture<?> futureOf(int slot) {
    return futureOfSlot[slot];
  }

  /** Whether the thread that ends a task completes its future object itself (one heap). */
  boolean completeFuturesDirectly() {
    return futureOfSlot != null;
  }

  /**
   * A task with a future is about to be published in {@code slot}: on one heap the future goes into
   * {@link #futureOfSlot}; else the submitting thread tracks it until it is harvested.
   */
  void register(TaskFuture<?> future, int slot, SubmitterState state) {
    if (futureOfSlot != null) {
      futureOfSlot[slot] = future;
    } else {
      state.track(future);
    }
  }

  private int stateWord(int slot) {
    return pool.shared.slotWord(slot, TaskSlots.STATE);
  }

  /**
   * Ends a published task that has a future, whose outcome is ready: on one heap the future gets it
   * straight away, waiters on the slot are woken and the slot goes back to the calling thread at once;
   * with separate heaps the outcome was written into the slot ({@link SlotIO#writeOutcome}) and the
   * completion is published for the future's owner to harvest. The caller must not touch the slot
   * afterwards.
   */
  void complete(int slot, int outcome, Object value, TaskFailure failure) {
    if (futureOfSlot == null) {
      int before = SlotCompletion.complete(words, stateWord(slot), outcome);
      if ((before & TaskSlots.OWNER_WAKE) != 0) {
        // The future's owner sleeps until it can harvest this (a thread waits for a slot).
        pool.shared.parking.wakeAll();
      }
      return;
    }
    TaskFuture<?> future = futureOfSlot[slot];
    futureOfSlot[slot] = null;
    future.completeInline(outcome, value, failure);
    SlotCompletion.handOver(words, stateWord(slot));
    pool.currentSubmitter().magazine.free(slot);
  }

  /**
   * The task of {@code slot} ran on a thread that joined it, which put the outcome straight into the
   * future object ({@link TaskFuture#completeInline}, a volatile store, before this call): wake other
   * threads that wait on the slot word for the same future, then give the slot back to this thread's
   * cache. (On one heap the future was registered; it is done, so its entry goes.)
   */
  void completeJoined(int slot, SubmitterState state) {
    if (futureOfSlot != null) {
      futureOfSlot[slot] = null;
    }
    SlotCompletion.handOver(words, stateWord(slot));
    state.magazine.free(slot);
  }

  /**
   * Cancels a queued task that never started: its future (if any) reports CancellationException; a
   * group's task leaves its group (see GroupTasks.dropped).
   */
  void cancel(int slot) {
    SlotIO slots = pool.slots;
    int argsHeader = slots.argsHeader(slot);
    if ((argsHeader & TaskSlots.DETACHED) != 0) {
      GroupTasks.dropped(words, slots.kindId(slot), slots.argsOf(slot, argsHeader, "dropped group task"));
    }
    slots.freeArgs(slot, argsHeader);
    if ((argsHeader & TaskSlots.DETACHED) != 0) {
      pool.currentSubmitter().magazine.free(slot);
      return; // nobody holds a future: nothing to complete
    }
    if (futureOfSlot == null) {
      slots.clearResult(slot);
    }
    complete(slot, TaskSlots.CANCELLED, null, null);
  }

  /**
   * Separate heaps: before the calling pool thread sleeps while a thread waits for a slot, it asks to
   * be woken when this unfinished future of its own finishes ({@link SlotCompletion#markOwnerWake}).
   */
  boolean markOwnerWake(TaskFuture<?> future) {
    return !future.isReleased() && SlotCompletion.markOwnerWake(words, stateWord(future.slot()));
  }

  /** Whether a tracked future's task has finished, without harvesting it. */
  boolean hasFinished(TaskFuture<?> future) {
    return future.isReleased() || pool.slots.outcome(future.slot()) != TaskSlots.PENDING;
  }
}
