package org.webthreads;

import java.util.concurrent.TimeUnit;

/**
 * A pool of worker threads running pure tasks through shared memory: per-thread rings, a shared queue,
 * work stealing and parking. This is the user's side of a pool; the platform drives its threads through
 * {@link PoolControl}.
 *
 * <p>Create it once, on any thread, over worker ids of a {@link Platform}; submit from any thread: from
 * a pool thread the task goes to that thread's ring (a task body's fork stays private to it until
 * another thread could use it), from any other thread to the shared queue.
 *
 * <pre>{@code
 * ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
 * TaskFuture<Long> fib = pool.submit(FIB, 30);
 * long value = fib.join();      // on the JVM; in the browser's page: WebFutures.whenDone / promise
 * pool.shutdown();
 * }</pre>
 * What it promises about shutdown, dropped futures, failures, interrupts and sizes: the README's "What
 * the pool promises" and docs/scheduler.md.
 */
public final class ThreadPool {
  /**
   * How many task bodies may be nested on one pool thread's stack by joins that help (a join runs other
   * tasks while it waits). A task forked on a thread that is already this deep runs at once, inside
   * the fork, like a plain call, instead of being queued; so the stack of a pool thread holds at most
   * this many helped tasks plus the recursion of one task's own fork tree, as in a sequential program.
   * Small enough for the browser's worker stacks. See docs/scheduler.md, "Bounded nesting".
   */
  public static final int MAX_NESTED_TASKS = 128;
  /** Words in a 64-byte cache line: large shared arrays start on one (see {@link #newSharedIntArray}). */
  public static final int CACHE_LINE_WORDS = 16;
  /** Shared arrays of at least this many elements start on a cache line. */
  static final int ALIGNED_ARRAY_MIN_LENGTH = 4 * CACHE_LINE_WORDS;

  private final Pool pool;

  ThreadPool(Pool pool) {
    this.pool = pool;
  }

  /**
   * A pool over {@code threadIds} with {@link PoolConfig#defaults()}.
   *
   * @param platform the platform whose worker threads run the pool
   * @param threadIds worker ids of {@code platform}, each serving no other live pool
   * @return the started pool
   * @throws IllegalArgumentException as {@link #create(Platform, PoolConfig, int...)} says
   */
  public static ThreadPool create(Platform platform, int... threadIds) {
    return create(platform, PoolConfig.defaults(), threadIds);
  }

  /**
   * Creates a pool over {@code threadIds} (worker ids of {@code platform}) and starts its loop on each.
   *
   * @param platform the platform whose worker threads run the pool
   * @param config the pool's sizes and queue ({@link PoolConfig#defaults()} unless tuned)
   * @param threadIds worker ids of {@code platform}, in pool order
   * @return the started pool
   * @throws IllegalArgumentException for an empty list, id 0, a duplicate, an id the platform does not
   *     know, or a thread that already serves another pool
   */
  public static ThreadPool create(Platform platform, PoolConfig config, int... threadIds) {
    return Pool.create(platform, config, threadIds).facade;
  }

  Pool internals() {
    return pool;
  }

  /**
   * The pool's thread ids, in pool order.
   *
   * @return a copy of the ids; changing it changes nothing
   */
  public int[] threadIds() {
    return pool.shared.threadIds.clone();
  }

  /**
   * How many threads the pool runs on: {@code threadIds().length}.
   *
   * @return the number of pool threads
   */
  public int threadCount() {
    return pool.shared.threadIds.length;
  }

  // ---- submitting ----

  /**
   * Submits a task of {@code kind} with {@code args}; see {@link TaskInput} for the argument types.
   *
   * @param <R> what the task returns
   * @param kind a registered task kind
   * @param args the task's arguments, read in order by the body
   * @return the task's future: join it, or drop it (a dropped future holds no task slot for good)
   * @throws PoolShutdownException when the pool was shut down (on a pool thread: only after
   *     {@link #shutdownNow})
   */
  @SuppressWarnings("unchecked")
  public <R> TaskFuture<R> submit(TaskKind<R> kind, Object... args) {
    return (TaskFuture<R>) pool.submission.submit(kind, args, false);
  }

  /**
   * Submits a task whose result nobody waits for; if it throws, the error is printed to stderr.
   *
   * @param kind a registered task kind
   * @param args the task's arguments, read in order by the body
   * @throws PoolShutdownException when the pool was shut down (on a pool thread: only after
   *     {@link #shutdownNow})
   */
  public void execute(TaskKind<?> kind, Object... args) {
    pool.submission.submit(kind, args, true);
  }

  /**
   * Submits a task of {@code kind} with one {@code int} argument: the same as
   * {@code submit(kind, (Object) arg)}, without boxing or an argument array (the fork/join fast path).
   * A null {@code Integer} passed here is unboxed and throws; pass {@code (Object) null} for a null.
   *
   * @param <R> what the task returns
   * @param kind a registered task kind
   * @param arg the task's one argument
   * @return the task's future
   */
  @SuppressWarnings("unchecked")
  public <R> TaskFuture<R> submit(TaskKind<R> kind, int arg) {
    return (TaskFuture<R>) pool.submission.submitInt(kind, arg, false);
  }

  /**
   * {@link #execute(TaskKind, Object...)} with one {@code int} argument, without boxing.
   *
   * @param kind a registered task kind
   * @param arg the task's one argument
   */
  public void execute(TaskKind<?> kind, int arg) {
    pool.submission.submitInt(kind, arg, true);
  }

  // ---- groups and parallel loops ----

  /**
   * A new, empty {@link TaskGroup} of this pool: submit tasks (and {@link TaskGroup#forRange} loops) into
   * it without a future each, then join it once. Close it when done (it holds a block of the arena).
   *
   * @return a group with no tasks, holding one arena block until closed
   */
  public TaskGroup newGroup() {
    return TaskGroup.create(this);
  }

  /**
   * A map-reduce over {@code [from, to)}: {@code kind}'s body runs on sub-ranges of at most
   * {@code grain} indices (reading {@code lo}, {@code hi} as longs, then {@code extraArgs}) and returns
   * a value; {@code combiner} joins the values of adjacent sub-ranges, left first. A range longer than
   * the grain forks its upper half and reduces its lower half itself, so idle threads steal halves. An
   * empty range runs the body once on it (lo == hi): its result is the reduction's.
   *
   * @param <R> what the body and the reduction return
   * @param from first index of the range
   * @param to end of the range (exclusive)
   * @param grain largest sub-range one body runs on (at least 1)
   * @param kind the body's kind: it reads {@code lo}, {@code hi}, then {@code extraArgs}
   * @param combiner joins two adjacent sub-ranges' values, left first
   * @param extraArgs arguments passed to every body after {@code lo} and {@code hi}
   * @return the future of the whole range's reduced value
   * @throws IllegalArgumentException for {@code grain < 1} or {@code from > to}
   */
  @SuppressWarnings("unchecked")
  public <R> TaskFuture<R> mapReduce(long from, long to, long grain, TaskKind<R> kind, Combiner<R> combiner,
      Object... extraArgs) {
    GroupTasks.checkRange(from, to, grain, kind, "mapReduce");
    if (combiner == null) {
      throw new IllegalArgumentException("mapReduce needs a Combiner, was null: register one with "
          + "Combiner.register(name, step)");
    }
    int extraCount = extraArgs == null ? 0 : extraArgs.length;
    Object[] args = new Object[5 + extraCount];
    args[0] = from;
    args[1] = to;
    args[2] = grain;
    args[3] = kind.id();
    args[4] = combiner.id();
    if (extraCount > 0) {
      System.arraycopy(extraArgs, 0, args, 5, extraCount);
    }
    return (TaskFuture<R>) submit(GroupTasks.REDUCE, args);
  }

  // ---- typed kinds (checked by the compiler; see TypedTaskKind) ----

  /**
   * Submits a task of a typed kind of no arguments.
   *
   * @param <R> what the task returns
   * @param kind a typed kind of no arguments
   * @return the task's future
   */
  public <R> TaskFuture<R> submit(TaskKind0<R> kind) {
    return typed(kind).submit(this, false);
  }

  /**
   * Submits a task of a typed kind; an {@code int} argument ({@link Codecs#INT}) is not boxed on the way.
   *
   * @param <A> the argument's type
   * @param <R> what the task returns
   * @param kind a typed kind of one argument
   * @param a the argument, written by the kind's codec
   * @return the task's future
   */
  @SuppressWarnings("unchecked")
  public <A, R> TaskFuture<R> submit(TaskKind1<A, R> kind, A a) {
    if (typed(kind).intPath() && a instanceof Integer) {
      // Straight to the int path, as submit(kind.untyped(), int) would go: no deeper call chain for
      // the JIT to inline on the fork/join path.
      return (TaskFuture<R>) pool.submission.submitInt(kind.untyped(), (Integer) a, false);
    }
    return kind.submit(this, a, false);
  }

  /**
   * Submits a task of a typed kind of two arguments, each written by its codec.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <R> what the task returns
   * @param kind a typed kind of two arguments
   * @param a the first argument
   * @param b the second argument
   * @return the task's future
   */
  public <A, B, R> TaskFuture<R> submit(TaskKind2<A, B, R> kind, A a, B b) {
    return typed(kind).submit(this, a, b, false);
  }

  /**
   * Submits a task of a typed kind of three arguments, each written by its codec.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <R> what the task returns
   * @param kind a typed kind of three arguments
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @return the task's future
   */
  public <A, B, C, R> TaskFuture<R> submit(TaskKind3<A, B, C, R> kind, A a, B b, C c) {
    return typed(kind).submit(this, a, b, c, false);
  }

  /**
   * Submits a task of a typed kind of four arguments, each written by its codec.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <D> the fourth argument's type
   * @param <R> what the task returns
   * @param kind a typed kind of four arguments
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   * @param d the fourth argument
   * @return the task's future
   */
  public <A, B, C, D, R> TaskFuture<R> submit(TaskKind4<A, B, C, D, R> kind, A a, B b, C c, D d) {
    return typed(kind).submit(this, a, b, c, d, false);
  }

  /**
   * Submits a typed task whose result nobody waits for (as {@link #execute(TaskKind, Object...)}).
   *
   * @param kind a typed kind of no arguments
   */
  public void execute(TaskKind0<?> kind) {
    typed(kind).submit(this, true);
  }

  /**
   * Submits a typed task of one argument whose result nobody waits for; an {@code int} is not boxed.
   *
   * @param <A> the argument's type
   * @param kind a typed kind of one argument
   * @param a the argument
   */
  public <A> void execute(TaskKind1<A, ?> kind, A a) {
    if (typed(kind).intPath() && a instanceof Integer) {
      pool.submission.submitInt(kind.untyped(), (Integer) a, true);
      return;
    }
    kind.submit(this, a, true);
  }

  /**
   * Submits a typed task of two arguments whose result nobody waits for.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param kind a typed kind of two arguments
   * @param a the first argument
   * @param b the second argument
   */
  public <A, B> void execute(TaskKind2<A, B, ?> kind, A a, B b) {
    typed(kind).submit(this, a, b, true);
  }

  /**
   * Submits a typed task of three arguments whose result nobody waits for.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param kind a typed kind of three arguments
   * @param a the first argument
   * @param b the second argument
   * @param c the third argument
   */
  public <A, B, C> void execute(TaskKind3<A, B, C, ?> kind, A a, B b, C c) {
    typed(kind).submit(this, a, b, c, true);
  }

  /**
   * Submits a typed task of four arguments whose result nobody waits for.
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
  public <A, B, C, D> void execute(TaskKind4<A, B, C, D, ?> kind, A a, B b, C c, D d) {
    typed(kind).submit(this, a, b, c, d, true);
  }

  private static <K extends TypedTaskKind<?>> K typed(K kind) {
    if (kind == null) {
      throw new NullPointerException("task kind is null: pass a kind from TaskKind0..4.register");
    }
    return kind;
  }

  // ---- shared arrays ----

  /**
   * Allocates a zeroed {@link SharedIntArray} of {@code length} in the pool's arena. An array of at
   * least 64 elements usually starts on a 64-byte cache line (in the browser; the JVM's int array
   * itself is not aligned), so threads that write disjoint ranges starting at multiples of
   * {@link #CACHE_LINE_WORDS} elements never write the same line. Smaller arrays are not padded, nor are
   * small arrays (under about 1,000 words) whose padding would need the next larger (twice as large)
   * arena block. Arrays of more than about 1,000 words take a block of their own size rounded up to a
   * cache line, starting on one. The default pool holds a full-HD RGBA image (1920 * 1080 ints) twice.
   *
   * @param length the number of elements
   * @return the array, all zeros; free it when done
   * @throws IllegalArgumentException for a negative length
   * @throws ArenaTooSmallException when the arena can never hold the array (the message names the
   *     size and the {@link PoolConfig#withArenaWords} that would)
   * @throws ArenaFullException when the arena has no block that large free now
   */
  public SharedIntArray newSharedIntArray(int length) {
    int handle = SharedArrayBlocks.allocate(pool.shared, "SharedIntArray", length, length, 1);
    return new SharedIntArray(pool.shared.words, pool.shared.arena, handle, length);
  }

  /**
   * Allocates a zeroed {@link SharedFloatArray} of {@code length} in the pool's arena, placed as
   * {@link #newSharedIntArray} places its arrays.
   *
   * @param length the number of elements
   * @return the array, all zeros; free it when done
   * @throws ArenaTooSmallException when the arena can never hold the array
   * @throws ArenaFullException when the arena has no block that large free now
   */
  public SharedFloatArray newSharedFloatArray(int length) {
    int handle = SharedArrayBlocks.allocate(pool.shared, "SharedFloatArray", length, length, 1);
    return new SharedFloatArray(pool.shared.words, pool.shared.arena, handle, length);
  }

  /**
   * Allocates a zeroed {@link SharedLongArray} of {@code length} (two words per element and a lock
   * word) in the pool's arena, starting on an 8-byte boundary (and a cache line when large, as
   * {@link #newSharedIntArray} places its arrays).
   *
   * @param length the number of elements
   * @return the array, all zeros; free it when done
   * @throws ArenaTooSmallException when the arena can never hold the array
   * @throws ArenaFullException when the arena has no block that large free now
   */
  public SharedLongArray newSharedLongArray(int length) {
    int handle = SharedArrayBlocks.allocate(pool.shared, "SharedLongArray", length,
        SharedLongArray.wordsFor(length), 2);
    return new SharedLongArray(pool.shared.words, pool.shared.arena, handle, length);
  }

  /**
   * Allocates a zeroed {@link SharedDoubleArray} of {@code length} (two words per element) in the
   * pool's arena, starting on an 8-byte boundary (and a cache line when large).
   *
   * @param length the number of elements
   * @return the array, all zeros; free it when done
   * @throws ArenaTooSmallException when the arena can never hold the array
   * @throws ArenaFullException when the arena has no block that large free now
   */
  public SharedDoubleArray newSharedDoubleArray(int length) {
    int handle = SharedArrayBlocks.allocate(pool.shared, "SharedDoubleArray", length, 2L * length, 2);
    return new SharedDoubleArray(pool.shared.words, pool.shared.arena, handle, length);
  }

  /**
   * Allocates a zeroed {@link SharedByteArray} of {@code length} (four bytes a word) in the pool's
   * arena, placed as {@link #newSharedIntArray} places its arrays.
   *
   * @param length the number of bytes
   * @return the array, all zeros; free it when done
   * @throws ArenaTooSmallException when the arena can never hold the array
   * @throws ArenaFullException when the arena has no block that large free now
   */
  public SharedByteArray newSharedByteArray(int length) {
    int handle = SharedArrayBlocks.allocate(pool.shared, "SharedByteArray", length,
        SharedByteArray.wordsFor(length), 1);
    return new SharedByteArray(pool.shared.words, pool.shared.arena, handle, length);
  }

  /**
   * A new {@link TaskProgress} at 0 of {@code total} ({@link TaskProgress#UNKNOWN_TOTAL} if not known
   * yet), in this pool's arena: pass it to tasks, watch it from the page or poll it, free it after.
   *
   * @param total the amount of work when done, or {@link TaskProgress#UNKNOWN_TOTAL}
   * @return the progress at 0
   * @throws ArenaFullException when the arena has no room for its six words
   */
  public TaskProgress newTaskProgress(long total) {
    return TaskProgress.allocate(pool.shared, total);
  }

  /**
   * Words of the arena in use (arguments, results, shared arrays).
   *
   * @return the arena's words allocated now
   */
  public int arenaWordsInUse() {
    return pool.shared.arena.wordsInUse();
  }

  // ---- statistics ----

  /**
   * A snapshot of what each pool thread has done: tasks run, stolen and queued, times parked. It only
   * reads, never stops or slows the pool, and may be taken from any thread (the page too). The threads
   * count in plain fields; where the reader shares their heap (the JVM) it reads those fields, so the
   * counts are as fresh as the memory model allows. From another heap (the page, a worker) it reads
   * what each thread published: a thread publishes before it parks (so an idle thread's counts are
   * exact), when it leaves the pool, and at the first task boundary of its loop after a snapshot asked
   * for it. So a busy thread's counts are as of the previous snapshot's request: polled once per
   * frame, a frame old plus the task running then (a fork/join tree run inside one task's joins
   * reaches no loop boundary until that task ends). Queued counts are read from the rings and the
   * shared queue at the moment of the call.
   *
   * @return the snapshot, one entry per pool thread
   */
  public PoolStatistics statistics() {
    return PoolStatistics.take(pool);
  }

  // ---- shutdown ----

  /**
   * Accepts no more tasks from outside the pool; everything it accepted still runs (a submit racing
   * with this either throws {@link PoolShutdownException} or its task runs). Does not block.
   */
  public void shutdown() {
    pool.lifecycle.shutdown();
  }

  /**
   * Accepts no more tasks and cancels every queued task that has not started (their futures throw
   * CancellationException); running tasks finish. Returns how many tasks this call cancelled;
   * private forks of running tasks are not counted: their thread cancels them when it reaches them.
   *
   * @return how many queued tasks this call cancelled
   */
  public int shutdownNow() {
    return pool.lifecycle.shutdownNow();
  }

  /**
   * Whether {@link #shutdown} or {@link #shutdownNow} was called: the pool accepts no more outside tasks.
   *
   * @return true once shut down, even while tasks still run
   */
  public boolean isShutdown() {
    return pool.lifecycle.isShutdown();
  }

  /**
   * True once shut down and every pool thread has left the pool.
   *
   * @return whether the pool has terminated
   */
  public boolean isTerminated() {
    return pool.lifecycle.isTerminated();
  }

  /**
   * Blocks until terminated or the timeout elapses; returns whether terminated.
   *
   * @param timeout how long to wait at most
   * @param unit the unit of {@code timeout}
   * @return true if the pool terminated, false if the time ran out first
   */
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return pool.lifecycle.awaitTermination(timeout, unit);
  }

  /** Futures the calling outside thread tracks, harvested or not (for tests). */
  int trackedFutures() {
    return pool.outside.current().trackedCount();
  }
}
