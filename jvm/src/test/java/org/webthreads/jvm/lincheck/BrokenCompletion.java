package org.webthreads.jvm.lincheck;

import org.webthreads.scheduler.TaskSlots;

/**
 * Deliberately broken variants of the slot completion protocol, used by {@link CompletionTest} to show
 * that its check can fail. Not tests themselves.
 */
public final class BrokenCompletion {
  private BrokenCompletion() {
  }

  /** The inline completer notifies a waiter without changing the word first. */
  public static final class HandOverWithoutChange extends CompletionModel {
    @Override
    protected void handOver() {
      if ((words.load(STATE) & TaskSlots.WAITER) != 0) {
        words.notify(STATE, Integer.MAX_VALUE);
      }
    }
  }

  /** The slot's next allocation keeps the generation (resets the word to plain PENDING). */
  public static final class ReuseWithoutGeneration extends CompletionModel {
    @Override
    protected void reuse() {
      words.storeRelease(STATE, TaskSlots.PENDING);
    }
  }

  /** The waiter does not read the completed-inline flag after announcing itself. */
  public static final class AwaitWithoutRecheck extends CompletionModel {
    @Override
    protected void await() {
      int state = words.load(STATE);
      if ((state & TaskSlots.OUTCOME_MASK) != TaskSlots.PENDING) {
        return;
      }
      if ((state & TaskSlots.WAITER) == 0
          && !words.compareAndSet(STATE, state, state | TaskSlots.WAITER)) {
        return;
      }
      words.waitWhileEqual(STATE, state | TaskSlots.WAITER, -1);
    }
  }
}
