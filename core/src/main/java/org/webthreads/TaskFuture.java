package org.webthreads;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * The pending result of a task submitted with {@link ThreadPool#submit}.
 *
 * <p>{@link #join()} returns the task's value, throws {@link TaskFailedException} when the task threw
 * (with the original exception's class name and message), or {@link CancellationException} when the
 * pool was shut down with {@link ThreadPool#shutdownNow()} before the task ran. On a pool thread, join
 * runs other tasks while it waits, so fork/join nests to any depth without exhausting the pool. On a
 * thread that may not block (the browser's main thread) join of an unfinished task is an error: use
 * the platform's callback or Promise API there.
 */
public final class TaskFuture<R> {
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
  private volatile boolean harvested;
  private int outcome;
  private Object value;
  private TaskFailure failure;
  /**
   * Callbacks to run once this future is done (see {@link CompletionListeners}, which owns this field).
   * Volatile: read after {@link #harvested} by the completing thread, written by other threads.
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

  /** True once the task has completed, failed or been cancelled. Never blocks. */
  public boolean isDone() {
    if (harvested) {
      return true;
    }
    if (pool.completeFuturesDirectly) {
      // The thread that ends the task completes this object itself (see Outcomes):
      // nothing to harvest, and the slot may already run another task.
      return harvested;
    }
    int slot = this.slot;
    // No lock while the task is pending (the common case in a join loop). If another thread harvested
    // meanwhile and the slot was reused (so it reads pending again), harvested was set before the slot
    // was freed, so the second read of it sees true. A private fork (slot 0) is done once its owner
    // completed it inline, which sets harvested.
    if (slot == 0 || pool.slots.outcome(slot) == org.webthreads.scheduler.TaskSlots.PENDING) {
      return harvested;
    }
    return harvest();
  }

  /** Waits for the task (helping on pool threads) and returns its value. */
  public R join() {
    if (!isDone()) {
      WorkerLoop forker = owner;
      if (forker != null && forker.thread == Thread.currentThread()) {
        forker.help(this, false); // our own private fork: the fork/join path, without a lookup
      } else {
        pool.joins.awaitDone(this);
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
   * @throws InterruptedException when the calling thread is interrupted before or while it waits for an
   *     unfinished task (its interrupt status is then cleared, as in {@code FutureTask.get})
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

  public boolean isCompletedExceptionally() {
    return isDone() && outcome != org.webthreads.scheduler.TaskSlots.DONE;
  }

  public boolean isCancelled() {
    return isDone() && outcome == org.webthreads.scheduler.TaskSlots.CANCELLED;
  }

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

  boolean isHarvested() {
    return harvested;
  }

  /**
   * Copies the outcome out of the slot and frees it, once the task has finished, then runs the
   * completion listeners. The copy holds this future's lock because on the JVM two threads may look at
   * the same future; only one copies and frees.
   */
  boolean harvest() {
    boolean harvestedNow;
    synchronized (this) {
      harvestedNow = copyOutcome();
    }
    if (harvestedNow) {
      CompletionListeners.fire(this); // outside the lock: listeners run user code
    }
    return harvested;
  }

  /** Under this future's lock: copies a finished task's outcome and frees its slot; true if it did. */
  private boolean copyOutcome() {
    int slot = this.slot;
    if (slot == 0) {
      return false;
    }
    int state = pool.slots.outcome(slot);
    if (state == org.webthreads.scheduler.TaskSlots.PENDING) {
      return false;
    }
    // Read after the state: a task run on its joining thread (completeInline) sets harvested before
    // its slot's state changes or the slot is freed and reused, so a state that is no longer pending
    // but was not written for us shows up here as harvested.
    if (harvested) {
      return false;
    }
    outcome = state;
    if (state == org.webthreads.scheduler.TaskSlots.DONE) {
      value = pool.slots.readResult(slot, kind);
    } else if (state == org.webthreads.scheduler.TaskSlots.FAILED) {
      failure = pool.slots.readFailure(slot, kind);
    }
    harvested = true;
    pool.slots.release(slot);
    return true;
  }

  /**
   * The task's outcome reaches this object without going through the slot: the task ran on a thread
   * that holds this future (TaskRunner.runNow, runJoined and runPrivate), or the pool's threads share
   * one heap and the thread that ended it completes it (Outcomes). The volatile store of
   * harvested comes last: it publishes the fields, and it precedes any change of the slot's state word
   * or reuse of the slot.
   */
  void completeInline(int outcome, Object value, TaskFailure failure) {
    this.outcome = outcome;
    this.value = value;
    this.failure = failure;
    harvested = true;
    CompletionListeners.fire(this); // after the volatile store it reads: see CompletionListeners
  }

  @SuppressWarnings("unchecked")
  private R report() {
    switch (outcome) {
      case org.webthreads.scheduler.TaskSlots.DONE:
        return (R) value;
      case org.webthreads.scheduler.TaskSlots.FAILED:
        throw new TaskFailedException(kind.name(), failure);
      default:
        throw new CancellationException("task '" + kind.name()
            + "' was cancelled: the pool was shut down with shutdownNow() before it ran");
    }
  }
}
