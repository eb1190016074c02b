package org.webthreads.jvm.lincheck;

import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.Operation;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.SlotCompletion;
import org.webthreads.scheduler.TaskSlots;

/**
 * The Lincheck target for waking the joiners of a cancelled task ({@code TaskFuture.cancel()} and
 * {@code Cancellation}) over one {@link JvmSharedWords} slot state word, with an AtomicInteger standing
 * in for the future's state (0 undecided, 1 completed, 2 cancelled; one CAS decides, as FutureStates
 * does).
 *
 * <p>{@link #join} loops as {@code Joins.awaitDone} does, waiting on the slot word with the future's
 * decision as its "completed inline" check. {@link #cancel} decides the future and wakes the word's
 * waiters without changing the word ({@link SlotCompletion#wakeWaiters}): the task may still run. {@link
 * #complete} is the JVM's completion by the thread that ends the task: it tries to decide the future
 * (it loses after a cancel) and hands over ({@link SlotCompletion#handOver}). Every execution must
 * terminate; a lost wake-up leaves a joiner in the futex wait for ever, which Lincheck reports as a
 * hang. {@link CancelWakeTest} runs it, and broken variants.
 */
public class CancelWakeModel {
  static final int STATE = 0;

  protected final JvmSharedWords words = new JvmSharedWords(1);
  protected final AtomicInteger decision = new AtomicInteger();

  /** A thread joining the task; returns 1 once the future is decided (completed or cancelled). */
  @Operation
  public int join() {
    while (decision.get() == 0) {
      SlotCompletion.await(words, STATE, () -> decision.get() != 0);
    }
    return 1;
  }

  /** cancel(): the state CAS, then the wake that leaves the word as it is. */
  @Operation
  public void cancel() {
    if (decision.compareAndSet(0, 2)) {
      wake();
    }
  }

  protected void wake() {
    SlotCompletion.wakeWaiters(words, STATE);
  }

  /** The thread that ends the task: completes the future (unless cancelled first), then hands over. */
  @Operation
  public void complete() {
    decision.compareAndSet(0, 1);
    SlotCompletion.handOver(words, STATE);
  }

  /** Sequential specification: a join returns 1. */
  public static final class Spec {
    public int join() {
      return 1;
    }

    public void cancel() {
    }

    public void complete() {
    }
  }

  /** Broken: cancel() decides the future but wakes nobody (a joiner that slept before stays asleep). */
  public static final class CancelWithoutWake extends CancelWakeModel {
    @Override
    protected void wake() {
    }
  }

  /**
   * Broken: a notify without changing the word, the first version of this wake: a joiner that has
   * checked the decision but not yet entered its futex wait sleeps through it.
   */
  public static final class NotifyWithoutChange extends CancelWakeModel {
    @Override
    protected void wake() {
      if ((words.load(STATE) & TaskSlots.WAITER) != 0) {
        words.notify(STATE, Integer.MAX_VALUE);
      }
    }
  }

  /** Broken: the wake looks at the word before the decision (no Dekker order). */
  public static final class WakeBeforeDecision extends CancelWakeModel {
    @Override
    public void cancel() {
      SlotCompletion.wakeWaiters(words, STATE);
      decision.compareAndSet(0, 2);
    }
  }
}
