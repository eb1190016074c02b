package org.webthreads.scheduler;

import java.util.function.BooleanSupplier;
import org.webthreads.memory.SharedWords;

/**
 * Completing a task slot and waiting for it: the protocol on a slot's STATE word ({@link TaskSlots}),
 * kept apart so that Lincheck can check it on its own (CompletionTest in the jvm module).
 *
 * <p>A task completes in one of two ways. Usually its runner calls {@link #complete}: one getAndAdd
 * from PENDING to the outcome. When a thread that joins the task runs it itself (the fork/join fast
 * path), the outcome goes straight into that thread's future object, which becomes "completed inline",
 * and the slot is freed at once; then {@link #handOver} wakes other threads that wait on the word (only
 * possible on the JVM, where a future can be shared). A waiter, {@link #await}, announces itself with
 * the WAITER bit and sleeps on the word. Either completer sees the bit, changes the word and notifies,
 * or the waiter sees the completion (the changed word in its futex compare, or the completed-inline
 * flag it reads after announcing itself) and does not sleep.
 *
 * <p>The word carries a generation, advanced by {@link #reset} at each allocation of the slot. A thread
 * that joined a future completed inline may set WAITER on the slot's <em>next</em> task (it read a
 * stale slot id); without the generation, that could make the word equal again to what a real waiter
 * of the old task compares against, and the real waiter would sleep through the old task's
 * notification for as long as the new task runs, for ever if it is never completed through the word.
 * With it, the stale value never matches (unless 65,536 allocations of the slot pass in between).
 */
public final class SlotCompletion {
  private SlotCompletion() {
  }

  /**
   * Makes the slot ready for its next task: PENDING, no waiter, the next generation. A release store:
   * the task's publication (ring CAS or queue publish) makes it visible.
   */
  public static void reset(SharedWords words, int stateIndex) {
    int state = words.load(stateIndex);
    words.storeRelease(stateIndex, (state & ~(TaskSlots.GENERATION_ONE - 1)) + TaskSlots.GENERATION_ONE);
  }

  /**
   * Marks the task finished with {@code outcome} and wakes the waiters, if any announced themselves.
   * Returns the word before: if it has {@link TaskSlots#OWNER_WAKE}, the caller must wake the pool's
   * sleeping threads (see {@link #markOwnerWake}).
   */
  public static int complete(SharedWords words, int stateIndex, int outcome) {
    // One atomic step from PENDING to the outcome that keeps the WAITER and OWNER_WAKE bits: pairs with
    // the waiter's CAS that sets WAITER before it waits, so either we see the bit and notify, or the
    // waiter's futex compare sees the outcome and does not sleep (and the same for OWNER_WAKE).
    int before = words.getAndAdd(stateIndex, outcome);
    if ((before & TaskSlots.WAITER) != 0) {
      words.notify(stateIndex, Integer.MAX_VALUE);
    }
    return before;
  }

  /**
   * Separate heaps only: the pool thread that holds the future of this pending task is about to sleep
   * while another thread waits for a free slot, and only it can harvest the task (and so free its slot).
   * Sets {@link TaskSlots#OWNER_WAKE}, so that {@link #complete} tells its caller to wake the sleepers.
   * Returns false when the task is no longer pending (harvest it instead of sleeping).
   *
   * <p>The owner's side of a Dekker pair: it sets the bit, then marks itself SLEEPING (Parking) and
   * re-checks the task before it sleeps; the completer's getAndAdd either comes before that re-check
   * (which then sees the outcome) or after the SLEEPING store (then the wake it makes finds it).
   */
  public static boolean markOwnerWake(SharedWords words, int stateIndex) {
    while (true) {
      int state = words.load(stateIndex);
      if ((state & TaskSlots.OUTCOME_MASK) != TaskSlots.PENDING) {
        return false;
      }
      // A failed CAS: a waiter set WAITER, or the task completed; look again.
      if ((state & TaskSlots.OWNER_WAKE) != 0
          || words.compareAndSet(stateIndex, state, state | TaskSlots.OWNER_WAKE)) {
        return true;
      }
    }
  }

  /**
   * The task completed inline: the caller has already made {@code completedInline} true for every
   * waiter (a volatile or otherwise sequentially consistent store) and will free the slot after this.
   */
  public static void handOver(SharedWords words, int stateIndex) {
    // A load, not an RMW, on the common path (nobody waits): pairs with the waiter's WAITER CAS and
    // its later read of the completed-inline flag (Dekker: we stored the flag, then load the word).
    if ((words.load(stateIndex) & TaskSlots.WAITER) != 0) {
      // Change the word (a waiter's futex compare then fails) and notify (a sleeping one wakes). The
      // outcome written here is never read as the result: waiters find the future completed inline.
      complete(words, stateIndex, TaskSlots.DONE);
    }
  }

  /**
   * Wakes the threads that wait on the word while the task is still pending: for
   * {@code TaskFuture.cancel()}, which decided the future (its state CAS, before this call) while the
   * task may still run. The word keeps its outcome, WAITER and generation for the task's real
   * completion; only the {@link TaskSlots#CANCEL_WAKE} bit flips, so that a waiter between its check
   * and its futex wait finds the word changed (a notify alone would be lost then: Lincheck's
   * CancelWakeTest shows it). Pairs with the waiter's WAITER CAS and its later read of
   * {@code completedInline}, which for such a waiter includes the cancel decision (Dekker: the canceller
   * changed the future, then loads the word; the waiter set the bit, then reads the future). With no
   * WAITER, or once the task completed (whose completion notifies), there is nobody to wake. A stale
   * call on a slot that was reused flips the bit of another task's word: its waiters wake and look
   * again, and every reader masks the bit out.
   */
  public static void wakeWaiters(SharedWords words, int stateIndex) {
    while (true) {
      int state = words.load(stateIndex);
      if ((state & TaskSlots.OUTCOME_MASK) != TaskSlots.PENDING || (state & TaskSlots.WAITER) == 0) {
        return;
      }
      // A failed CAS: the task completed or another bit changed; look again.
      if (words.compareAndSet(stateIndex, state, state ^ TaskSlots.CANCEL_WAKE)) {
        words.notify(stateIndex, Integer.MAX_VALUE);
        return;
      }
    }
  }

  /**
   * Blocks until the task of this word is no longer pending, or returns at once if it is not; also
   * returns early whenever something changed, so callers loop on their own completion check.
   *
   * @param completedInline whether the future this caller waits for was completed inline
   */
  public static void await(SharedWords words, int stateIndex, BooleanSupplier completedInline) {
    await(words, stateIndex, completedInline, false);
  }

  /** As {@link #await(SharedWords, int, BooleanSupplier)}; also returns when interrupted, if asked. */
  public static void await(SharedWords words, int stateIndex, BooleanSupplier completedInline,
      boolean interruptible) {
    await(words, stateIndex, completedInline, interruptible, -1);
  }

  /**
   * As {@link #await(SharedWords, int, BooleanSupplier, boolean)}; also returns after
   * {@code timeoutNanos} when that is not negative (for a wait that is not interruptible).
   */
  public static void await(SharedWords words, int stateIndex, BooleanSupplier completedInline,
      boolean interruptible, long timeoutNanos) {
    int state = words.load(stateIndex);
    if ((state & TaskSlots.OUTCOME_MASK) != TaskSlots.PENDING) {
      return;
    }
    // Announce a waiter so that complete() and handOver() notify.
    if ((state & TaskSlots.WAITER) == 0
        && !words.compareAndSet(stateIndex, state, state | TaskSlots.WAITER)) {
      return; // the state changed: let the caller look again
    }
    // Read after the WAITER CAS: the other side of handOver's Dekker pair. Without it we could sleep
    // on a slot that was completed inline and freed before handOver looked, and never wake.
    if (completedInline.getAsBoolean()) {
      return;
    }
    if (interruptible) {
      words.waitWhileEqualInterruptibly(stateIndex, state | TaskSlots.WAITER);
    } else {
      words.waitWhileEqual(stateIndex, state | TaskSlots.WAITER, timeoutNanos);
    }
  }
}
