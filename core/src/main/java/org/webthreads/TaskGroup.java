package org.webthreads;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.webthreads.memory.Arena;
import org.webthreads.scheduler.GroupState;

/**
 * A task group (a scope): many tasks submitted without a future each, done when all of them have
 * ended. Its state lives in shared memory (a block of the pool's arena, see {@code GroupState}), so any
 * thread of the program, the page or a worker, can submit into it and wait for it through its
 * {@link #id()} ({@link #attach}).
 *
 * <pre>{@code
 * try (TaskGroup group = pool.newGroup()) {
 *   for (int tile = 0; tile < tiles; tile++) {
 *     group.submit(TILE, tile, frame);
 *   }
 *   group.forRange(0, rows, 8, ROWS, frame);  // ROWS reads lo, hi (longs), then frame
 *   group.join();   // helps on a pool thread; throws TaskGroupFailedException / CancellationException
 * }
 * }</pre>
 * In the browser's page, wait with {@code WebGroups.whenDone(group, callback)} or
 * {@code WebGroups.promise(group)} instead of {@link #join()}.
 *
 * <p>The first failure cancels the rest: a task of the group that has not started when a task failed
 * (or when {@link #cancel()} was called) never runs its body; it is counted as skipped. A running task
 * can see the cancellation with {@link #isCancelled()} (pass {@link #id()} as an argument and
 * {@link #attach} to it). The group is done when no task of it is pending; tasks that its tasks submit
 * count before their parent ends, so submit everything from one thread (or from the group's tasks)
 * before waiting. A join from one of the group's own tasks would wait for itself: it throws
 * IllegalStateException.
 *
 * <p>Lifetime: the thread that created the group ({@link ThreadPool#newGroup()}) frees its words with
 * {@link #close()}, once it is done; closing a group with tasks pending is refused, and so is any use of
 * this object after its close. A view made by {@link #attach} cannot close it, and it refuses a closed
 * group when it is made (the block's magic word); a view kept past the close cannot tell, as with a
 * shared array's views.
 */
public final class TaskGroup implements AutoCloseable {
  private final ThreadPool pool;
  final GroupState state;
  /** Made by newGroup on this thread: only this object may close the group. */
  private final boolean creator;
  private boolean closed;

  private TaskGroup(ThreadPool pool, GroupState state, boolean creator) {
    this.pool = pool;
    this.state = state;
    this.creator = creator;
  }

  /** A new, empty group in {@code pool}'s arena (ThreadPool.newGroup). */
  static TaskGroup create(ThreadPool pool) {
    PoolShared shared = pool.internals().shared;
    int base = shared.arena.allocateAligned(GroupState.WORDS, GroupState.LINE_WORDS);
    if (base == Arena.NO_BLOCK) {
      throw new ArenaFullException(shared.arena.fullMessage(GroupState.WORDS));
    }
    GroupState state = new GroupState(shared.words, base);
    state.initialize();
    return new TaskGroup(pool, state, true);
  }

  /**
   * A view of the group with {@code id} ({@link #id()} of a group of {@code pool}), made on any thread,
   * e.g. inside one of the group's tasks to poll {@link #isCancelled()} or to submit more tasks.
   *
   * @param pool the pool the group belongs to
   * @param id the group's {@link #id()}, passed to the task as an argument
   * @return a view that may submit, cancel and read the counts, but not close
   * @throws IllegalArgumentException when {@code id} names no open group of this pool
   */
  public static TaskGroup attach(ThreadPool pool, int id) {
    PoolShared shared = pool.internals().shared;
    Arena arena = shared.arena;
    if (id <= arena.base() || (long) id + GroupState.WORDS > (long) arena.base() + arena.capacityWords()
        || !new GroupState(shared.words, id).isOpen()) {
      throw new IllegalArgumentException("no open task group has id " + id + " in this pool: pass the id()"
          + " of a group made by this pool's newGroup() and not yet closed");
    }
    return new TaskGroup(pool, new GroupState(shared.words, id), false);
  }

  /**
   * The group's id: the index of its words, the same on every thread; see {@link #attach}.
   *
   * @return the group's id, valid until the group is closed
   */
  public int id() {
    return state.base();
  }

  /**
   * The pool the group's tasks run on.
   *
   * @return the group's pool
   */
  public ThreadPool pool() {
    return pool;
  }

  // ---- submitting ----

  /**
   * Submits a task of a typed kind (its arguments checked by the compiler) into the group, as
   * {@link #submit(TaskKind, Object...)} does for a positional one.
   *
   * @param kind a typed kind of no arguments
   */
  public void submit(TaskKind0<?> kind) {
    submit(typed(kind).untyped(), kind.encode());
  }

  /**
   * As {@link #submit(TaskKind0)}, for a kind of one argument.
   *
   * @param <A> the argument's type
   * @param kind a typed kind of one argument
   * @param a the argument
   */
  public <A> void submit(TaskKind1<A, ?> kind, A a) {
    submit(typed(kind).untyped(), kind.encode(a));
  }

  /**
   * As {@link #submit(TaskKind0)}, for a kind of two arguments.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param kind a typed kind of two arguments
   * @param a the first argument
   * @param b the second argument
   */
  public <A, B> void submit(TaskKind2<A, B, ?> kind, A a, B b) {
    submit(typed(kind).untyped(), kind.encode(a, b));
  }

  /**
   * As {@link #submit(TaskKind0)}, for a kind of three arguments.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param kind a typed kind of three arguments
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   */
  public <A, B, C> void submit(TaskKind3<A, B, C, ?> kind, A a, B b, C c) {
    submit(typed(kind).untyped(), kind.encode(a, b, c));
  }

  /**
   * As {@link #submit(TaskKind0)}, for a kind of four arguments.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <D> the fourth argument's type
   * @param kind a typed kind of four arguments
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @param d the fourth argument
   */
  public <A, B, C, D> void submit(TaskKind4<A, B, C, D, ?> kind, A a, B b, C c, D d) {
    submit(typed(kind).untyped(), kind.encode(a, b, c, d));
  }

  private static <K extends TypedTaskKind<?>> K typed(K kind) {
    if (kind == null) {
      throw new IllegalArgumentException("submit needs a task kind, was null");
    }
    return kind;
  }

  /**
   * Submits a task of {@code kind} with {@code args} into the group, without a future: its result is
   * dropped, a failure is recorded in the group and cancels the tasks not yet started. On a cancelled
   * group the task is not submitted and counts as skipped.
   *
   * @param kind a registered task kind
   * @param args the task's arguments, read in order by the body
   */
  public void submit(TaskKind<?> kind, Object... args) {
    checkOpen();
    if (kind == null) {
      throw new IllegalArgumentException("submit needs a task kind, was null");
    }
    Object[] all = new Object[(args == null ? 0 : args.length) + 1];
    all[0] = GroupTasks.groupAndKind(id(), kind.id());
    if (args != null) {
      System.arraycopy(args, 0, all, 1, args.length);
    }
    dispatch(GroupTasks.TASK, all);
  }

  /**
   * Runs {@code kind} over {@code [from, to)} cut into sub-ranges of at most {@code grain} indices, as
   * tasks of this group: a task whose range is longer than the grain submits its upper half and goes on
   * with the lower (so idle threads steal the largest halves first), and runs {@code kind}'s body on the
   * sub-range it ends with. The body reads {@code lo} and {@code hi} (both {@code long}, {@code lo <= hi})
   * with {@link TaskInput#readLong()}, then {@code extraArgs}. An empty range runs nothing.
   *
   * @param from first index of the range
   * @param to end of the range (exclusive)
   * @param grain largest sub-range one body runs on (at least 1)
   * @param kind the body's kind: it reads {@code lo}, {@code hi}, then {@code extraArgs}
   * @param extraArgs arguments passed to every body after {@code lo} and {@code hi}
   * @throws IllegalArgumentException for {@code grain < 1} or {@code from > to}
   */
  public void forRange(long from, long to, long grain, TaskKind<?> kind, Object... extraArgs) {
    checkOpen();
    GroupTasks.checkRange(from, to, grain, kind, "forRange");
    if (from == to) {
      return;
    }
    dispatch(GroupTasks.RANGE, GroupTasks.rangeArgs(id(), from, to, grain, kind.id(), extraArgs));
  }

  /** Enters the group, then submits; a submit that throws (nothing was queued) leaves it again. */
  void dispatch(TaskKind<?> wrapper, Object[] args) {
    if (state.isCancelled()) {
      state.count(GroupState.SKIPPED);
      return;
    }
    state.enter();
    boolean queued = false;
    try {
      pool.execute(wrapper, args);
      queued = true;
    } finally {
      if (!queued) {
        state.exit();
      }
    }
  }

  // ---- cancelling ----

  /**
   * Cancels the tasks of the group that have not started: they never run their body (counted as
   * skipped); running tasks see {@link #isCancelled()}. Returns false, doing nothing, when no task of the
   * group is pending (everything submitted has ended).
   *
   * @return true if the group had pending tasks (it is now cancelled), false if it was done
   */
  public boolean cancel() {
    checkOpen();
    if (state.pending() == 0) {
      return false;
    }
    state.cancel();
    return true;
  }

  /**
   * Whether the group was cancelled, by {@link #cancel()} or by a failure (readable from its tasks).
   *
   * @return true once cancelled
   */
  public boolean isCancelled() {
    checkOpen();
    return state.isCancelled();
  }

  // ---- waiting ----

  /**
   * Whether no task of the group is pending.
   *
   * @return true when every task submitted so far has ended
   */
  public boolean isDone() {
    checkOpen();
    return state.pending() == 0;
  }

  /**
   * Tasks submitted and not yet ended.
   *
   * @return the pending count now
   */
  public int pendingCount() {
    checkOpen();
    return state.pending();
  }

  /**
   * Tasks whose body returned (each sub-range of a {@link #forRange} is one task).
   *
   * @return the completed count now
   */
  public int completedCount() {
    checkOpen();
    return state.countOf(GroupState.COMPLETED);
  }

  /**
   * Tasks whose body threw.
   *
   * @return the failed count now
   */
  public int failedCount() {
    checkOpen();
    return state.countOf(GroupState.FAILED);
  }

  /**
   * Tasks never started because the group was cancelled.
   *
   * @return the skipped count now
   */
  public int skippedCount() {
    checkOpen();
    return state.countOf(GroupState.SKIPPED);
  }

  /**
   * Waits until no task of the group is pending: a pool thread runs tasks meanwhile (it waits only
   * when it finds none), another thread blocks. Then returns normally if every task completed.
   *
   * @throws TaskGroupFailedException when tasks failed (the first failure and the counts)
   * @throws CancellationException when the group was cancelled and no task failed
   * @throws IllegalStateException on the browser's page while tasks are pending (it must not block:
   *     use WebGroups.whenDone or WebGroups.promise)
   */
  public void join() {
    checkOpen();
    GroupWaits.await(pool.internals(), state, false, 0);
    throwIfNotCompleted();
  }

  /**
   * As {@link #join()}, waiting at most {@code timeout}; returns false if tasks are still pending then.
   *
   * @param timeout how long to wait at most (more than zero)
   * @param unit the unit of {@code timeout}
   * @return true if the group is done (and every task completed), false if tasks are still pending
   * @throws IllegalArgumentException for a timeout of zero or less
   */
  public boolean join(long timeout, TimeUnit unit) {
    checkOpen();
    if (timeout <= 0) {
      throw new IllegalArgumentException("a timeout must be positive, was " + timeout + " " + unit
          + ": use isDone() to look without waiting");
    }
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    if (!GroupWaits.await(pool.internals(), state, true, deadline)) {
      return false;
    }
    throwIfNotCompleted();
    return true;
  }

  /**
   * For a thread that may not block (the page): null once the group is done (then {@link #join()}
   * returns or throws at once), else the word and value to wait on asynchronously, then ask again.
   *
   * @return null when done, else what to wait on
   */
  public AsyncWait doneWait() {
    checkOpen();
    int pending = state.pending();
    return pending == 0 ? null : new AsyncWait(state.index(GroupState.PENDING), pending);
  }

  /**
   * The first failure's class name, or null while no task failed.
   *
   * @return the exception class's name, or null
   */
  public String firstFailureClassName() {
    checkOpen();
    return state.failureClassName();
  }

  /**
   * The first failure's message, or null (no failure yet, or it had no message).
   *
   * @return the message, or null
   */
  public String firstFailureMessage() {
    checkOpen();
    return state.failureMessage();
  }

  private void throwIfNotCompleted() {
    int failed = state.countOf(GroupState.FAILED);
    int skipped = state.countOf(GroupState.SKIPPED);
    int completed = state.countOf(GroupState.COMPLETED);
    if (failed > 0) {
      throw new TaskGroupFailedException(failed, skipped, completed, state.failureClassName(),
          state.failureMessage());
    }
    if (state.isCancelled()) {
      throw new CancellationException("the task group was cancelled: " + skipped + " of its tasks were "
          + "skipped (never started), " + completed + " completed");
    }
  }

  // ---- lifetime ----

  /**
   * Frees the group's words. Only on the group's creator, once no task is pending; afterwards this
   * object refuses every use.
   *
   * @throws IllegalStateException on a view made by {@link #attach}, with tasks pending, or when closed
   */
  @Override
  public void close() {
    checkOpen();
    if (!creator) {
      throw new IllegalStateException("task group " + id() + " can only be closed by the TaskGroup that "
          + "newGroup() returned, on the thread that made it; this is a view made by attach()");
    }
    int pending = state.pending();
    if (pending != 0) {
      throw new IllegalStateException("task group " + id() + " still has " + pending + " pending tasks: "
          + "join() it (in the browser's page: WebGroups.whenDone) before close(), or cancel() and then join");
    }
    closed = true;
    state.markClosed();
    pool.internals().shared.arena.free(state.base());
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("task group " + id() + " was closed: make a new one with "
          + "ThreadPool.newGroup()");
    }
  }

  @Override
  public String toString() {
    return "TaskGroup(" + id() + (closed ? ", closed" : "") + ")";
  }
}
