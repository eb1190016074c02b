package org.webthreads;

import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.SlotCompletion;
import org.webthreads.scheduler.TaskSlots;

/**
 * Waiting for a future. A pool thread helps (runs other tasks, see {@link WorkerLoop#helpUntilDone});
 * another thread that may block waits on the task's slot word (the WAITER protocol of
 * {@link SlotCompletion}) or, for another thread's private fork, on its owner's fork epoch; a thread
 * that may not block gets an {@link AsyncWait}.
 *
 * <p>The fork epoch (JVM only, where a future can be handed to another thread): a waiter loads the
 * owner's epoch, marks the future ({@code foreignWaiter}, volatile), re-reads the future's slot and
 * decided state (both volatile), and sleeps while the epoch is unchanged; the owner, after storing
 * the slot (publication) or deciding the state (completion), reads the mark and, if set, advances the
 * epoch and notifies. A Dekker pair: either the owner sees the mark, or the waiter sees the slot or
 * the result (docs/scheduler.md, "Private forks").
 */
final class Joins {
  private final Pool pool;
  private final SharedWords words;

  Joins(Pool pool) {
    this.pool = pool;
    this.words = pool.shared.words;
  }

  /** Waits until {@code future} is done (helping on a pool thread). */
  void awaitDone(TaskFuture<?> future) {
    WorkerLoop loop = pool.currentLoop();
    if (loop != null) {
      loop.help(future, false, WorkerLoop.NO_DEADLINE);
      return;
    }
    if (!words.canWait()) {
      throw new IllegalStateException("join() on task '" + future.kind().name() + "' would block this "
          + "thread, which must never block (the browser's main thread): use the completion callback "
          + "or Promise instead");
    }
    while (!future.isDone()) {
      waitForCompletion(future, false);
    }
  }

  /**
   * As {@link #awaitDone}, until {@code deadline} ({@code System.nanoTime()}); returns whether the
   * future is done. A pool thread looks at the time between the tasks it runs meanwhile.
   */
  boolean awaitDoneUntil(TaskFuture<?> future, long deadline) {
    WorkerLoop loop = pool.currentLoop();
    if (loop != null) {
      return loop.help(future, false, deadline);
    }
    if (!words.canWait()) {
      throw new IllegalStateException("join(timeout) on task '" + future.kind().name() + "' would block "
          + "this thread, which must never block (the browser's main thread): use the completion "
          + "callback or Promise with a timeout instead (WebFutures)");
    }
    while (!future.isDone()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      waitForCompletion(future, false, left);
    }
    return true;
  }

  /**
   * As {@link #awaitDone}, for {@link TaskFuture#get()}: an interrupt of the waiting thread ends the
   * wait with InterruptedException (clearing the interrupt status); a pool thread checks between the
   * tasks it runs while it waits.
   */
  void awaitDoneInterruptibly(TaskFuture<?> future) throws InterruptedException {
    WorkerLoop loop = pool.currentLoop();
    if (loop != null) {
      loop.helpUntilDoneInterruptibly(future);
      return;
    }
    if (!words.canWait()) {
      throw new IllegalStateException("get() on task '" + future.kind().name() + "' would block this "
          + "thread, which must never block (the browser's main thread): use the completion callback "
          + "or Promise instead");
    }
    while (!future.isDone()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for task '" + future.kind().name() + "'");
      }
      waitForCompletion(future, true);
    }
  }

  /**
   * Blocks until the future's task is no longer pending (or returns at once if it is not); the caller
   * looks again. Returns early whenever something changed, and on an interrupt if {@code interruptible}.
   */
  void waitForCompletion(TaskFuture<?> future, boolean interruptible) {
    waitForCompletion(future, interruptible, -1);
  }

  /** As {@link #waitForCompletion(TaskFuture, boolean)}, for at most {@code timeoutNanos} if not negative. */
  void waitForCompletion(TaskFuture<?> future, boolean interruptible, long timeoutNanos) {
    int slot = future.slot();
    if (slot == 0) {
      waitForPrivateFork(future, interruptible, timeoutNanos);
      return;
    }
    SlotCompletion.await(words, stateWord(slot), future::isDecided, interruptible, timeoutNanos);
  }

  /**
   * Separate heaps, for a thread waiting for a slot: blocks until the task of {@code future} (published,
   * tracked by this thread) has ended, so that harvesting it frees its slot, or returns early when
   * something changed. Unlike a join it does not return for a future that was cancelled while its
   * task runs: the slot is not free until the task ends.
   */
  void waitForTaskEnd(TaskFuture<?> future) {
    SlotCompletion.await(words, stateWord(future.slot()), future::isReleased, false);
  }

  /** As {@link #waitForTaskEnd}, for a thread that may not block: null once the task has ended. */
  AsyncWait taskEndWait(TaskFuture<?> future) {
    if (future.settle()) {
      return null;
    }
    int slot = future.slot();
    int waiting = announceWaiter(slot);
    return waiting == -1 || future.settle() ? null : new AsyncWait(stateWord(slot), waiting);
  }

  private int stateWord(int slot) {
    return pool.shared.slotWord(slot, TaskSlots.STATE);
  }

  /**
   * Blocks until another thread's private fork is published or done, or returns at once if it is
   * already; also returns early whenever the owner's fork epoch changed (the caller looks again).
   */
  private void waitForPrivateFork(TaskFuture<?> future, boolean interruptible, long timeoutNanos) {
    int epoch = announceForeignWaiter(future);
    if (epoch == -1) {
      return;
    }
    int index = forkEpochWord(future.owner());
    if (interruptible) {
      words.waitWhileEqualInterruptibly(index, epoch);
    } else {
      words.waitWhileEqual(index, epoch, timeoutNanos);
    }
  }

  /**
   * For a thread that waits for another thread's private fork: marks the future as waited for and
   * returns the owner's fork epoch to wait on (while it still holds that value), or -1 when the fork
   * was published or finished meanwhile.
   */
  private int announceForeignWaiter(TaskFuture<?> future) {
    // Read before the mark: if the owner advances the epoch after seeing the mark, the word no longer
    // holds this value and the wait returns at once.
    int epoch = words.load(forkEpochWord(future.owner()));
    // Dekker with the owner: we store the mark (volatile), then read slot and state; the owner
    // stores one of those (volatile), then reads the mark. One of us sees the other.
    future.markForeignWaiter();
    return future.slot() != 0 || future.isDecided() ? -1 : epoch;
  }

  /** The fork-epoch word of the pool thread {@code owner}. */
  private int forkEpochWord(WorkerLoop owner) {
    return pool.shared.layout.forkEpochIndex(owner.index());
  }

  /**
   * Owner side: a private fork that another thread waits for was published or finished (the caller
   * stored that first, then saw the waiter's mark). Changes the epoch the waiter compares against and
   * wakes it.
   */
  void signalForkEpoch(WorkerLoop owner) {
    int index = forkEpochWord(owner);
    words.getAndAdd(index, 1);
    words.notify(index, Integer.MAX_VALUE);
  }

  /**
   * For a thread that may not block: null once {@code future} is done (its join returns at once), else
   * the word to wait on. Announces the waiter first (the WAITER bit on the slot, or the mark for another
   * thread's private fork), so that completing the task notifies that word.
   */
  AsyncWait completionWait(TaskFuture<?> future) {
    if (future.isDone()) {
      return null;
    }
    int slot = future.slot();
    if (slot == 0) {
      if (future.owner() == null) {
        return null; // ran inside its fork (at the nesting bound): done already
      }
      int epoch = announceForeignWaiter(future);
      return epoch == -1 || future.isDone() ? null : new AsyncWait(forkEpochWord(future.owner()), epoch);
    }
    int waiting = announceWaiter(slot);
    return waiting == -1 || future.isDone() ? null : new AsyncWait(stateWord(slot), waiting);
  }

  /**
   * Sets the WAITER bit on a pending slot (as {@link SlotCompletion#await} does before it blocks) and
   * returns the state word's value with it, or -1 once the task is no longer pending.
   */
  private int announceWaiter(int slot) {
    int stateIndex = stateWord(slot);
    while (true) {
      int state = words.load(stateIndex);
      if ((state & TaskSlots.OUTCOME_MASK) != TaskSlots.PENDING) {
        return -1;
      }
      // The same announcement as in SlotCompletion.await: pairs with complete()'s getAndAdd (and
      // handOver's load), which notify when they see the bit; a failed CAS means the state changed.
      if ((state & TaskSlots.WAITER) != 0
          || words.compareAndSet(stateIndex, state, state | TaskSlots.WAITER)) {
        return state | TaskSlots.WAITER;
      }
    }
  }
}
