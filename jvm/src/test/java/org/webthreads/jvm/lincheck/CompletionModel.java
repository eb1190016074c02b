package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.SlotCompletion;
import org.webthreads.scheduler.TaskSlots;

/**
 * The Lincheck target for completing a task slot ({@link SlotCompletion}) over one
 * {@link JvmSharedWords} word, with a volatile flag standing in for the future object's
 * {@code harvested} field.
 *
 * <p>{@link #join} waits as {@code ThreadPool.awaitDone} does, looping on its own completion check.
 * {@link #complete} is the usual runner's completion; {@link #completeInline} is a joiner that ran the
 * task itself: it sets the flag, hands over, and frees the slot, which the next allocation resets to
 * PENDING in the next generation (without a notify, as {@code SlotMagazine.allocate} does). Every execution must terminate; a
 * lost wake-up leaves a joiner in the futex wait for ever, which Lincheck reports as a hang.
 * {@link CompletionTest} runs it; {@link BrokenCompletion} breaks one step each.
 */
public abstract class CompletionModel {
  static final int STATE = 0;

  protected final JvmSharedWords words = new JvmSharedWords(1);
  protected volatile boolean completedInline;

  /** A thread joining the task; returns 1 once it saw the completion. */
  @Operation
  public int join() {
    while (!completedInline && (words.load(STATE) & TaskSlots.OUTCOME_MASK) == TaskSlots.PENDING) {
      await();
    }
    return 1;
  }

  protected void await() {
    SlotCompletion.await(words, STATE, () -> completedInline);
  }

  /** The task's runner completes the slot. */
  @Operation
  public void complete() {
    SlotCompletion.complete(words, STATE, TaskSlots.DONE);
  }

  /** A joiner ran the task itself: outcome into the future, hand over, free and reuse the slot. */
  @Operation
  public void completeInline() {
    completedInline = true;
    handOver();
    reuse();
  }

  /** The slot's next allocation (SlotMagazine.allocate). */
  protected void reuse() {
    SlotCompletion.reset(words, STATE);
  }

  protected void handOver() {
    SlotCompletion.handOver(words, STATE);
  }

  /** Sequential specification: a join returns 1. */
  public static final class Spec {
    public int join() {
      return 1;
    }

    public void complete() {
    }

    public void completeInline() {
    }
  }
}
