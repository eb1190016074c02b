package org.webthreads;

import org.webthreads.scheduler.SlotFreeList;

/**
 * Taking a free task slot for a submit, and what a thread does when none is free: a pool thread runs
 * queued tasks until one frees; an outside thread that may block waits for its own oldest unfinished
 * task or for the free list's release event (after waking the pool threads, which give back what they
 * cache); a thread that may not block gets {@link SlotsExhaustedException} (nothing is queued) and can
 * wait asynchronously with {@link #slotWait}. See docs/scheduler.md, "Tasks and slots".
 */
final class SlotAllocator {
  private final Pool pool;
  private final PoolShared shared;

  SlotAllocator(Pool pool) {
    this.pool = pool;
    this.shared = pool.shared;
  }

  /** A free slot for the calling thread ({@code loop} is its loop, or null outside the pool). */
  int allocate(SubmitterState state, WorkerLoop loop, TaskKind<?> kind) {
    int slot = state.magazine.allocate();
    if (slot != 0) {
      return slot;
    }
    while (true) {
      int outstanding = state.reapAll();
      slot = state.magazine.allocate();
      if (slot != 0) {
        return slot;
      }
      if (loop != null) {
        // A pool thread makes room by running queued tasks (which completes and frees slots).
        if (loop.runOneTask()) {
          continue;
        }
      } else if (shared.words.canWait()) {
        TaskFuture<?> pending = outstanding > 0 ? state.oldestPending() : null;
        if (pending != null) {
          // Our own unjoined futures hold slots: wait for the oldest, then harvest it.
          pool.joins.waitForTaskEnd(pending);
        } else {
          return shared.freeList.awaitRelease(state.magazine, shared.parking::wakeAll);
        }
        continue;
      }
      throw new SlotsExhaustedException("cannot submit task '" + kind.name() + "': all "
          + shared.layout.slotCount + " task slots hold queued, running or finished-but-unjoined tasks. "
          + "Nothing was queued: submit again once a slot is free (in the browser WebFutures.whenSlotFree "
          + "calls back then; elsewhere PoolControl.slotWait), join futures you hold, use execute() "
          + "for tasks whose result you do not need, or raise PoolConfig.slotCount");
    }
  }

  /**
   * For a thread outside the pool that may not block, after a submit threw
   * {@link SlotsExhaustedException}: null when a slot can be had now (the next submit gets it), else
   * what to wait for. That is the completion word of this thread's oldest unfinished task (its future
   * is harvested, and its slot freed, by the next submit) or, when it holds no unfinished futures, the
   * free list's release event, which changes when other threads give slots back; pool threads that
   * cache free slots give them back before they sleep while such a waiter is announced. Call
   * {@link #endSlotWait} if you stop waiting without calling this again.
   */
  AsyncWait slotWait() {
    if (pool.currentLoop() != null) {
      throw new IllegalStateException("a pool thread never waits for a task slot: its submits run queued "
          + "tasks until one frees");
    }
    SubmitterState state = pool.outside.current();
    endSlotWait(state);
    int outstanding = state.reapAll(); // harvesting finished futures frees their slots
    if (hasFreeSlot(state)) {
      return null;
    }
    TaskFuture<?> pending = outstanding > 0 ? state.oldestPending() : null;
    if (pending != null) {
      return pool.joins.taskEndWait(pending);
    }
    SlotFreeList freeList = shared.freeList;
    // Announce first, then look: pairs with pushChunk, which loads the waiter count after its push.
    int event = freeList.announceWaiter();
    state.announcedSlotWaiter = true;
    shared.parking.wakeAll();
    if (hasFreeSlot(state)) {
      endSlotWait(state);
      return null;
    }
    return new AsyncWait(freeList.eventWordIndex(), event);
  }

  /** Ends a wait that {@link #slotWait} started for the calling thread, if any. */
  void endSlotWait() {
    endSlotWait(pool.outside.current());
  }

  private void endSlotWait(SubmitterState state) {
    if (state.announcedSlotWaiter) {
      state.announcedSlotWaiter = false;
      shared.freeList.retractWaiter();
    }
  }

  /** Whether the thread's cache or the free list has a slot; it stays in the thread's cache. */
  private static boolean hasFreeSlot(SubmitterState state) {
    int slot = state.magazine.allocate();
    if (slot == 0) {
      return false;
    }
    state.magazine.free(slot);
    return true;
  }
}
