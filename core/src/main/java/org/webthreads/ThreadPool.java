package org.webthreads;

import java.util.concurrent.TimeUnit;
import org.webthreads.codec.ValueCodec;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedRegion;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.LockFreeSharedQueue;
import org.webthreads.scheduler.LockedSharedQueue;
import org.webthreads.scheduler.Parking;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.SharedQueue;
import org.webthreads.scheduler.SlotCompletion;
import org.webthreads.scheduler.SlotFreeList;
import org.webthreads.scheduler.SlotMagazine;
import org.webthreads.scheduler.TaskSlots;

/**
 * A pool of worker threads running pure tasks through shared memory: per-thread rings, a shared queue,
 * work stealing and parking (see {@link WorkerLoop}).
 *
 * <p>Create it once, on any thread, over worker ids of a {@link Platform} with {@link #create}; every
 * thread of the pool then holds a view of the same shared state (on the JVM the very same object, in
 * the browser one per worker through {@link #attach}). Submit from any thread: from a pool thread the
 * task goes to that thread's ring, from any other thread to the shared queue.
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

  private static final int ARGS_IN_ARENA = TaskSlots.ARGS_IN_ARENA;
  private static final int LENGTH_MASK = TaskSlots.ARGS_LENGTH_MASK;
  private static final int RESULT_IN_ARENA = 1 << 31;
  /**
   * RESULT header of a task failed by {@link #workerLost}: no stream, the low bits hold the lost thread's
   * id and the next word {@link #LOST_TERMINATED} and {@link #LOST_QUEUED} (the reader builds the
   * message from them).
   */
  private static final int RESULT_THREAD_LOST = 1 << 30;
  /**
   * RESULT header of a failure whose class name alone is kept in the slot's own words, the arena having
   * no block even for that; the low bits hold its length (see writeFailure).
   */
  private static final int RESULT_CLASS_IN_SLOT = 1 << 29;
  private static final int RESULT_LENGTH_MASK = (1 << 29) - 1;
  /** Characters of a class name kept in the slot: 4 per word in the 7 argument and 4 result words. */
  private static final int CLASS_IN_SLOT_CHARS = 4 * (TaskSlots.ARGS_INLINE_WORDS + TaskSlots.RESULT_INLINE_WORDS);
  private static final int LOST_TERMINATED = 1;
  private static final int LOST_QUEUED = 2;

  private final Platform platform;
  final SharedWords words;
  final PoolLayout layout;
  final SharedQueue queue;
  final SlotFreeList freeList;
  final Arena arena;
  final Parking parking;
  final RunState runState;
  final LocalRing[] rings;
  private final int[] threadIds;
  /**
   * Where the pool's threads share one Java heap (the JVM): the future of the task in each slot, so
   * that the thread that ends the task completes the future object itself and gives the slot back at
   * once. No result crosses the shared words and nobody harvests, so a dropped future holds nothing
   * but itself, for the garbage collector. Null where every thread has its own heap (the browser):
   * there the outcome goes into the slot and the future's owner harvests it ({@link SubmitterState}).
   */
  private final TaskFuture<?>[] futureOfSlot;
  private final WorkerLoop[] loops;
  /** Entry k: the thread running loops[k] while it serves the pool; written only by that thread. */
  private final Thread[] loopThreads;
  /**
   * Submit state of each outside thread that used the pool, held by the pool and keyed weakly by the
   * thread. A ThreadLocal holding the state itself would keep the pool alive for as long as the thread
   * lives (the state tracks futures, which refer to the pool), and with it the pool's shared memory.
   */
  private final java.util.Map<Thread, SubmitterState> externalStates = new java.util.WeakHashMap<>();
  /** The first outside thread to submit and its state (usually the only one: the browser page). */
  private volatile ExternalSubmitter firstExternal;
  /** Other outside threads find their state here without a lock; the weak reference keeps nothing alive. */
  private final ThreadLocal<java.lang.ref.WeakReference<SubmitterState>> externalStateRef = new ThreadLocal<>();

  private ThreadPool(Platform platform, SharedWords words, PoolLayout layout) {
    this.platform = platform;
    this.words = words;
    this.layout = layout;
    this.threadIds = layout.readThreadIds(words);
    this.queue = layout.queueKind == 0
        ? new LockFreeSharedQueue(words, layout.queueBase, layout.queueCapacity)
        : new LockedSharedQueue(words, layout.queueBase, layout.queueCapacity);
    this.freeList = new SlotFreeList(words, layout.freeListBase, layout.slotsBase, layout.slotCount);
    this.arena = new Arena(words, layout.arenaBase, layout.arenaWords);
    int[] parkIndex = new int[layout.threadCount];
    this.rings = new LocalRing[layout.threadCount];
    for (int k = 0; k < layout.threadCount; k++) {
      parkIndex[k] = layout.parkIndex(k);
      rings[k] = new LocalRing(words, layout.ringStateIndex(k), layout.ringBufferIndex(k),
          layout.ringCapacity);
    }
    this.parking = new Parking(words, layout.idleIndex(), parkIndex);
    this.runState = new RunState(words, layout.runStateIndex());
    this.futureOfSlot = platform.threadsShareOneHeap() ? new TaskFuture<?>[layout.slotCount + 1] : null;
    this.loops = new WorkerLoop[layout.threadCount];
    this.loopThreads = new Thread[layout.threadCount];
  }

  /** A pool over {@code threadIds} with {@link PoolConfig#defaults()}. */
  public static ThreadPool create(Platform platform, int... threadIds) {
    return create(platform, PoolConfig.defaults(), threadIds);
  }

  /**
   * Creates a pool over {@code threadIds} (worker ids of {@code platform}) and starts its loop on each.
   *
   * @throws IllegalArgumentException for an empty list, id 0, a duplicate, an id the platform does not
   *     know, or a thread that already serves another pool
   */
  public static ThreadPool create(Platform platform, PoolConfig config, int... threadIds) {
    validateIds(platform, threadIds);
    int queueKind = config.queueKind() == PoolConfig.QueueKind.LOCK_FREE ? 0 : 1;
    int total = new PoolLayout(0, threadIds.length, config.ringCapacity(), config.slotCount(),
        config.arenaWords(), queueKind, config.privateForks()).totalWords;
    SharedRegion region = platform.allocate(total);
    PoolLayout layout = new PoolLayout(region.base(), threadIds.length, config.ringCapacity(),
        config.slotCount(), config.arenaWords(), queueKind, config.privateForks());
    SharedWords words = region.words();
    if (queueKind == 0) {
      new LockFreeSharedQueue(words, layout.queueBase, layout.queueCapacity).initialize();
    }
    new Arena(words, layout.arenaBase, layout.arenaWords).initialize();
    layout.writeHeader(words, threadIds);
    ThreadPool pool = new ThreadPool(platform, words, layout);
    platform.startWorkers(pool, threadIds.clone());
    return pool;
  }

  /** The view of an existing pool for another thread with its own heap (a Web Worker). */
  public static ThreadPool attach(Platform platform, SharedWords words, int base) {
    return new ThreadPool(platform, words, PoolLayout.read(words, base));
  }

  private static void validateIds(Platform platform, int[] threadIds) {
    if (threadIds == null || threadIds.length == 0) {
      throw new IllegalArgumentException(
          "a thread pool needs at least one worker thread id; pass ids returned by the platform");
    }
    int[] known = platform.workerIds();
    for (int i = 0; i < threadIds.length; i++) {
      int id = threadIds[i];
      if (id == 0) {
        throw new IllegalArgumentException("thread id 0 is the main thread, which never runs pool tasks"
            + " (it must not block); pass only worker ids returned by the platform");
      }
      for (int j = 0; j < i; j++) {
        if (threadIds[j] == id) {
          throw new IllegalArgumentException("thread id " + id + " appears twice in the pool's list; "
              + "give each worker id once");
        }
      }
      boolean found = false;
      for (int k : known) {
        found |= k == id;
      }
      if (!found) {
        throw new IllegalArgumentException("unknown thread id " + id + ": the platform's worker ids are "
            + java.util.Arrays.toString(known));
      }
    }
  }

  /** Base word of this pool's region: what a worker needs to {@link #attach}. */
  public int base() {
    return layout.base;
  }

  public SharedWords words() {
    return words;
  }

  /** The pool's thread ids, in pool order. */
  public int[] threadIds() {
    return threadIds.clone();
  }

  public int threadCount() {
    return threadIds.length;
  }

  /** Position of {@code threadId} in this pool, or -1. */
  public int indexOf(int threadId) {
    for (int k = 0; k < threadIds.length; k++) {
      if (threadIds[k] == threadId) {
        return k;
      }
    }
    return -1;
  }

  // ---- submitting ----

  /** Submits a task of {@code kind} with {@code args}; see {@link ValueCodec} for the argument types. */
  @SuppressWarnings("unchecked")
  public <R> TaskFuture<R> submit(TaskKind<R> kind, Object... args) {
    return (TaskFuture<R>) enqueue(kind, args, false);
  }

  /** Submits a task whose result nobody waits for; if it throws, the error is printed to stderr. */
  public void execute(TaskKind<?> kind, Object... args) {
    enqueue(kind, args, true);
  }

  /**
   * Submits a task of {@code kind} with one {@code int} argument: the same as
   * {@code submit(kind, (Object) arg)}, without boxing or an argument array (the fork/join fast path).
   * A null {@code Integer} passed here is unboxed and throws; pass {@code (Object) null} for a null.
   */
  @SuppressWarnings("unchecked")
  public <R> TaskFuture<R> submit(TaskKind<R> kind, int arg) {
    return (TaskFuture<R>) enqueueInt(kind, arg, false);
  }

  /** {@link #execute(TaskKind, Object...)} with one {@code int} argument, without boxing. */
  public void execute(TaskKind<?> kind, int arg) {
    enqueueInt(kind, arg, true);
  }

  private TaskFuture<?> enqueue(TaskKind<?> kind, Object[] args, boolean detached) {
    requireKind(kind);
    WorkerLoop loop = currentLoop();
    if (loop == null) {
      enterFromOutside(kind);
    } else {
      admitFromPool(kind);
    }
    try {
      int argWords = argumentWords(kind, args);
      if (loop != null && loop.atNestingBound()) {
        return loop.runNow(kind, args, argWords, detached);
      }
      if (loop != null && !detached && loop.forksPrivately()) {
        ForkArgs forkArgs = new ForkArgs(argWords);
        ValueCodec.writeAll(args, forkArgs, 0);
        return loop.fork(kind, forkArgs);
      }
      SubmitterState state = loop != null ? loop.state : externalState();
      int slot = allocateSlot(state, loop, kind);
      int slotBase = freeList.wordOf(slot, 0);
      try {
        writeArgs(slotBase, args, argWords, detached ? TaskSlots.DETACHED : 0);
      } catch (RuntimeException e) {
        state.magazine.free(slot);
        throw e;
      }
      return publish(kind, loop, state, slot, slotBase, detached);
    } finally {
      if (loop == null) {
        exitFromOutside();
      }
    }
  }

  /**
   * Words the encoded arguments take. A type that cannot cross threads is an error naming the argument;
   * arguments larger than any block the arena can ever hold are refused with {@link ArenaFullException}
   * before anything is written (sizes are summed as longs: they can exceed what an int counts).
   */
  private int argumentWords(TaskKind<?> kind, Object[] args) {
    long argWords = 0;
    if (args != null) {
      for (int i = 0; i < args.length; i++) {
        try {
          argWords += ValueCodec.sizeOf(args[i]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "task '" + kind.name() + "' argument " + i + ": " + e.getMessage());
        }
        if (args[i] instanceof SharedIntArray) {
          SharedIntArray array = (SharedIntArray) args[i];
          if (!array.belongsTo(arena)) {
            throw new IllegalArgumentException("task '" + kind.name() + "' argument " + i + ": a "
                + "SharedIntArray of another pool. A shared array lives in the arena of the pool that "
                + "allocated it: allocate it with this pool's newSharedIntArray");
          }
          if (array.isFreed()) {
            throw new IllegalArgumentException("task '" + kind.name() + "' argument " + i + ": a "
                + "SharedIntArray that was freed; allocate a new one with newSharedIntArray");
          }
        }
        if (args[i] instanceof SharedFloatArray) {
          SharedFloatArray array = (SharedFloatArray) args[i];
          if (!array.belongsTo(arena)) {
            throw new IllegalArgumentException("task '" + kind.name() + "' argument " + i + ": a "
                + "SharedFloatArray of another pool. A shared array lives in the arena of the pool that "
                + "allocated it: allocate it with this pool's newSharedFloatArray");
          }
          if (array.isFreed()) {
            throw new IllegalArgumentException("task '" + kind.name() + "' argument " + i + ": a "
                + "SharedFloatArray that was freed; allocate a new one with newSharedFloatArray");
          }
        }
      }
    }
    if (argWords > TaskSlots.ARGS_INLINE_WORDS && argWords > arena.maxPayloadWords()) {
      throw tooLarge("task '" + kind.name() + "': its arguments take", argWords, "nothing was submitted");
    }
    return (int) argWords;
  }

  /** The error for a stream of {@code words} that no arena block of this pool can ever hold. */
  private ArenaFullException tooLarge(String what, long words, String consequence) {
    return new ArenaFullException(what + " " + words + " words of shared memory, more than this "
        + "pool's arena can ever hold in one block (" + arena.maxPayloadWords() + " words of "
        + arena.capacityWords() + "); " + consequence + ". Raise PoolConfig.arenaWords, or put bulk data "
        + "in a SharedIntArray (allocated once, passed as a handle).");
  }

  private TaskFuture<?> enqueueInt(TaskKind<?> kind, int arg, boolean detached) {
    requireKind(kind);
    WorkerLoop loop = currentLoop();
    if (loop == null) {
      enterFromOutside(kind);
    } else {
      admitFromPool(kind);
    }
    try {
      if (loop != null && loop.atNestingBound()) {
        return loop.runNow(kind, new Object[] {arg}, ValueCodec.INT_WORDS, detached);
      }
      if (loop != null && !detached && loop.forksPrivately()) {
        ForkArgs forkArgs = new ForkArgs(ValueCodec.INT_WORDS);
        ValueCodec.writeInt(arg, forkArgs, 0);
        return loop.fork(kind, forkArgs);
      }
      SubmitterState state = loop != null ? loop.state : externalState();
      int slot = allocateSlot(state, loop, kind);
      int slotBase = freeList.wordOf(slot, 0);
      int header = slotBase + TaskSlots.ARGS;
      // Release stores, as in writeArgs: the push in publish() publishes them.
      words.storeRelease(header, ValueCodec.INT_WORDS | (detached ? TaskSlots.DETACHED : 0));
      ValueCodec.writeInt(arg, words, header + 1);
      return publish(kind, loop, state, slot, slotBase, detached);
    } finally {
      if (loop == null) {
        exitFromOutside();
      }
    }
  }

  private static void requireKind(TaskKind<?> kind) {
    if (kind == null) {
      throw new NullPointerException("task kind is null: pass a TaskKind from TaskKind.register");
    }
  }

  /**
   * A pool thread submits: allowed until STOP (after shutdown() its forks are part of the queued work
   * that still runs). Pool threads do not enter the run state (see {@link RunState}): they do not
   * leave while they run a task.
   */
  private void admitFromPool(TaskKind<?> kind) {
    if (runState.current() == RunState.STOP) {
      throw refused(kind, RunState.STOP);
    }
  }

  /**
   * An outside thread submits: enters the run state (see {@link RunState}), or is refused when the pool
   * was shut down. Every call is matched by one {@link #exitFromOutside}, after the publication.
   */
  private void enterFromOutside(TaskKind<?> kind) {
    if (!runState.enter()) {
      exitFromOutside();
      throw refused(kind, runState.current());
    }
  }

  private void exitFromOutside() {
    if (runState.exit()) {
      // Shut down while we were in flight: pool threads that saw us in flight wait for this exit
      // before they leave (pairs with their re-check of the run-state word before sleeping).
      parking.wakeAll();
      if (words.load(layout.activeWorkersIndex()) == 0) {
        // Only when every thread was lost (workerLost): nobody is left to run or cancel our task.
        cancelQueuedTasks();
      }
    }
  }

  private PoolShutdownException refused(TaskKind<?> kind, int state) {
    if (state == RunState.STOP && words.load(layout.stoppedByLossIndex()) == 1) {
      return new PoolShutdownException("cannot submit task '" + kind.name() + "': the pool has no "
          + "threads left (its last threads stopped for good, see the platform's failure reports; "
          + "its queued tasks failed); create a new ThreadPool on live workers");
    }
    return new PoolShutdownException("cannot submit task '" + kind.name() + "': the pool was shut down"
        + " and accepts no new tasks (tasks already submitted are "
        + (state == RunState.STOP ? "cancelled" : "still run") + "); create a new ThreadPool");
  }

  /** Kind word, future, push, wake-up: the arguments are already in the slot. */
  private TaskFuture<?> publish(TaskKind<?> kind, WorkerLoop loop, SubmitterState state, int slot,
      int slotBase, boolean detached) {
    // Release: published with the arguments by the push below.
    words.storeRelease(slotBase + TaskSlots.KIND, kind.id());
    TaskFuture<?> future = null;
    if (!detached) {
      future = new TaskFuture<>(this, slot, kind);
      register(future, slot, state);
    }
    if (loop != null) {
      loop.ring.push(slot, queue, state.scratch);
    } else {
      queue.push(slot);
    }
    // The task is published; now make sure some thread will look (see Parking).
    parking.notifyWork();
    return future;
  }

  private SubmitterState externalState() {
    Thread me = Thread.currentThread();
    ExternalSubmitter first = firstExternal;
    if (first != null && first.thread == me) {
      return first.state;
    }
    java.lang.ref.WeakReference<SubmitterState> ref = externalStateRef.get();
    SubmitterState state = ref == null ? null : ref.get();
    if (state != null) {
      return state;
    }
    synchronized (externalStates) {
      state = externalStates.get(me);
      if (state == null) {
        // Outside threads on a platform whose threads may end keep no slot cache (see SlotMagazine).
        state = new SubmitterState(
            new SlotMagazine(words, freeList, platform.outsideThreadsAreLongLived()),
            layout.ringCapacity);
        externalStates.put(me, state);
      }
      if (firstExternal == null) {
        firstExternal = new ExternalSubmitter(me, state);
      }
    }
    externalStateRef.set(new java.lang.ref.WeakReference<>(state));
    return state;
  }

  /** An outside thread and its submit state (see {@link #firstExternal}). */
  private static final class ExternalSubmitter {
    final Thread thread;
    final SubmitterState state;

    ExternalSubmitter(Thread thread, SubmitterState state) {
      this.thread = thread;
      this.state = state;
    }
  }

  /** Futures the calling outside thread tracks, harvested or not (for tests). */
  int trackedFutures() {
    return externalState().trackedCount();
  }

  SubmitterState newWorkerState() {
    return new SubmitterState(new SlotMagazine(words, freeList, true), layout.ringCapacity);
  }

  private int allocateSlot(SubmitterState state, WorkerLoop loop, TaskKind<?> kind) {
    int slot = state.magazine.allocate();
    if (slot != 0) {
      return slot;
    }
    while (true) {
      int outstanding = state.reapAll();
      slot = state.magazine.allocate();
      if (slot != 0) {
        return slot;
      }
      if (loop != null) {
        // A pool thread makes room by running queued tasks (which completes and frees slots).
        if (loop.runOneTask()) {
          continue;
        }
      } else if (words.canWait()) {
        TaskFuture<?> pending = outstanding > 0 ? state.oldestPending() : null;
        if (pending != null) {
          // Our own unjoined futures hold slots: wait for the oldest, then harvest it.
          waitForCompletion(pending);
        } else {
          return freeList.awaitRelease(state.magazine, parking::wakeAll);
        }
        continue;
      }
      throw new SlotsExhaustedException("cannot submit task '" + kind.name() + "': all "
          + layout.slotCount + " task slots hold queued, running or finished-but-unjoined tasks. "
          + "Nothing was queued: submit again once a slot is free (in the browser WebFutures.whenSlotFree "
          + "calls back then; elsewhere ThreadPool.prepareSlotWait), join futures you hold, use execute() "
          + "for tasks whose result you do not need, or raise PoolConfig.slotCount");
    }
  }

  /**
   * For a thread outside the pool that may not block (the browser's main thread) after a submit threw
   * {@link SlotsExhaustedException}: returns -1 when a slot can be had now (the next submit gets it),
   * else {@code (wordIndex << 32) | value}: wait asynchronously while that word holds that value
   * (Atomics.waitAsync), then call this again. The word is either the completion word of this thread's
   * oldest unfinished task (its future is harvested, and its slot freed, by the next submit) or, when
   * this thread holds no unfinished futures, the free list's release event, which changes when other
   * threads give slots back; pool threads that cache free slots give them back before they sleep while
   * such a waiter is announced. Call {@link #endSlotWait} if you stop waiting without calling this again.
   */
  public long prepareSlotWait() {
    if (currentLoop() != null) {
      throw new IllegalStateException("a pool thread never waits for a task slot: its submits run queued "
          + "tasks until one frees");
    }
    SubmitterState state = externalState();
    endSlotWait(state);
    int outstanding = state.reapAll(); // harvesting finished futures frees their slots
    if (hasFreeSlot(state)) {
      return -1;
    }
    TaskFuture<?> pending = outstanding > 0 ? state.oldestPending() : null;
    if (pending != null) {
      int value = pending.prepareAsyncWait();
      return value == -1 ? -1 : ((long) pending.completionWordIndex() << 32) | (value & 0xFFFFFFFFL);
    }
    // Announce first, then look: pairs with pushChunk, which loads the waiter count after its push.
    int event = freeList.announceWaiter();
    state.announcedSlotWaiter = true;
    parking.wakeAll();
    if (hasFreeSlot(state)) {
      endSlotWait(state);
      return -1;
    }
    return ((long) freeList.eventWordIndex() << 32) | (event & 0xFFFFFFFFL);
  }

  /** Ends a wait that {@link #prepareSlotWait} started for the calling thread, if any. */
  public void endSlotWait() {
    endSlotWait(externalState());
  }

  private void endSlotWait(SubmitterState state) {
    if (state.announcedSlotWaiter) {
      state.announcedSlotWaiter = false;
      freeList.retractWaiter();
    }
  }

  /** Whether the thread's cache or the free list has a slot; it stays in the thread's cache. */
  private static boolean hasFreeSlot(SubmitterState state) {
    int slot = state.magazine.allocate();
    if (slot == 0) {
      return false;
    }
    state.magazine.free(slot);
    return true;
  }

  /**
   * Writes the argument stream. Release stores throughout: the push that follows (ring CAS or queue
   * publish) publishes them to whichever thread takes the task.
   */
  private void writeArgs(int slotBase, Object[] args, int argWords, int flags) {
    ValueCodec.writeAll(args, words, argsStart(slotBase, argWords, flags));
  }

  /** Writes the ARGS header for {@code argWords} words (inline or in the arena); returns where they go. */
  private int argsStart(int slotBase, int argWords, int flags) {
    int header = slotBase + TaskSlots.ARGS;
    if (argWords <= TaskSlots.ARGS_INLINE_WORDS) {
      words.storeRelease(header, argWords | flags);
      return header + 1;
    }
    int handle = arena.allocate(argWords);
    words.storeRelease(header + 1, handle);
    words.storeRelease(header, argWords | ARGS_IN_ARENA | flags);
    return handle;
  }

  /**
   * Publishes a private fork of {@code loop} (see {@link PrivateForks}): gives it a slot, copies its
   * encoded arguments there and pushes it to the loop's ring, as a submit would have. Returns false,
   * publishing nothing, when no slot or arena block is free: the caller then runs the fork itself.
   */
  boolean publishFork(WorkerLoop loop, TaskFuture<?> future, ForkArgs args) {
    SubmitterState state = loop.state;
    int slot = state.magazine.allocate();
    if (slot == 0) {
      state.reapAll();
      slot = state.magazine.allocate();
      if (slot == 0) {
        return false;
      }
    }
    int slotBase = freeList.wordOf(slot, 0);
    int length = args.length();
    try {
      int at = argsStart(slotBase, length, 0);
      for (int i = 0; i < length; i++) {
        // Release stores, as in writeArgs: the push below publishes them.
        words.storeRelease(at + i, args.load(i));
      }
    } catch (ArenaFullException e) {
      state.magazine.free(slot);
      return false;
    }
    // Release: published with the arguments by the push below.
    words.storeRelease(slotBase + TaskSlots.KIND, future.kind().id());
    // Before the push: once pushed, the task may complete on another thread, and whoever holds the
    // future must then find it through its slot.
    future.publishedAs(slot);
    register(future, slot, state);
    loop.ring.push(slot, queue, state.scratch);
    // The task is published; now make sure some thread will look (see Parking).
    parking.notifyWork();
    return true;
  }

  /** The ARGS header word of {@code slot}: argument length, arena and detached bits. */
  int argsHeader(int slot) {
    return words.load(freeList.wordOf(slot, TaskSlots.ARGS));
  }

  TaskInput argsOf(int slot, int argsHeader, String kindName) {
    int header = freeList.wordOf(slot, TaskSlots.ARGS);
    int start = (argsHeader & ARGS_IN_ARENA) != 0 ? words.load(header + 1) : header + 1;
    return new TaskInput(this, words, start, start + (argsHeader & LENGTH_MASK), kindName, "' argument");
  }

  /** Frees the argument block of {@code slot} if it lives in the arena. */
  void freeArgs(int slot, int argsHeader) {
    if ((argsHeader & ARGS_IN_ARENA) != 0) {
      arena.free(words.load(freeList.wordOf(slot, TaskSlots.ARGS) + 1));
    }
  }

  // ---- results ----

  int slotState(int slot) {
    return words.load(freeList.wordOf(slot, TaskSlots.STATE)) & TaskSlots.OUTCOME_MASK;
  }

  /**
   * Whether the thread that ends a task completes its future object itself (the pool's threads share
   * one heap). Otherwise the outcome goes through the slot and the future's owner harvests it.
   */
  boolean completesFuturesDirectly() {
    return futureOfSlot != null;
  }

  /**
   * A task with a future was just published in {@code slot} (or is about to be): where its outcome
   * will be found. On one heap the future goes into {@link #futureOfSlot} (a plain store: the push
   * that follows publishes it, with the arguments, to the thread that takes the task); else the
   * submitting thread tracks it until it is harvested.
   */
  private void register(TaskFuture<?> future, int slot, SubmitterState state) {
    if (futureOfSlot != null) {
      futureOfSlot[slot] = future;
    } else {
      state.track(future);
    }
  }

  /** On one heap: the future of the task in {@code slot}, which the caller is about to complete. */
  private TaskFuture<?> takeFuture(int slot) {
    TaskFuture<?> future = futureOfSlot[slot];
    futureOfSlot[slot] = null;
    return future;
  }

  private static long resultSize(Object value, String kindName) {
    try {
      return ValueCodec.sizeOf(value);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException("task '" + kindName + "' returned a value of type "
          + value.getClass().getName() + " that " + message.substring(message.indexOf("cannot")));
    }
  }

  /**
   * The value a joiner gets for a task whose result never went through shared words (it ran on the
   * joining thread, or on any thread of a pool on one heap): the same type check as the slot's encoding,
   * and arrays copied, as decoding would.
   */
  static Object copyResult(Object value, String kindName) {
    resultSize(value, kindName);
    if (value instanceof int[]) {
      return ((int[]) value).clone();
    }
    if (value instanceof long[]) {
      return ((long[]) value).clone();
    }
    if (value instanceof double[]) {
      return ((double[]) value).clone();
    }
    if (value instanceof float[]) {
      return ((float[]) value).clone();
    }
    if (value instanceof byte[]) {
      return ((byte[]) value).clone();
    }
    return value;
  }

  /**
   * Separate heaps only: writes a task's outcome into its slot for the owner of its future to harvest.
   * Returns the outcome to complete with: FAILED, with the encoding's error, when the value cannot be
   * written (a type that cannot cross threads, or no arena block for it). Call before the task's
   * arguments are freed and its frame record cleared, as the last step before {@link #completeTask}.
   */
  int writeOutcome(int slot, int outcome, Object value, TaskFailure failure, String kindName) {
    if (outcome == TaskSlots.DONE) {
      try {
        long size = resultSize(value, kindName);
        if (size > TaskSlots.RESULT_INLINE_WORDS && size > arena.maxPayloadWords()) {
          throw tooLarge("task '" + kindName + "': its result would take", size, "the task failed");
        }
        writeStream(slot, new Object[] {value}, (int) size);
        return outcome;
      } catch (RuntimeException e) {
        failure = TaskFailure.of(e);
        outcome = TaskSlots.FAILED;
      }
    }
    if (outcome == TaskSlots.FAILED) {
      writeFailure(slot, failure);
    } else {
      words.storeRelease(freeList.wordOf(slot, TaskSlots.RESULT), 0); // published by complete()
    }
    return outcome;
  }

  /**
   * Writes a failure into the slot's result area: class name, message and hops as a stream; without
   * the message when the arena has no block for it; and when it has none even for the class name, the
   * class name alone in the slot's own words ({@link #RESULT_CLASS_IN_SLOT}), so it always arrives.
   */
  private void writeFailure(int slot, TaskFailure failure) {
    Object[] parts = {failure.className, failure.message, failure.hops};
    try {
      writeStream(slot, parts, failureSize(parts));
      return;
    } catch (ArenaFullException e) {
      // below: without the message
    }
    parts[1] = "(message not carried: the pool's arena was full)";
    try {
      writeStream(slot, parts, failureSize(parts));
      return;
    } catch (ArenaFullException e) {
      // below: the class name in the slot itself
    }
    String name = failure.className;
    // The arguments area and the result area hold CLASS_IN_SLOT_CHARS ASCII characters (the arguments
    // were freed already); a longer name keeps its end, which holds the simple name.
    String kept = name.length() <= CLASS_IN_SLOT_CHARS ? name
        : name.substring(name.length() - CLASS_IN_SLOT_CHARS);
    int header = freeList.wordOf(slot, TaskSlots.RESULT);
    for (int w = 0; w < CLASS_IN_SLOT_CHARS / 4; w++) {
      int packed = 0;
      for (int b = 0; b < 4; b++) {
        int at = w * 4 + b;
        int c = at < kept.length() ? kept.charAt(at) : 0;
        packed |= (c < 128 ? c : '?') << (8 * b);
      }
      words.storeRelease(classInSlotWord(slot, w), packed); // published by complete()
    }
    words.storeRelease(header, RESULT_CLASS_IN_SLOT | kept.length());
  }

  /** Words of a failure stream: small, as the message is bounded (TaskFailure.MAX_MESSAGE_CHARS). */
  private static int failureSize(Object[] parts) {
    return (int) (ValueCodec.sizeOf(parts[0]) + ValueCodec.sizeOf(parts[1])) + ValueCodec.INT_WORDS;
  }

  /** Word {@code w} of a class name kept in the slot: the 7 argument words, then the 4 result words. */
  private int classInSlotWord(int slot, int w) {
    return w < TaskSlots.ARGS_INLINE_WORDS
        ? freeList.wordOf(slot, TaskSlots.ARGS + 1 + w)
        : freeList.wordOf(slot, TaskSlots.RESULT + 1 + w - TaskSlots.ARGS_INLINE_WORDS);
  }

  /** Result stream: release stores, published to the harvester by complete()'s getAndAdd. */
  private void writeStream(int slot, Object[] values, int size) {
    int header = freeList.wordOf(slot, TaskSlots.RESULT);
    int at;
    if (size <= TaskSlots.RESULT_INLINE_WORDS) {
      words.storeRelease(header, size);
      at = header + 1;
    } else {
      int handle = arena.allocate(size);
      words.storeRelease(header, size | RESULT_IN_ARENA);
      words.storeRelease(header + 1, handle);
      at = handle;
    }
    ValueCodec.writeAll(values, words, at);
  }

  private TaskInput resultReader(int slot, String kindName) {
    int header = freeList.wordOf(slot, TaskSlots.RESULT);
    int value = words.load(header);
    int start = (value & RESULT_IN_ARENA) != 0 ? words.load(header + 1) : header + 1;
    return new TaskInput(this, words, start, start + (value & RESULT_LENGTH_MASK), kindName, "' result");
  }

  Object readResult(int slot, TaskKind<?> kind) {
    TaskInput reader = resultReader(slot, kind.name());
    return reader.hasNext() ? reader.readValue() : null;
  }

  TaskFailure readFailure(int slot, TaskKind<?> kind) {
    int header = freeList.wordOf(slot, TaskSlots.RESULT);
    int value = words.load(header);
    if ((value & RESULT_THREAD_LOST) != 0) {
      int how = words.load(header + 1);
      return new TaskFailure(TaskAbandonedException.class.getName(), TaskAbandonedException.threadLostMessage(
          value & RESULT_LENGTH_MASK, (how & LOST_TERMINATED) != 0, (how & LOST_QUEUED) != 0), 0);
    }
    if ((value & RESULT_CLASS_IN_SLOT) != 0) {
      int length = value & RESULT_LENGTH_MASK;
      char[] name = new char[length];
      for (int i = 0; i < length; i++) {
        name[i] = (char) ((words.load(classInSlotWord(slot, i / 4)) >>> (8 * (i % 4))) & 0xFF);
      }
      return new TaskFailure(new String(name),
          "(message not carried: the pool's arena was full when the task failed)", 0);
    }
    TaskInput reader = resultReader(slot, kind.name());
    return new TaskFailure(reader.readString(), reader.readString(), reader.readInt());
  }

  /** Frees the slot's result block (if any) and the slot itself, into the current thread's cache. */
  void releaseSlot(int slot) {
    int header = freeList.wordOf(slot, TaskSlots.RESULT);
    if ((words.load(header) & RESULT_IN_ARENA) != 0) {
      arena.free(words.load(header + 1));
    }
    // Release: the slot's next owner sees it through the free list or magazine that hands it over.
    words.storeRelease(header, 0);
    freeSlotHere(slot);
  }

  /** See {@link SlotCompletion#markOwnerWake}: for a tracked, unharvested future of the calling thread. */
  boolean markOwnerWake(TaskFuture<?> future) {
    return !future.isHarvested()
        && SlotCompletion.markOwnerWake(words, freeList.wordOf(future.slot(), TaskSlots.STATE));
  }

  /** Whether a tracked future's task has finished, without harvesting it. */
  boolean hasFinished(TaskFuture<?> future) {
    return future.isHarvested() || slotState(future.slot()) != TaskSlots.PENDING;
  }

  /** Gives a slot back to the calling thread's cache (or, outside the pool, as that thread does). */
  private void freeSlotHere(int slot) {
    WorkerLoop loop = currentLoop();
    (loop != null ? loop.state : externalState()).magazine.free(slot);
  }

  /**
   * Ends a published task that has a future, whose outcome is ready: on one heap the future gets it
   * straight away, waiters on the slot are woken and the slot goes back to the calling thread at once;
   * with separate heaps the outcome was written into the slot ({@link #writeOutcome}) and the
   * completion is published for the future's owner to harvest. The caller must not touch the slot
   * afterwards.
   */
  void completeTask(int slot, int outcome, Object value, TaskFailure failure) {
    if (futureOfSlot == null) {
      int before = SlotCompletion.complete(words, freeList.wordOf(slot, TaskSlots.STATE), outcome);
      if ((before & TaskSlots.OWNER_WAKE) != 0) {
        // The future's owner sleeps until it can harvest this (a thread waits for a slot).
        parking.wakeAll();
      }
      return;
    }
    takeFuture(slot).completeInline(outcome, value, failure);
    SlotCompletion.handOver(words, freeList.wordOf(slot, TaskSlots.STATE));
    freeSlotHere(slot);
  }

  // ---- joining ----

  void awaitDone(TaskFuture<?> future) {
    WorkerLoop loop = currentLoop();
    if (loop != null) {
      loop.helpUntilDone(future);
      return;
    }
    if (!words.canWait()) {
      throw new IllegalStateException("join() on task '" + future.kind().name() + "' would block this "
          + "thread, which must never block (the browser's main thread): use the completion callback "
          + "or Promise instead");
    }
    while (!future.isDone()) {
      waitForCompletion(future);
    }
  }

  /**
   * As {@link #awaitDone}, for {@link TaskFuture#get()}: an interrupt of the waiting thread ends the
   * wait with InterruptedException (clearing the interrupt status); a pool thread checks between the
   * tasks it runs while it waits.
   */
  void awaitDoneInterruptibly(TaskFuture<?> future) throws InterruptedException {
    WorkerLoop loop = currentLoop();
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

  int completionWordIndex(int slot) {
    return freeList.wordOf(slot, TaskSlots.STATE);
  }

  /**
   * Sets the WAITER bit on a pending slot (as {@link SlotCompletion#await} does before it blocks) and
   * returns the state word's value with it, or -1 once the task is no longer pending.
   */
  int announceWaiter(int slot) {
    int stateIndex = freeList.wordOf(slot, TaskSlots.STATE);
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

  /**
   * Blocks until the future's task is no longer pending (or returns at once if it is not); the caller
   * looks again. Returns early, too, whenever something changed.
   */
  void waitForCompletion(TaskFuture<?> future) {
    waitForCompletion(future, false);
  }

  /** Also returns when the thread is interrupted, if {@code interruptible} (the caller looks again). */
  void waitForCompletion(TaskFuture<?> future, boolean interruptible) {
    int slot = future.slot();
    if (slot == 0) {
      waitForPrivateFork(future, interruptible);
      return;
    }
    SlotCompletion.await(words, freeList.wordOf(slot, TaskSlots.STATE), future::isHarvested, interruptible);
  }

  /**
   * Blocks until another thread's private fork is published or done, or returns at once if it is
   * already; also returns early whenever the owner's fork epoch changed (the caller looks again).
   */
  private void waitForPrivateFork(TaskFuture<?> future, boolean interruptible) {
    int epoch = announceForeignWaiter(future);
    if (epoch != -1) {
      if (interruptible) {
        words.waitWhileEqualInterruptibly(forkEpochIndex(future.owner()), epoch);
      } else {
        words.waitWhileEqual(forkEpochIndex(future.owner()), epoch, -1);
      }
    }
  }

  /**
   * For a thread that waits for another thread's private fork: marks the future as waited for and
   * returns the owner's fork epoch to wait on (while it still holds that value), or -1 when the fork
   * was published or finished meanwhile.
   */
  int announceForeignWaiter(TaskFuture<?> future) {
    int epochIndex = forkEpochIndex(future.owner());
    // Read before the mark: if the owner advances the epoch after seeing the mark, the word no longer
    // holds this value and the wait returns at once.
    int epoch = words.load(epochIndex);
    // Dekker with the owner: we store the mark (volatile), then read slot and harvested; the owner
    // stores one of those (volatile), then reads the mark. One of us sees the other.
    future.markForeignWaiter();
    return future.slot() != 0 || future.isHarvested() ? -1 : epoch;
  }

  /** The fork-epoch word of the pool thread {@code owner}. */
  int forkEpochIndex(WorkerLoop owner) {
    return layout.forkEpochIndex(owner.index());
  }

  /**
   * Owner side: a private fork that another thread waits for was published or finished (the caller
   * stored that first, then saw the waiter's mark). Changes the epoch the waiter compares against and
   * wakes it.
   */
  void signalForkEpoch(WorkerLoop owner) {
    int index = forkEpochIndex(owner);
    words.getAndAdd(index, 1);
    words.notify(index, Integer.MAX_VALUE);
  }

  /**
   * The task of {@code slot} ran on a thread that joined it, which put the outcome straight into the
   * future object ({@link TaskFuture#completeInline}, a volatile store, before this call): wake other
   * threads that wait on the slot word for the same future, then give the slot back to this thread's
   * cache. The RESULT header was never written, so it is still 0 from the slot's last release.
   */
  void completeJoinedTask(int slot, SubmitterState state) {
    SlotCompletion.handOver(words, freeList.wordOf(slot, TaskSlots.STATE));
    state.magazine.free(slot);
  }

  // ---- shared arrays ----

  /** Words in a 64-byte cache line: large shared arrays start on one (see {@link #newSharedIntArray}). */
  public static final int CACHE_LINE_WORDS = 16;
  /** Shared arrays of at least this many elements start on a cache line. */
  static final int ALIGNED_ARRAY_MIN_LENGTH = 4 * CACHE_LINE_WORDS;

  /**
   * Allocates a zeroed {@link SharedIntArray} of {@code length} in the pool's arena. An array of at
   * least 64 elements usually starts on a 64-byte cache line (in the browser; the JVM's int array
   * itself is not aligned), so threads that write disjoint ranges starting at multiples of
   * {@link #CACHE_LINE_WORDS} elements never write the same line: the path tracer's tiles of 32 pixels
   * at an arbitrary start shared every row's edge lines with the neighbouring tiles, which the other
   * worker was often rendering at the same time. Smaller arrays are not padded, nor are arrays whose
   * padding (up to 15 words) would need the next larger (twice as large) arena block.
   */
  public SharedIntArray newSharedIntArray(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative array length " + length);
    }
    int handle = length >= ALIGNED_ARRAY_MIN_LENGTH
        ? arena.allocateAlignedIfNoLarger(length, CACHE_LINE_WORDS) : arena.allocate(length);
    for (int i = 0; i < length; i++) {
      words.store(handle + i, 0);
    }
    return new SharedIntArray(words, arena, handle, length);
  }

  SharedIntArray sharedIntArrayAt(int handle, int length) {
    return new SharedIntArray(words, arena, handle, length);
  }

  /**
   * Allocates a zeroed {@link SharedFloatArray} of {@code length} in the pool's arena, placed as
   * {@link #newSharedIntArray} places an int array of that length.
   */
  public SharedFloatArray newSharedFloatArray(int length) {
    int handle = newSharedIntArray(length).handle();
    return new SharedFloatArray(words, arena, handle, length);
  }

  SharedFloatArray sharedFloatArrayAt(int handle, int length) {
    return new SharedFloatArray(words, arena, handle, length);
  }

  /** Words of the arena in use (arguments, results, shared arrays). */
  public int arenaWordsInUse() {
    return arena.wordsInUse();
  }

  // ---- worker side ----

  /**
   * Runs the scheduler loop of pool thread {@code threadId} on the calling thread until it must return
   * (see {@link LoopExit}). Called by the platform on that worker thread.
   */
  public LoopExit runWorker(int threadId) {
    int index = indexOf(threadId);
    if (index < 0) {
      throw new IllegalArgumentException("thread " + threadId + " is not in this pool");
    }
    WorkerLoop loop = loops[index];
    if (loop == null) {
      loop = new WorkerLoop(this, index, threadId);
      loops[index] = loop;
    }
    loopThreads[index] = Thread.currentThread();
    LoopExit exit = loop.run();
    if (exit == LoopExit.SHUTDOWN) {
      loopThreads[index] = null; // no longer a pool thread: its submits go to the shared queue again
    }
    return exit;
  }

  /**
   * For a platform whose threads can have their stack unwound by an error Java cannot catch (the
   * browser: a JavaScript error, such as a stack overflow's RangeError, thrown through the WebAssembly
   * frames): call on pool thread {@code threadId}, after such an error left {@link #runWorker}. Every
   * task whose body was on that stack fails with {@link TaskAbandonedException}, and the thread may
   * enter {@link #runWorker} again. Returns false, doing nothing, if the error did not come out of
   * {@code runWorker} on this thread (nothing to repair here).
   */
  public boolean abandonWorkerStack(int threadId, String cause) {
    int index = indexOf(threadId);
    WorkerLoop loop = index < 0 ? null : loops[index];
    return loop != null && loop.abandonStack(cause);
  }

  /**
   * Asks pool thread {@code threadId} to leave its loop at the next task boundary because a JS task is
   * on its way to it. Call before sending the JS task; call {@link #jsTaskDone} after running it.
   */
  public void signalJsPending(int threadId) {
    int index = requireIndex(threadId);
    // The increment is what the loop checks before every task; the wake (after it) pairs with the
    // loop's re-check of this counter before sleeping.
    words.getAndAdd(layout.jsPendingIndex(index), 1);
    parking.wake(index);
  }

  /** A JS task signalled with {@link #signalJsPending} has run; returns how many are still pending. */
  public int jsTaskDone(int threadId) {
    int before = words.getAndAdd(layout.jsPendingIndex(requireIndex(threadId)), -1);
    return (before & PoolLayout.JS_COUNT_MASK) - 1;
  }

  /** How many JS tasks signalled to {@code threadId} have not run yet. */
  public int jsPending(int threadId) {
    return words.load(layout.jsPendingIndex(requireIndex(threadId))) & PoolLayout.JS_COUNT_MASK;
  }

  private int requireIndex(int threadId) {
    int index = indexOf(threadId);
    if (index < 0) {
      throw new IllegalArgumentException("thread " + threadId + " is not in this pool; its threads are "
          + java.util.Arrays.toString(threadIds));
    }
    return index;
  }

  /**
   * The loop the calling thread runs for this pool, or null for any other thread. A scan instead of a
   * ThreadLocal (which cost about a sixth of a fork/join task): each entry of loopThreads is written
   * only by the thread it names, so a thread finds itself exactly and can never mistake another's loop
   * for its own. The array is written only when a thread starts or stops serving the pool, so the scan
   * reads a cache line nobody writes meanwhile. Pools are a few threads wide (one per core); in the
   * browser only this worker's own entry is ever set.
   */
  WorkerLoop currentLoop() {
    Thread me = Thread.currentThread();
    Thread[] threads = loopThreads;
    for (int k = 0; k < threads.length; k++) {
      if (threads[k] == me) {
        return loops[k];
      }
    }
    return null;
  }

  // ---- lost threads ----

  /**
   * Repairs the pool after pool thread {@code threadId} stopped for good while serving it (a browser
   * worker terminated, or failed outside the pool loop). Call once the thread can run no more code; the
   * browser platform does, on the page, when the worker's life lock is released.
   * <ul>
   *   <li>The tasks with a future whose bodies were on its stack (its frame records) fail with
   *       {@link TaskAbandonedException}, naming the thread; detached tasks there are only gone.
   *   <li>Tasks queued in its ring stay there for the other threads to steal; one is woken to look.
   *   <li>It is no longer woken ({@link Parking#retire}) nor counted as active, so a shutdown still
   *       terminates. If it was the last active thread, the pool stops: queued tasks fail the same way
   *       and submissions are refused.
   * </ul>
   * What a thread that stopped inside the scheduler's own short steps can still leave behind (a steal
   * half done, the arena's lock held, a task between being taken and being recorded) is listed in
   * docs/web.md. Returns how many tasks it ended (failed, or dropped when detached), or -1 when the
   * thread had already left the pool or was repaired before.
   *
   * @param terminated the thread was terminated (rather than failed with an error); goes into the
   *     failure messages
   */
  public int workerLost(int threadId, boolean terminated) {
    int index = requireIndex(threadId);
    // Against the thread's own CAS in WorkerLoop.leavePool (it may have left before it stopped) and a
    // second repair: whoever moves the word out of MEMBER takes the thread off the active count.
    if (!words.compareAndSet(layout.membershipIndex(index), PoolLayout.MEMBER, PoolLayout.LOST)) {
      return -1;
    }
    int failed = 0;
    int records = layout.frameRecordsIndex(index);
    for (int k = 0; k < PoolLayout.FRAME_RECORDS; k++) {
      // The thread cleared a record before completing its task (WorkerLoop.clearFrameRecord), so every
      // record still here is a task it never completed, and nobody else completes a running task.
      int slot = words.load(records + k);
      if (slot == 0) {
        break;
      }
      failAsLost(slot, threadId, terminated ? LOST_TERMINATED : 0);
      failed++;
    }
    parking.retire(index);
    wakeStrandedWaiters();
    int activeIndex = layout.activeWorkersIndex();
    // As in leavePool: pairs with an outside submitter's load of the count after its push.
    int before = words.getAndAdd(activeIndex, -1);
    words.notify(activeIndex, Integer.MAX_VALUE);
    if (before == 1) {
      // Nobody is left to run what is queued: stop the pool and fail it all.
      words.store(layout.stoppedByLossIndex(), 1); // for admit's message; before the STOP it explains
      if (runState.stop() != RunState.STOP) {
        signalRunStateChange(); // as shutdownNow does (nobody should be left to see it)
      }
      failed += drainQueuedTasks(slot -> {
        if ((argsHeader(slot) & TaskSlots.DETACHED) == 0) {
          failAsLost(slot, threadId, (terminated ? LOST_TERMINATED : 0) | LOST_QUEUED);
        }
      });
    }
    return failed;
  }

  /**
   * Fails a task of a lost thread. Its arguments and any result it wrote stay allocated: the thread may
   * have freed them already, and freeing takes the arena's lock, which it may have died holding.
   */
  private void failAsLost(int slot, int threadId, int how) {
    if (futureOfSlot != null) {
      completeTask(slot, TaskSlots.FAILED, null, new TaskFailure(TaskAbandonedException.class.getName(),
          TaskAbandonedException.threadLostMessage(threadId, (how & LOST_TERMINATED) != 0,
              (how & LOST_QUEUED) != 0), 0));
      return;
    }
    int header = freeList.wordOf(slot, TaskSlots.RESULT);
    // Release stores, published to the harvester by complete()'s getAndAdd (as in writeStream).
    words.storeRelease(header + 1, how);
    words.storeRelease(header, RESULT_THREAD_LOST | threadId);
    completeTask(slot, TaskSlots.FAILED, null, null);
  }

  /**
   * A lost thread may have changed a word and stopped before its notify: a thread waiting on that word
   * would sleep for ever. Notify every word a pool thread or outside thread may wait on whose value says
   * the wait is over (a waiter that was not waiting for it just looks again): park words, fork epochs,
   * the free-list event, and the state words of finished slots that a waiter announced itself on.
   */
  private void wakeStrandedWaiters() {
    for (int k = 0; k < threadIds.length; k++) {
      words.notify(layout.parkIndex(k), Integer.MAX_VALUE);
      words.notify(layout.forkEpochIndex(k), Integer.MAX_VALUE);
    }
    words.notify(freeList.eventWordIndex(), Integer.MAX_VALUE);
    for (int slot = 1; slot <= layout.slotCount; slot++) {
      int stateIndex = freeList.wordOf(slot, TaskSlots.STATE);
      int state = words.load(stateIndex);
      if ((state & TaskSlots.WAITER) != 0 && (state & TaskSlots.OUTCOME_MASK) != TaskSlots.PENDING) {
        words.notify(stateIndex, Integer.MAX_VALUE);
      }
    }
  }

  // ---- shutdown ----

  /** Accepts no more tasks from outside the pool; queued tasks still run. Does not block. */
  public void shutdown() {
    if (runState.shutdown()) {
      signalRunStateChange();
    }
  }

  /**
   * Accepts no more tasks and cancels every queued task that has not started (their futures throw
   * CancellationException); running tasks finish. Returns how many tasks this call cancelled;
   * private forks of running tasks (see PrivateForks) are not counted: their thread cancels them when
   * it reaches them.
   */
  public int shutdownNow() {
    if (runState.stop() != RunState.STOP) {
      signalRunStateChange();
    }
    return cancelQueuedTasks();
  }

  /**
   * Tells every pool thread that the run state changed: the flag in its signal word is what its loop
   * checks before every task and before sleeping (after the run-state store, so a thread that sees
   * the flag sees the new state), and the wake reaches a sleeping one.
   */
  private void signalRunStateChange() {
    for (int k = 0; k < threadIds.length; k++) {
      words.getAndAdd(layout.jsPendingIndex(k), PoolLayout.RUN_STATE_CHANGED);
      parking.wake(k);
    }
  }

  int cancelQueuedTasks() {
    return drainQueuedTasks(this::cancel);
  }

  /** Takes every queued task off the shared queue and the rings and ends it with {@code end}. */
  private int drainQueuedTasks(java.util.function.IntConsumer end) {
    int drained = 0;
    while (true) {
      int task = queue.pop();
      if (task == SharedQueue.BUSY || task == SharedQueue.EMPTY) {
        break; // a BUSY producer re-checks after its push and cancels for itself
      }
      end.accept(task);
      drained++;
    }
    int[] batch = new int[layout.ringCapacity];
    for (LocalRing ring : rings) {
      int n;
      while ((n = ring.stealInto(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          end.accept(batch[i]);
        }
        drained += n;
      }
    }
    return drained;
  }

  void cancel(int slot) {
    int argsHeader = argsHeader(slot);
    freeArgs(slot, argsHeader);
    if ((argsHeader & TaskSlots.DETACHED) != 0) {
      freeSlotHere(slot);
      return; // nobody holds a future: nothing to complete
    }
    if (futureOfSlot == null) {
      words.storeRelease(freeList.wordOf(slot, TaskSlots.RESULT), 0); // published by the completion
    }
    completeTask(slot, TaskSlots.CANCELLED, null, null);
  }

  public boolean isShutdown() {
    return runState.current() != RunState.RUNNING;
  }

  /** True once shut down and every pool thread has left the pool. */
  public boolean isTerminated() {
    return isShutdown() && words.load(layout.activeWorkersIndex()) == 0;
  }

  /**
   * Index of the shared word counting pool threads that have not left the pool: each leaving thread
   * decrements it and notifies it, so a thread that may not block can wait for termination
   * asynchronously on it (while {@link #isTerminated()} is false).
   */
  public int terminationWordIndex() {
    return layout.activeWorkersIndex();
  }

  /** Blocks until terminated or the timeout elapses; returns whether terminated. */
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    int index = layout.activeWorkersIndex();
    while (true) {
      int active = words.load(index);
      if (active == 0 && isShutdown()) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      words.waitWhileEqual(index, active, left);
    }
  }

  void reportDetachedFailure(String kindName, int threadId, TaskFailure failure) {
    System.err.println("webthreads: task '" + kindName + "' submitted with execute() failed on thread "
        + threadId + ": " + failure.className + (failure.message == null ? "" : ": " + failure.message));
  }
}
