package org.webthreads;

import org.webthreads.codec.ValueCodec;
import org.webthreads.memory.CacheLinePadding;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.TaskSlots;

/**
 * Runs tasks on one pool thread, every way a task can run, and ends them:
 * <ul>
 *   <li>{@link #runTask}: a published task taken from a ring or the shared queue;
 *   <li>{@link #runJoined}: the published task a join waits for, run on the joining thread, its Java
 *       result going straight into the future (the fork/join fast path);
 *   <li>{@link #runPrivate}: a private fork (see {@link ForkPublisher});
 *   <li>{@link #runNow}: a task forked at the nesting bound, run inside the fork as a plain call.
 * </ul>
 * All of them run the body through {@link #runBody}, the one place that captures a body's outcome, and
 * count the bodies on this thread's stack ({@link #depth}): a fork at depth
 * {@link ThreadPool#MAX_NESTED_TASKS} or deeper runs at once (docs/scheduler.md, "Bounded nesting").
 */
final class TaskRunner extends TaskRunnerFields {
  private final Pool pool;
  private final WorkerLoop loop;
  /** The loop's other parts and the pool's run state, held here: one load each on every task. */
  private ForkPublisher forks;
  private StackRecords records;
  private final RunState runState;
  /** Argument streams of tasks run at once because {@link #depth} reached the bound. */
  private final PrivateWords inlineArgs = new PrivateWords();
  // Trailing padding (see CacheLinePadding): laid out right after the hot fields of the superclass.
  long q01, q02, q03, q04, q05, q06, q07, q08;
  long q09, q10, q11, q12, q13, q14, q15, q16;

  /** How {@link #runBody} hands a result on: dropped (detached task), copied into a future, or encoded. */
  private static final int RESULT_DROPPED = 0;
  private static final int RESULT_COPIED = 1;
  private static final int RESULT_ENCODED = 2;

  TaskRunner(Pool pool, WorkerLoop loop) {
    this.pool = pool;
    this.loop = loop;
    this.runState = pool.shared.runState;
  }

  /** Wires the loop's other parts (made after this one). */
  void bind(ForkPublisher forks, StackRecords records) {
    this.forks = forks;
    this.records = records;
  }

  /** Task bodies on this thread's stack right now: 0 in the loop, 1 in a task, more in joins. */
  int depth() {
    return depth;
  }

  /** Whether a task forked on this thread now must run at once, inside the fork. */
  boolean atNestingBound() {
    return depth >= ThreadPool.MAX_NESTED_TASKS;
  }

  /** A published task taken from a ring or the shared queue: run (or cancel) it and end it. */
  void runTask(int slot) {
    SlotIO slots = pool.slots;
    int argsHeader = slots.argsHeader(slot);
    if (loop.stopping) {
      pool.outcomes.cancel(slot);
      return;
    }
    boolean detached = (argsHeader & TaskSlots.DETACHED) != 0;
    int kindId = slots.kindId(slot);
    TaskKind<?> kind = TaskRegistry.lookup(kindId);
    records.push(slot, null);
    // Cancelled before it started (see Cancellation): one heap, the future the task must complete says
    // so; separate heaps, the header loaded above.
    TaskFuture<?> future = null;
    boolean cancelled;
    if (detached) {
      cancelled = false;
    } else {
      records.record(slot);
      if (pool.completeFuturesDirectly) {
        future = pool.outcomes.futureOf(slot);
        cancelled = future.isDecided();
      } else {
        cancelled = (argsHeader & TaskSlots.CANCEL_REQUESTED) != 0;
      }
    }
    int outcome;
    if (cancelled) {
      outcome = TaskSlots.CANCELLED;
      bodyValue = null;
      bodyFailure = null;
    } else if (kind == null) {
      outcome = TaskSlots.FAILED;
      bodyValue = null;
      bodyFailure = TaskFailure.of(new UnknownTaskKindException(kindId, loop.threadId()));
    } else {
      TaskInput input = slots.argsOf(slot, argsHeader, kind.name());
      if (!detached) {
        input.watchCancellation(future, slot);
      }
      outcome = runBody(kind, input, detached ? RESULT_DROPPED
          : pool.completeFuturesDirectly ? RESULT_COPIED : RESULT_ENCODED);
    }
    records.pop();
    endTask(slot, argsHeader, detached, outcome, kind != null ? kind.name() : unknownKindName(kindId));
  }

  /**
   * Runs the task a join waits for on the joining thread and hands its Java result straight to the
   * future: no result encoding, no completion RMW, no harvest.
   */
  void runJoined(TaskFuture<?> future, int slot) {
    int argsHeader = pool.slots.argsHeader(slot);
    TaskInput input = pool.slots.argsOf(slot, argsHeader, future.kind().name());
    input.watchCancellation(future, slot);
    records.push(slot, future);
    runInline(future, input);
    records.pop();
    endJoinedTask(slot, argsHeader);
  }

  /**
   * Runs a private fork here (a join found it on top of the private forks, or it could not be
   * published) and hands its Java result straight to the future, as {@link #runJoined} does.
   */
  void runPrivate(TaskFuture<?> future) {
    ForkArgs args = future.takeForkArgs();
    if (future.isDecided()) {
      future.markReleased(); // cancel() came first (see Cancellation): it never runs
      return;
    }
    // After shutdownNow queued tasks are cancelled, and so is this one (a null input). The loop's
    // stopping flag is refreshed only between tasks, so look at the run state itself: one load.
    if (runState.current() == RunState.STOP) {
      future.completeInline(TaskSlots.CANCELLED, null, null);
    } else {
      TaskKind<?> kind = future.kind();
      TaskInput input = new TaskInput(pool, args, 0, args.length(), kind.name(), "' argument");
      input.watchCancellation(future, 0);
      int outcome = runBody(kind, input, RESULT_COPIED);
      future.completeInline(outcome, bodyValue, bodyFailure);
    }
    if (future.hasForeignWaiter()) {
      pool.joins.signalForkEpoch(loop); // after completeInline's state CAS: see TaskFuture
    }
  }

  /**
   * Runs a task forked at the nesting bound right here, as a plain call: its arguments go through the
   * same encoding (into words private to this thread), its result or failure goes straight into the
   * returned future (null for a detached task). Nothing is published, so nobody else can take the task
   * and nothing ever waits for it.
   */
  TaskFuture<?> runNow(TaskKind<?> kind, Object[] args, int argWords, boolean detached) {
    int start = inlineArgs.push(argWords);
    int at = ValueCodec.writeAll(args, inlineArgs, start);
    TaskInput input = new TaskInput(pool, inlineArgs, start, at, kind.name(), "' argument");
    int outcome = runBody(kind, input, detached ? RESULT_DROPPED : RESULT_COPIED);
    inlineArgs.popTo(start);
    if (detached) {
      if (outcome == TaskSlots.FAILED) {
        pool.reportDetachedFailure(kind.name(), loop.threadId(), bodyFailure);
      }
      return null;
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    TaskFuture<?> future = new TaskFuture(pool, 0, kind);
    future.completeInline(outcome, bodyValue, bodyFailure);
    return future;
  }

  /**
   * Runs the body of {@code future}'s task on this thread with {@code input} (or cancels it when the
   * input is null) and puts the outcome straight into the future ({@link TaskFuture#completeInline}).
   */
  private void runInline(TaskFuture<?> future, TaskInput input) {
    if (input == null) {
      future.completeInline(TaskSlots.CANCELLED, null, null);
      return;
    }
    int outcome = runBody(future.kind(), input, RESULT_COPIED);
    future.completeInline(outcome, bodyValue, bodyFailure);
  }

  /**
   * Runs a task body: the one place where a body's outcome is captured, for every way a task runs.
   * Returns DONE, FAILED or CANCELLED, and leaves the value ({@code resultUse}) and the failure in
   * {@link #bodyValue} and {@link #bodyFailure} for the caller to read at once. Forks the body left
   * unjoined are published afterwards (see {@link ForkPublisher}). The interrupt status belongs to the
   * tasks on this thread's stack: it is cleared when a body starts from the loop (an interrupt that came
   * while the thread was idle is no one's) and when the stack returns to the loop (a task that restored
   * its flag must not hand it to the next, whose first sleep would fail at once); a body run by a join
   * leaves it for the task that joined.
   */
  private int runBody(TaskKind<?> kind, TaskInput input, int resultUse) {
    int mark = forks.mark();
    int outcome;
    Object value = null;
    TaskFailure failure = null;
    if (depth == 0) {
      Thread.interrupted();
    }
    depth++;
    try {
      Object result = kind.body().run(input, pool.facade);
      if (resultUse == RESULT_COPIED) {
        value = ResultValues.copy(result, kind.name());
      } else if (resultUse == RESULT_ENCODED) {
        value = result; // checked and encoded by SlotIO.writeOutcome
      }
      outcome = TaskSlots.DONE;
    } catch (Throwable thrown) {
      // A task that joined a task shutdownNow() cancelled, or whose fork it refused, is cancelled
      // too, not failed, so that a cancelled fork/join tree reports cancellation all the way up.
      outcome = isCancellation(thrown) ? TaskSlots.CANCELLED : TaskSlots.FAILED;
      failure = outcome == TaskSlots.FAILED ? TaskFailure.of(thrown) : null;
    }
    depth--;
    if (depth == 0) {
      Thread.interrupted();
    }
    tasksRun++;
    forks.publishLeftovers(mark); // may run other bodies: our outcome goes into the fields after it
    bodyValue = value;
    bodyFailure = failure;
    return outcome;
  }

  private boolean isCancellation(Throwable failure) {
    return failure instanceof java.util.concurrent.CancellationException
        || (failure instanceof PoolShutdownException
            && runState.current() == RunState.STOP);
  }

  static String unknownKindName(int kindId) {
    return "#" + Integer.toHexString(kindId);
  }

  /**
   * Ends a task run by {@link #runTask} with the outcome and the {@link #bodyValue} and
   * {@link #bodyFailure} it left: a detached task's failure goes to the pool's report and its slot back
   * to this thread; for a task with a future, its arguments go back, its frame record is cleared and its
   * outcome published ({@link Outcomes#complete}).
   */
  void endTask(int slot, int argsHeader, boolean detached, int outcome, String kindName) {
    Object value = bodyValue;
    TaskFailure failure = bodyFailure;
    bodyValue = null;
    bodyFailure = null;
    // The arguments first: a failure may need the arena's room, and the slot's argument words.
    pool.slots.freeArgs(slot, argsHeader);
    if (detached) {
      if (outcome == TaskSlots.FAILED) {
        pool.reportDetachedFailure(kindName, loop.threadId(), failure);
      }
      loop.state.magazine.free(slot); // nobody waits on a detached task: no completion to publish
      return;
    }
    if (!pool.outcomes.completeFuturesDirectly()) {
      outcome = pool.slots.writeOutcome(slot, outcome, value, failure, kindName);
    }
    records.clear();
    pool.outcomes.complete(slot, outcome, value, failure);
  }

  /** Ends a task run by {@link #runJoined}, whose future holds its outcome already. */
  void endJoinedTask(int slot, int argsHeader) {
    // The slot stays ours until completeJoined gives it back.
    pool.slots.freeArgs(slot, argsHeader);
    pool.outcomes.completeJoined(slot, loop.state);
  }

  /** After the stack was unwound by an error Java cannot catch (see StackRecords.abandon). */
  void resetAfterAbandon() {
    inlineArgs.popTo(0);
    depth = 0;
  }

  /** For StackRecords.abandon: ends a frame of {@link #runTask} as failed with {@code failure}. */
  void failTask(int slot, TaskFailure failure) {
    int argsHeader = pool.slots.argsHeader(slot);
    bodyValue = null;
    bodyFailure = failure;
    int kindId = pool.slots.kindId(slot);
    TaskKind<?> kind = TaskRegistry.lookup(kindId);
    endTask(slot, argsHeader, (argsHeader & TaskSlots.DETACHED) != 0, TaskSlots.FAILED,
        kind != null ? kind.name() : unknownKindName(kindId));
  }
}

/** The fields a {@link TaskRunner} changes on every task, between cache-line padding. */
abstract class TaskRunnerFields extends CacheLinePadding {
  /** Task bodies on this thread's stack right now: 0 in the loop, 1 in a task, more in joins. */
  int depth;
  /** The value and failure of the body that TaskRunner.runBody ran last; read by its caller at once. */
  Object bodyValue;
  TaskFailure bodyFailure;
  /** Task bodies run on this thread (statistics: a plain field, see PoolStatistics). */
  long tasksRun;
}
