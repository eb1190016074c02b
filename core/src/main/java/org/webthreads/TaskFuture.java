package org.webthreads;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.webthreads.scheduler.TaskSlots;

/**
 * The pending result of a task submitted with {@link ThreadPool#submit}.
 *
 * <p>{@link #join()} returns the task's value, throws {@link TaskFailedException} when the task threw
 * (with the original exception's class name and message; where every thread shares one heap its cause
 * is the very exception thrown, elsewhere its stack arrives as text, {@link RemoteStackTrace}), or
 * {@link CancellationException} when the
 * task was cancelled ({@link #cancel()}) or the pool was shut down with {@link ThreadPool#shutdownNow()}
 * before the task ran. On a pool thread, join
 * runs other tasks while it waits, so fork/join nests to any depth without exhausting the pool. On a
 * thread that may not block (the browser's main thread) join of an unfinished task is an error: use
 * the platform's callback or Promise API there.
 */
public final class TaskFuture<R> {
  /** {@link #state}: no outcome yet. */
  static final int UNDECIDED = 0;
  /** {@link #state}: the outcome is in {@link #outcome} (DONE, FAILED, or CANCELLED by shutdownNow). */
  static final int COMPLETED = 1;
  /** {@link #state}: {@link #cancel()} came first; whatever the task does, joins report cancellation. */
  static final int CANCEL_REQUESTED = 2;
  static final int DECISION = 3;
  /** {@link #state} bit: the task is over with its slot (ended and gave it back, or never had one). */
  static final int RELEASED = 4;

  private final Pool pool;
  /**
   * The task's slot; 0 while the task is a private fork of {@link #owner} (see {@link PrivateForks}),
   * set once when the owner publishes it. Volatile: on the JVM another thread holding this future
   * reads it (pairs with {@link #publishedAs}).
   */
  private volatile int slot;
  private final TaskKind<R> kind;
  /** The pool thread that forked this task privately, or null. */
  private final WorkerLoop owner;
  /** A private fork's encoded arguments, until it runs or is published. */
  private ForkArgs forkArgs;
  /** Another thread waits for this private fork (see Joins). */
  private volatile boolean foreignWaiter;
  /**
   * The decision ({@link #UNDECIDED}, {@link #COMPLETED}, {@link #CANCEL_REQUESTED}) and the
   * {@link #RELEASED} bit. Completion and {@link #cancel()} each move it away from UNDECIDED with one
   * compare-and-set ({@link FutureStates}), so exactly one of them decides what every join reports.
   * The fields below are written before the completing CAS, which publishes them.
   */
  volatile int state;
  private int outcome;
  private Object value;
  private TaskFailure failure;
  /**
   * Callbacks to run once this future is done (see {@link CompletionListeners}, which owns this field).
   * Volatile: read after {@link #state} is decided by the deciding thread, written by other threads.
   */
  volatile Object completionListeners;

  TaskFuture(Pool pool, int slot, TaskKind<R> kind) {
    this.pool = pool;
    this.slot = slot;
    this.kind = kind;
    this.owner = null;
  }

  /** A private fork of {@code owner} (see {@link PrivateForks}). */
  TaskFuture(Pool pool, TaskKind<R> kind, WorkerLoop owner, ForkArgs forkArgs) {
    this.pool = pool;
    this.kind = kind;
    this.owner = owner;
    this.forkArgs = forkArgs;
  }

  /**
   * True once the task has completed, failed or been cancelled. Never blocks.
   *
   * @return whether the task has ended, one way or another
   */
  public boolean isDone() {
    if (isDecided()) {
      return true;
    }
    if (pool.completeFuturesDirectly) {
      // The thread that ends the task completes this object itself (see Outcomes):
      // nothing to harvest, and the slot may already run another task.
      return isDecided();
    }
    int slot = this.slot;
    // No lock while the task is pending (the common case in a join loop). If another thread harvested
    // meanwhile and the slot was reused (so it reads pending again), the state was decided before the
    // slot was freed, so the second read of it sees that. A private fork (slot 0) is done once its
    // owner completed it inline, which decides the state.
    if (slot == 0 || pool.slots.outcome(slot) == TaskSlots.PENDING) {
      return isDecided();
    }
    return harvest();
  }

  /**
   * Waits for the task (helping on pool threads) and returns its value.
   *
   * @return the task's value (null if it returned null)
   * @throws TaskFailedException when the task threw
   * @throws CancellationException when the task was cancelled
   */
  public R join() {
    if (!isDone()) {
      WorkerLoop forker = owner;
      if (forker != null && forker.thread == Thread.currentThread()) {
        // Our own private fork: the fork/join path, without a lookup.
        forker.help(this, false, WorkerLoop.NO_DEADLINE);
      } else {
        pool.joins.awaitDone(this);
      }
    }
    return report();
  }

  /**
   * Like {@link #join()}, but gives up after {@code timeout}: then it throws
   * {@link TaskTimeoutException} and the task goes on (call {@link #cancel()} to stop it). A pool thread
   * runs other tasks while it waits, as {@code join()} does, and looks at the time between them, so a
   * task it runs meanwhile can make it return late by that task's length.
   *
   * @param timeout how long to wait at most (more than zero)
   * @param unit the unit of {@code timeout}
   * @return the task's value
   * @throws IllegalArgumentException when {@code timeout} is zero or less (use {@link #isDone()} to look
   *     without waiting)
   * @throws TaskTimeoutException when the task has not ended in time
   */
  public R join(long timeout, TimeUnit unit) {
    if (timeout <= 0) {
      throw new IllegalArgumentException("join(" + timeout + ", " + unit + ") on task '" + kind.name()
          + "': the timeout must be positive; use isDone() to look without waiting");
    }
    if (!isDone()) {
      long deadline = System.nanoTime() + unit.toNanos(timeout);
      if (!pool.joins.awaitDoneUntil(this, deadline)) {
        throw new TaskTimeoutException(kind.name(), timeout, unit);
      }
    }
    return report();
  }

  /**
   * Like {@link #join()}, with the checked exceptions of {@code java.util.concurrent.Future#get()}: a
   * failure arrives as an {@link ExecutionException} whose cause is the {@link TaskFailedException}, and
   * an interrupt of the waiting thread ends the wait with {@link InterruptedException} (the task goes
   * on; {@code join()} instead waits on and keeps the interrupt status set).
   *
   * @return the task's value
   * @throws InterruptedException when the calling thread is interrupted before or while it waits for an
   *     unfinished task (its interrupt status is then cleared, as in {@code FutureTask.get})
   * @throws ExecutionException when the task threw: its cause is the {@link TaskFailedException}
   */
  public R get() throws InterruptedException, ExecutionException {
    if (!isDone()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for task '" + kind.name() + "'");
      }
      pool.joins.awaitDoneInterruptibly(this);
    }
    try {
      return report();
    } catch (TaskFailedException e) {
      throw new ExecutionException(e.getMessage(), e);
    }
  }

  /**
   * Cancels the task unless it has finished: a task that has not started never runs; a running one goes
   * on until it returns, and sees the request through {@link TaskInput#isCancelled()}. Either way every
   * join from now on throws {@link CancellationException}. Returns true if this call cancelled it, false
   * when the task had already finished (or was cancelled before): then nothing changes.
   *
   * @return whether this call cancelled the task
   */
  public boolean cancel() {
    // isDone() first: with separate heaps it harvests an outcome that is already in the slot, so a task
    // that finished is never reported cancelled.
    if (isDone() || !FutureStates.of(pool).compareAndSet(this, UNDECIDED, CANCEL_REQUESTED)) {
      return false;
    }
    pool.cancellation.cancelled(this);
    CompletionListeners.fire(this); // after the deciding CAS: see CompletionListeners
    return true;
  }

  /**
   * Whether the task has ended without a value: it threw, or was cancelled. Never blocks.
   *
   * @return true when done and not completed normally
   */
  public boolean isCompletedExceptionally() {
    return isDone() && !(decision() == COMPLETED && outcome == TaskSlots.DONE);
  }

  /**
   * Whether the task was cancelled: by {@link #cancel()}, or by shutdownNow() before it ran.
   *
   * @return true once cancelled
   */
  public boolean isCancelled() {
    return isDone() && (decision() == CANCEL_REQUESTED || outcome == TaskSlots.CANCELLED);
  }

  /**
   * The kind of the task this future belongs to.
   *
   * @return the task's kind
   */
  public TaskKind<R> kind() {
    return kind;
  }

  /** The pool this future's task was submitted to. */
  Pool pool() {
    return pool;
  }

  /** The task's slot, or 0 while it is a private fork. */
  int slot() {
    return slot;
  }

  /** The pool thread that forked this task privately, or null. */
  WorkerLoop owner() {
    return owner;
  }

  /** Owner only: the encoded arguments of this private fork. */
  ForkArgs forkArgs() {
    return forkArgs;
  }

  /** Owner only: hands over the arguments of this private fork, which now runs or was published. */
  ForkArgs takeForkArgs() {
    ForkArgs args = forkArgs;
    forkArgs = null;
    return args;
  }

  /**
   * Owner only: this private fork now lives in {@code slot}. A volatile store, then the caller reads
   * {@link #hasForeignWaiter} (Dekker with {@link #markForeignWaiter}).
   */
  void publishedAs(int slot) {
    this.slot = slot;
  }

  /** Another thread waits for this private fork: the owner signals its fork epoch when it is done. */
  void markForeignWaiter() {
    foreignWaiter = true;
  }

  boolean hasForeignWaiter() {
    return foreignWaiter;
  }

  private int decision() {
    return state & DECISION;
  }

  /** Whether the outcome joins report is fixed: completed, or cancelled by {@link #cancel()}. */
  boolean isDecided() {
    return (state & DECISION) != 0;
  }

  /** Whether {@link #cancel()} decided this future (read by a running task, see TaskInput.isCancelled). */
  boolean isCancelRequested() {
    return (state & DECISION) == CANCEL_REQUESTED;
  }

  /**
   * Whether the task is over with its slot: the slot was given back (or the task never had one), so the
   * id this future holds may already belong to another task. A future cancelled while its task runs is
   * decided but not released until the task ends.
   */
  boolean isReleased() {
    return (state & RELEASED) != 0;
  }

  /**
   * For the thread that tracks this future (separate heaps): harvests its outcome if the task has
   * ended, and returns whether the future holds its slot no more.
   */
  boolean settle() {
    if (!isReleased() && slot != 0 && !pool.completeFuturesDirectly) {
      harvest();
    }
    return isReleased();
  }

  /** Sets {@link #RELEASED} after a cancellation decided the state: the task has now ended too. */
  void markReleased() {
    FutureStates states = FutureStates.of(pool);
    int seen;
    // A CAS loop: the decision bits are final once set, so only this bit can change between the load
    // and the CAS (another thread ending the same task), and then it is set already.
    while (((seen = state) & RELEASED) == 0 && !states.compareAndSet(this, seen, seen | RELEASED)) {
      // look again
    }
  }

  /**
   * Copies the outcome out of the slot and frees it, once the task has finished, then runs the
   * completion listeners if that decided the future; returns whether the future is decided. The copy
   * holds this future's lock because on the JVM two threads may look at the same future; only one
   * copies and frees.
   */
  boolean harvest() {
    boolean decidedNow;
    synchronized (this) {
      decidedNow = copyOutcome();
    }
    if (decidedNow) {
      CompletionListeners.fire(this); // outside the lock: listeners run user code
    }
    return isDecided();
  }

  /**
   * Under this future's lock: copies a finished task's outcome and frees its slot; true if that decided
   * the future (false when there was nothing to copy, or cancel() had decided it).
   */
  private boolean copyOutcome() {
    int slot = this.slot;
    if (slot == 0) {
      return false;
    }
    int slotOutcome = pool.slots.outcome(slot);
    if (slotOutcome == TaskSlots.PENDING) {
      return false;
    }
    // Read after the slot's outcome: a task run on its joining thread (completeInline) decides and
    // releases the state before its slot's word changes or the slot is freed and reused, so a word
    // that is no longer pending but was not written for us shows up here as released.
    if (isReleased()) {
      return false;
    }
    if (!isCancelRequested()) {
      if (slotOutcome == TaskSlots.DONE) {
        value = pool.slots.readResult(slot, kind);
      } else if (slotOutcome == TaskSlots.FAILED) {
        failure = pool.slots.readFailure(slot, kind);
      }
      outcome = slotOutcome;
    }
    boolean decided = FutureStates.of(pool).compareAndSet(this, UNDECIDED, COMPLETED | RELEASED);
    if (!decided) {
      // cancel() decided first (here or on another thread): the task's outcome is dropped.
      value = null;
      failure = null;
      markReleased();
    }
    pool.slots.release(slot);
    return decided;
  }

  /**
   * The task's outcome reaches this object without going through the slot: the task ran on a thread
   * that holds this future (TaskRunner.runNow, runJoined and runPrivate), or the pool's threads share
   * one heap and the thread that ended it completes it (Outcomes). The CAS of the state comes last: it
   * publishes the fields, and it precedes any change of the slot's state word or reuse of the slot.
   * When {@link #cancel()} came first, the outcome is dropped and the state only marked released.
   */
  void completeInline(int outcome, Object value, TaskFailure failure) {
    this.outcome = outcome;
    this.value = value;
    this.failure = failure;
    if (!FutureStates.of(pool).compareAndSet(this, UNDECIDED, COMPLETED | RELEASED)) {
      this.value = null;
      this.failure = null;
      markReleased();
      return; // cancel() ran the listeners
    }
    CompletionListeners.fire(this); // after the deciding CAS it reads: see CompletionListeners
  }

  @SuppressWarnings("unchecked")
  private R report() {
    if (decision() == CANCEL_REQUESTED) {
      throw new CancellationException("task '" + kind.name() + "' was cancelled with cancel()");
    }
    switch (outcome) {
      case TaskSlots.DONE:
        return (R) value;
      case TaskSlots.FAILED:
        throw new TaskFailedException(kind.name(), failure);
      default:
        throw new CancellationException("task '" + kind.name()
            + "' was cancelled: the pool was shut down with shutdownNow() before it ran");
    }
  }
}
