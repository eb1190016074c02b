package org.webthreads;

import org.webthreads.memory.CacheLinePadding;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.Parking;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.SharedQueue;
import org.webthreads.scheduler.TaskSlots;

/**
 * The scheduler loop of one pool thread. Before every task it checks the thread's JS-pending counter
 * and returns when it is above zero (JS tasks have priority over queued pure tasks). Otherwise it runs
 * a task from its own ring, else from the shared queue, else one stolen from another thread's ring;
 * with nothing anywhere it parks (see {@link Parking}). It also serves joins on this thread: a join
 * runs other tasks until the joined one is done.
 */
final class WorkerLoop extends WorkerLoopFields {
  private final ThreadPool pool;
  private final SharedWords words;
  private final int index;
  private final int threadId;
  final LocalRing ring;
  final SubmitterState state;
  /** Forks of task bodies on this thread that no other thread can see yet. */
  private final PrivateForks forks = new PrivateForks();
  private final int signalIndex;
  private final RunState runState;
  /** The pool's configuration keeps forks private at first (PoolConfig.withPrivateForks). */
  private final boolean privateForks;
  // Trailing padding (see CacheLinePadding): laid out right after the hot fields of the superclass.
  long q01, q02, q03, q04, q05, q06, q07, q08;
  long q09, q10, q11, q12, q13, q14, q15, q16;
  /** Argument streams of tasks run at once because {@link #depth} reached the bound. */
  private final PrivateWords inlineArgs = new PrivateWords();
  /**
   * The published tasks whose bodies are on this thread's stack, innermost last: their slots, and for
   * a joined task run here ({@link #runJoined}) its future (null for {@link #runTask}). Plain fields
   * of this thread; read only by {@link #abandonStack}. Private forks need no entry: their futures are
   * held by bodies on the same stack, which fail with it.
   */
  private int[] frameSlots = new int[16];
  private TaskFuture<?>[] frameFutures = new TaskFuture<?>[16];
  private int frameCount;
  /**
   * The same stack as seen from other threads, for the tasks that have a future (detached tasks have
   * nobody to tell): records in shared memory that a thread repairing the pool after this one stopped
   * for good reads ({@link ThreadPool#workerLost}). {@link #recordedFrames} counts them, including any
   * beyond the {@link PoolLayout#FRAME_RECORDS} that have room.
   */
  private final int frameRecords;
  private int recordedFrames;
  /** Inside {@link #run}: set on entry, cleared on a normal return. */
  private boolean inRun;
  /** How {@link #runBody} hands a result on: dropped (detached task), copied into a future, or encoded. */
  private static final int RESULT_DROPPED = 0;
  private static final int RESULT_COPIED = 1;
  private static final int RESULT_ENCODED = 2;

  WorkerLoop(ThreadPool pool, int index, int threadId) {
    this.pool = pool;
    this.words = pool.words;
    this.index = index;
    this.threadId = threadId;
    this.ring = pool.rings[index];
    this.state = pool.newWorkerState();
    this.signalIndex = pool.layout.jsPendingIndex(index);
    this.runState = pool.runState;
    this.privateForks = pool.layout.privateForks;
    this.frameRecords = pool.layout.frameRecordsIndex(index);
    this.random = 0x9E3779B9 * (threadId + 1);
  }

  LoopExit run() {
    inRun = true;
    LoopExit exit = serve();
    inRun = false;
    return exit;
  }

  /**
   * Recovers this thread after an error Java cannot catch (in the browser a JavaScript error, such
   * as the RangeError of a stack overflow) unwound its stack from inside {@link #run}: every published
   * task whose body was on the stack fails with {@link TaskAbandonedException} (its future completes,
   * its slot and arguments go back), private forks left on the stack fail too, and the loop's own state
   * is reset, so that {@link #run} may be entered again. Returns false, doing nothing, when the
   * unwinding did not start inside {@link #run} or no published task was on the stack: then nothing
   * would fail, and entering again could meet the same error forever (each recovery fails at least one
   * task, which never runs again).
   *
   * <p>What it cannot repair: an error thrown inside the scheduler's own short steps (between a task
   * body's end and its completion, or inside a queue or arena operation) may leave that step undone;
   * that needs the stack to be exhausted at that very point, deep recursion being in task bodies.
   */
  boolean abandonStack(String cause) {
    if (!inRun || frameCount == 0) {
      return false;
    }
    TaskFailure failure = TaskFailure.of(new TaskAbandonedException(threadId, cause));
    // The shared frame records first, all of them: the error may have struck between a frame's push
    // and its record, or between its record's clearing and its pop, so the two counts may differ here.
    for (int k = 0; k < PoolLayout.FRAME_RECORDS; k++) {
      words.storeRelease(frameRecords + k, 0);
    }
    recordedFrames = 0;
    for (int i = frameCount - 1; i >= 0; i--) {
      int slot = frameSlots[i];
      TaskFuture<?> joined = frameFutures[i];
      frameFutures[i] = null;
      int argsHeader = pool.argsHeader(slot);
      if (joined != null) {
        if (!joined.isDone()) {
          joined.completeInline(TaskSlots.FAILED, null, failure);
        }
        endJoinedTask(slot, argsHeader);
      } else {
        bodyValue = null;
        bodyFailure = failure;
        endTask(slot, argsHeader, (argsHeader & TaskSlots.DETACHED) != 0, TaskSlots.FAILED,
            kindName(words.load(pool.freeList.wordOf(slot, TaskSlots.KIND))));
      }
    }
    frameCount = 0;
    TaskFuture<?>[] orphans = forks.takeAll();
    for (int i = 0; orphans != null && i < orphans.length; i++) {
      if (!orphans[i].isDone()) {
        orphans[i].takeForkArgs();
        orphans[i].completeInline(TaskSlots.FAILED, null, failure);
        if (orphans[i].hasForeignWaiter()) {
          pool.signalForkEpoch(this);
        }
      }
    }
    inlineArgs.popTo(0);
    depth = 0;
    inRun = false;
    return true;
  }

  private void pushFrame(int slot, TaskFuture<?> joined) {
    if (frameCount == frameSlots.length) {
      frameSlots = java.util.Arrays.copyOf(frameSlots, frameCount * 2);
      frameFutures = java.util.Arrays.copyOf(frameFutures, frameCount * 2);
    }
    frameSlots[frameCount] = slot;
    frameFutures[frameCount] = joined;
    frameCount++;
  }

  private void popFrame() {
    frameFutures[--frameCount] = null;
  }

  /** Records a task with a future whose body starts on this thread (see {@link #frameRecords}). */
  private void recordFrame(int slot) {
    if (recordedFrames < PoolLayout.FRAME_RECORDS) {
      // Release is enough: read by ThreadPool.workerLost only after this thread is gone; the next
      // record is 0 already.
      words.storeRelease(frameRecords + recordedFrames, slot);
    }
    recordedFrames++;
  }

  /**
   * The recorded task is about to be completed: the record goes first, so that a thread repairing the
   * pool never fails a task this thread completed (whose slot may already run another task). A thread
   * stopped between the two steps leaves that one task pending. (After {@link #abandonStack} cleared
   * every record, its own ending of the frames finds the count at 0 and stores nothing.)
   */
  private void clearFrameRecord() {
    if (recordedFrames == 0) {
      return;
    }
    if (--recordedFrames < PoolLayout.FRAME_RECORDS) {
      // Ordered before the completion by its getAndAdd (a release and an acquire).
      words.storeRelease(frameRecords + recordedFrames, 0);
    }
  }

  private LoopExit serve() {
    while (true) {
      // One load per task covers JS tasks (they preempt at the next task boundary; pairs with
      // signalJsPending) and run-state changes (pairs with ThreadPool.signalRunStateChange).
      int signal = words.load(signalIndex);
      int runWord = 0;
      if (signal != 0) {
        if ((signal & PoolLayout.JS_COUNT_MASK) != 0) {
          stopSearching();
          return LoopExit.JS_PENDING;
        }
        // Before looking for tasks: with no submitter in flight here, every task accepted from
        // outside is already published (see RunState).
        runWord = runState.load();
        stopping = RunState.state(runWord) == RunState.STOP;
      }
      int task = findTask();
      if (task != 0) {
        stopSearching();
        runTask(task);
        continue;
      }
      if (signal != 0 && RunState.mayLeave(runWord)) {
        // Shut down (the flag is only ever set with the run state), no outside submit in flight, and
        // nothing left to run here.
        stopSearching();
        leavePool();
        return LoopExit.SHUTDOWN;
      }
      boolean watching = false;
      if (pool.freeList.hasWaiters()) {
        // A thread waits for a slot: give back what we cache and, where futures are harvested
        // (separate heaps), what our finished futures hold; the unfinished ones wake us when they end.
        watching = state.watchPending(pool) > 0;
        state.magazine.flush();
      }
      pool.parking.prepareSleep(index, searching);
      searching = false;
      // The re-check of the Parking protocol: everything that could have been published before a
      // waker read the idle word (tasks; JS tasks and shutdown, both in the signal word; a slot
      // waiter, who wakes us after announcing itself). Once shut down, the signal word stays non-zero:
      // then JS tasks, and the run-state word against what we saw (an outside submitter in flight
      // that has since left wakes us after its exit, see ThreadPool.exitFromOutside).
      int recheck = words.load(signalIndex);
      if ((signal == 0 ? recheck != 0
              : (recheck & PoolLayout.JS_COUNT_MASK) != 0 || runState.load() != runWord)
          || hasStealableWork()
          || (pool.freeList.hasWaiters() && state.magazine.cachedCount() > 0)
          || (watching && state.anyFinished(pool))) {
        searching = pool.parking.cancelSleep(index);
        continue;
      }
      searching = pool.parking.sleep(index);
    }
  }

  private void stopSearching() {
    if (searching) {
      searching = false;
      pool.parking.foundWork();
    }
  }

  /** Own ring (newest first), then the shared queue (oldest first), then steal half of a ring. */
  private int findTask() {
    int task = ring.pop();
    if (task != 0) {
      return task;
    }
    task = pool.queue.pop();
    if (task > 0) {
      return task;
    }
    queueBusy = task == SharedQueue.BUSY;
    return steal();
  }

  private int steal() {
    LocalRing[] rings = pool.rings;
    int count = rings.length;
    if (count == 1) {
      return 0;
    }
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    int start = (random >>> 1) % count;
    for (int i = 0; i < count; i++) {
      int victim = start + i < count ? start + i : start + i - count;
      if (victim == index) {
        continue;
      }
      int task = rings[victim].stealInto(ring);
      if (task != 0) {
        if (ring.size() > 0) {
          // We now hold stealable tasks: let a sleeper come for them.
          pool.parking.notifyWork();
        }
        return task;
      }
    }
    return 0;
  }

  /** Tasks some thread could take right now (read-only; used by the re-check before sleeping). */
  private boolean hasStealableWork() {
    if (ring.size() > 0 || !pool.queue.isEmpty()) {
      return true;
    }
    for (LocalRing other : pool.rings) {
      if (other != ring && other.size() > 0) {
        return true;
      }
    }
    return false;
  }

  /** Runs one task if any can be found; used while waiting for a slot. */
  boolean runOneTask() {
    int task = findTask();
    if (task == 0) {
      return false;
    }
    runTask(task);
    return true;
  }

  int index() {
    return index;
  }

  /**
   * Runs other tasks until {@code future} is done; parks on its slot only when nothing is runnable.
   * The caller has just seen it not done, so the first look goes to our private forks and queues
   * (usually finding the joined task itself on top) rather than to the slot again.
   */
  void helpUntilDone(TaskFuture<?> future) {
    help(future, false);
  }

  /** As {@link #helpUntilDone}, but an interrupt of this thread ends the wait (for TaskFuture.get). */
  void helpUntilDoneInterruptibly(TaskFuture<?> future) throws InterruptedException {
    if (!help(future, true)) {
      throw new InterruptedException("interrupted while waiting for task '" + future.kind().name() + "'");
    }
  }

  /** Returns true once the future is done, false when {@code interruptible} and the thread was interrupted. */
  private boolean help(TaskFuture<?> future, boolean interruptible) {
    do {
      if (interruptible && Thread.interrupted()) {
        return false;
      }
      // Private forks first: they are newer than anything in our ring, and the joined task itself is
      // usually the newest of them. Running them here also means a thread never waits while it holds
      // private forks that another thread might need.
      if (forks.size() > 1 && ring.size() == 0) {
        // As in fork(): keep one task stealable while we work through the rest (the newest stays
        // ours), so that a body that forks many children and then joins them shares them out.
        publishOrRun(forks.takeOldest());
      }
      TaskFuture<?> newest = forks.pop();
      if (newest != null) {
        runPrivate(newest);
        continue;
      }
      int joined = future.slot();
      int task = findTask();
      // The joined task itself (usually our own child, popped back off our ring). Its slot id is
      // its own while the future is not harvested: a slot is freed only after harvested is set, so
      // reading false after taking the id means the id was not reused.
      if (task == joined && task != 0 && !stopping && !future.isHarvested()) {
        runJoined(future, task);
        return true;
      }
      if (task != 0) {
        runTask(task);
      } else if (!queueBusy) {
        pool.waitForCompletion(future, interruptible);
      }
      // Else a producer has claimed the queue's head cell and not yet published it; the task we join
      // may sit behind it. Look again rather than sleep: the producer's wake-up after publishing
      // (notifyWork) reaches parked threads only, never a thread waiting in a join. The wait lasts
      // as long as the producer takes between its claim and its publish (two stores).
    } while (!future.isDone());
    return true;
  }

  /**
   * Whether a task forked on this thread now must run at once, inside the fork, instead of being
   * queued: {@link ThreadPool#MAX_NESTED_TASKS} task bodies are already on this thread's stack. See
   * docs/scheduler.md, "Bounded nesting".
   */
  boolean atNestingBound() {
    return depth >= ThreadPool.MAX_NESTED_TASKS;
  }

  /**
   * Whether a task forked (for a result) on this thread now stays private (see {@link PrivateForks}):
   * only inside a task body, whose end publishes what it left unjoined. (No body runs once the loop
   * has seen STOP: it cancels instead, so the loop's stopping flag needs no look here.)
   */
  boolean forksPrivately() {
    return depth > 0 && privateForks;
  }

  /** Forks a task privately (see {@link PrivateForks}); returns its future. */
  TaskFuture<?> fork(TaskKind<?> kind, ForkArgs args) {
    if (forks.isFull()) {
      publishOrRun(forks.takeOldest());
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    TaskFuture<?> future = new TaskFuture(pool, kind, this, args);
    forks.push(future);
    // Keep one task of ours where thieves can take it: with our ring empty, publish the oldest private
    // fork (usually the largest piece of work left). One load of our own ring's state word; a stealer
    // that empties the ring right after it is seen non-empty makes the next fork publish.
    if (ring.size() == 0) {
      publishOrRun(forks.takeOldest());
    }
    return future;
  }

  /**
   * Publishes a private fork (taken off the stack), or runs it here when no slot or arena block is free
   * for it. Only this one fork is off the stack meanwhile, so nothing else is hidden while it runs.
   */
  private void publishOrRun(TaskFuture<?> future) {
    if (!publish(future)) {
      runPrivate(future);
    }
  }

  private boolean publish(TaskFuture<?> future) {
    if (!pool.publishFork(this, future, future.forkArgs())) {
      return false;
    }
    future.takeForkArgs();
    if (future.hasForeignWaiter()) {
      pool.signalForkEpoch(this); // after publishedAs' volatile store: see TaskFuture
    }
    return true;
  }

  /**
   * Publishes the forks a task body left unjoined (pushed since {@code mark}); those that find no slot
   * go back on the stack (they stay private, for the enclosing body or a join to run, or are run here
   * when no body encloses this one), so that no fork is ever off the stack and unpublished while this
   * thread runs something else.
   */
  private void publishLeftovers(int mark) {
    if (forks.top() - mark <= 0) {
      return; // the common case: the body joined everything it forked
    }
    TaskFuture<?>[] leftovers = forks.takeAbove(mark);
    for (int i = 0; leftovers != null && i < leftovers.length; i++) {
      if (!publish(leftovers[i])) {
        forks.push(leftovers[i]); // room: takeAbove just removed at least this many
      }
    }
    if (depth == 0) {
      // Back in the loop (or in JS-task code) no enclosing body will join what went back on the
      // stack: run it now, one at a time, the rest staying on the stack meanwhile.
      TaskFuture<?> kept;
      while ((kept = forks.pop()) != null) {
        runPrivate(kept);
      }
    }
  }

  private void runPrivate(TaskFuture<?> future) {
    runPrivate(future, future.takeForkArgs());
  }

  /**
   * Runs a private fork here (a join found it on top of our private forks, or it could not be
   * published) and hands its Java result straight to the future, as {@link #runJoined} does.
   */
  private void runPrivate(TaskFuture<?> future, ForkArgs args) {
    // After shutdownNow queued tasks are cancelled, and so is this one (a null input). The loop's
    // stopping flag is refreshed only between tasks, so look at the run state itself: one load.
    boolean stop = runState.current() == RunState.STOP;
    runInline(future, stop ? null
        : new TaskInput(pool, args, 0, args.length(), future.kind().name(), "' argument"));
    if (future.hasForeignWaiter()) {
      pool.signalForkEpoch(this); // after completeInline's volatile store: see TaskFuture
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
    int at = org.webthreads.codec.ValueCodec.writeAll(args, inlineArgs, start);
    TaskInput input = new TaskInput(pool, inlineArgs, start, at, kind.name(), "' argument");
    int outcome = runBody(kind, input, detached ? RESULT_DROPPED : RESULT_COPIED);
    inlineArgs.popTo(start);
    if (detached) {
      if (outcome == TaskSlots.FAILED) {
        pool.reportDetachedFailure(kind.name(), threadId, bodyFailure);
      }
      return null;
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    TaskFuture<?> future = new TaskFuture(pool, 0, kind);
    future.completeInline(outcome, bodyValue, bodyFailure);
    return future;
  }

  /**
   * Runs the task a join waits for on the joining thread and hands its Java result straight to the
   * future: no result encoding, no completion RMW, no harvest (the fork/join fast path).
   */
  private void runJoined(TaskFuture<?> future, int slot) {
    int argsHeader = pool.argsHeader(slot);
    TaskInput input = pool.argsOf(slot, argsHeader, future.kind().name());
    pushFrame(slot, future);
    runInline(future, input);
    popFrame();
    endJoinedTask(slot, argsHeader);
  }

  /** Ends a task run by {@link #runJoined}, whose future holds its outcome already. */
  private void endJoinedTask(int slot, int argsHeader) {
    // The slot stays ours until completeJoinedTask gives it back.
    pool.freeArgs(slot, argsHeader);
    pool.completeJoinedTask(slot, state);
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

  /** A published task taken from a ring or the shared queue: run (or cancel) it and end it. */
  void runTask(int slot) {
    int argsHeader = pool.argsHeader(slot);
    if (stopping) {
      pool.cancel(slot);
      return;
    }
    boolean detached = (argsHeader & TaskSlots.DETACHED) != 0;
    int kindId = words.load(pool.freeList.wordOf(slot, TaskSlots.KIND));
    TaskKind<?> kind = TaskRegistry.lookup(kindId);
    pushFrame(slot, null);
    if (!detached) {
      recordFrame(slot);
    }
    int outcome;
    if (kind == null) {
      outcome = TaskSlots.FAILED;
      bodyValue = null;
      bodyFailure = TaskFailure.of(new UnknownTaskKindException(kindId, threadId));
    } else {
      outcome = runBody(kind, pool.argsOf(slot, argsHeader, kind.name()), detached ? RESULT_DROPPED
          : pool.completesFuturesDirectly() ? RESULT_COPIED : RESULT_ENCODED);
    }
    popFrame();
    endTask(slot, argsHeader, detached, outcome, kind != null ? kind.name() : unknownKindName(kindId));
  }

  /**
   * Runs a task body: the one place where a body's outcome is captured, for every way a task runs.
   * Returns DONE, FAILED or CANCELLED, and leaves the value ({@code resultUse}) and the failure in
   * {@link #bodyValue} and {@link #bodyFailure} for the caller to read at once. Forks the body left
   * unjoined are published afterwards (see {@link PrivateForks}); the thread's interrupt status, which
   * belongs to the task that ran, is cleared.
   */
  private int runBody(TaskKind<?> kind, TaskInput input, int resultUse) {
    int mark = forks.top();
    int outcome;
    Object value = null;
    TaskFailure failure = null;
    if (depth == 0) {
      // An interrupt that came while the thread ran no task (it was idle in the loop) is no one's.
      Thread.interrupted();
    }
    depth++;
    try {
      Object result = kind.body().run(input, pool);
      if (resultUse == RESULT_COPIED) {
        value = ThreadPool.copyResult(result, kind.name());
      } else if (resultUse == RESULT_ENCODED) {
        value = result; // checked and encoded by ThreadPool.writeOutcome
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
      // The interrupt status belongs to the tasks on this thread's stack: a task that restored its
      // flag (or was interrupted from outside) must not hand it to the next task, whose first sleep
      // would fail at once. Nested tasks (run by a join) leave it for the task that joined.
      Thread.interrupted();
    }
    publishLeftovers(mark); // may run other bodies: our outcome goes into the fields after it
    bodyValue = value;
    bodyFailure = failure;
    return outcome;
  }

  private static String kindName(int kindId) {
    TaskKind<?> kind = TaskRegistry.lookup(kindId);
    return kind == null ? unknownKindName(kindId) : kind.name();
  }

  private static String unknownKindName(int kindId) {
    return "#" + Integer.toHexString(kindId);
  }

  /**
   * Ends a task run by {@link #runTask} with the outcome and the {@link #bodyValue} and
   * {@link #bodyFailure} it left: a detached task's failure goes to the pool's report and its slot back
   * to this thread; for a task with a future, its arguments go back, its frame record is cleared and its
   * outcome published ({@link ThreadPool#completeTask}).
   */
  private void endTask(int slot, int argsHeader, boolean detached, int outcome, String kindName) {
    Object value = bodyValue;
    TaskFailure failure = bodyFailure;
    bodyValue = null;
    bodyFailure = null;
    // The arguments first: a failure may need the arena's room, and the slot's argument words.
    pool.freeArgs(slot, argsHeader);
    if (detached) {
      if (outcome == TaskSlots.FAILED) {
        pool.reportDetachedFailure(kindName, threadId, failure);
      }
      state.magazine.free(slot); // nobody waits on a detached task: no completion to publish
      return;
    }
    if (!pool.completesFuturesDirectly()) {
      outcome = pool.writeOutcome(slot, outcome, value, failure, kindName);
    }
    clearFrameRecord();
    pool.completeTask(slot, outcome, value, failure);
  }

  private boolean isCancellation(Throwable failure) {
    return failure instanceof java.util.concurrent.CancellationException
        || (failure instanceof PoolShutdownException
            && runState.current() == RunState.STOP);
  }

  /** Leaves the pool for good (shutdown): cancel what is left in our ring if stopping, give back slots. */
  private void leavePool() {
    if (stopping) {
      int task;
      while ((task = ring.pop()) != 0) {
        pool.cancel(task);
      }
    }
    state.reapAll();
    state.magazine.flush();
    // Decides, against ThreadPool.workerLost on another thread, who takes this thread off the active
    // count: whoever moves the membership word out of MEMBER.
    if (!words.compareAndSet(pool.layout.membershipIndex(index), PoolLayout.MEMBER, PoolLayout.LEFT)) {
      return;
    }
    int activeIndex = pool.layout.activeWorkersIndex();
    // Nothing is left to cancel: we leave only with no outside submit in flight and no task to be
    // found (see RunState), and the threads still in the pool run (or cancel) what they push. The
    // decrement and notify are for awaitTermination and for WebFutures' asynchronous wait.
    words.getAndAdd(activeIndex, -1);
    words.notify(activeIndex, Integer.MAX_VALUE);
  }
}

/** The fields a {@link WorkerLoop} changes as it runs tasks, between cache-line padding. */
abstract class WorkerLoopFields extends CacheLinePadding {
  boolean searching;
  /** The pool is in STOP: queued tasks are cancelled instead of run. */
  boolean stopping;
  /** The last WorkerLoop.findTask that found nothing saw the shared queue's head claimed but unpublished. */
  boolean queueBusy;
  int random;
  /** Task bodies on this thread's stack right now: 0 in the loop, 1 in a task, more in joins. */
  int depth;
  /**
   * The value and failure of the task body that WorkerLoop.runBody ran last; read by its caller at
   * once. Written for every task, so kept here between the padding.
   */
  Object bodyValue;
  TaskFailure bodyFailure;
}
