package org.webthreads;

import org.webthreads.memory.CacheLinePadding;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.Parking;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.SharedQueue;

/**
 * The scheduler loop of one pool thread: finding, stealing and parking. Before every task it checks the
 * thread's signal word and returns when a yield is requested (the browser's JS tasks have priority
 * over queued pure tasks); otherwise it runs a task from its own ring, else from the shared queue, else
 * one stolen from another thread's ring; with nothing anywhere it parks (see {@link Parking}). It also
 * serves joins on this thread: a join runs other tasks until the joined one is done.
 *
 * <p>Its parts: {@link TaskRunner} (running and ending tasks), {@link ForkPublisher} (private forks),
 * {@link StackRecords} (what is on this thread's stack, for recovery), and the thread's
 * {@link SubmitterState} (slot cache and futures).
 */
final class WorkerLoop extends WorkerLoopFields {
  private final Pool pool;
  private final SharedWords words;
  private final int index;
  private final int threadId;
  final LocalRing ring;
  final SubmitterState state;
  final TaskRunner runner;
  final ForkPublisher forks;
  final StackRecords records;
  private final int signalIndex;
  private final RunState runState;
  /** Where this thread publishes its statistics, or -1 on one heap (readers read the fields). */
  private final int statisticsIndex;
  // Trailing padding (see CacheLinePadding): laid out right after the hot fields of the superclass.
  long q01, q02, q03, q04, q05, q06, q07, q08;
  long q09, q10, q11, q12, q13, q14, q15, q16;
  /** Inside {@link #run}: set on entry, cleared on a normal return. */
  private boolean inRun;
  /** The thread running this loop while it serves the pool (set and cleared by PoolThreads). */
  Thread thread;

  WorkerLoop(Pool pool, int index, int threadId) {
    PoolShared shared = pool.shared;
    this.pool = pool;
    this.words = shared.words;
    this.index = index;
    this.threadId = threadId;
    this.ring = shared.rings[index];
    this.state = new SubmitterState(
        new org.webthreads.scheduler.SlotMagazine(words, shared.freeList, true), shared.layout.ringCapacity);
    this.signalIndex = shared.layout.signalIndex(index);
    this.runState = shared.runState;
    this.statisticsIndex = pool.completeFuturesDirectly ? -1 : shared.layout.statisticsIndex(index);
    this.random = 0x9E3779B9 * (threadId + 1);
    this.runner = new TaskRunner(pool, this);
    this.forks = new ForkPublisher(pool, this, runner);
    this.records = new StackRecords(pool, this);
    runner.bind(forks, records);
  }

  int index() {
    return index;
  }

  int threadId() {
    return threadId;
  }

  LoopExit run() {
    inRun = true;
    LoopExit exit = serve();
    inRun = false;
    return exit;
  }

  /**
   * Recovers this thread after an error Java cannot catch unwound its stack from inside {@link #run}
   * (see {@link StackRecords#abandon}). Returns false, doing nothing, when the unwinding did not start
   * inside {@link #run} or no published task was on the stack: then nothing would fail, and entering
   * again could meet the same error forever (each recovery fails at least one task, which never runs
   * again).
   *
   * <p>What it cannot repair: an error thrown inside the scheduler's own short steps (between a task
   * body's end and its completion, or inside a queue or arena operation) may leave that step undone;
   * that needs the stack to be exhausted at that very point, deep recursion being in task bodies.
   */
  boolean abandonStack(String cause) {
    if (!inRun || records.isEmpty()) {
      return false;
    }
    records.abandon(threadId, cause);
    inRun = false;
    return true;
  }

  private LoopExit serve() {
    while (true) {
      // One load per task covers yield requests (they preempt at the next task boundary; pairs with
      // PoolControl.requestYield) and run-state changes (pairs with Shutdown.signalRunStateChange).
      int signal = words.load(signalIndex);
      int runWord = 0;
      if (signal != 0) {
        if ((signal & PoolLayout.YIELD_COUNT_MASK) != 0) {
          stopSearching();
          return LoopExit.YIELD;
        }
        if ((signal & PoolLayout.STATISTICS_REQUESTED) != 0) {
          publishStatistics();
          // Clears the request that PoolStatistics.requestPublish set by a CAS; after the publish, so a
          // reader who sees the bit clear finds the counts of this moment or later.
          words.getAndAdd(signalIndex, -PoolLayout.STATISTICS_REQUESTED);
        }
        // Before looking for tasks: with no submitter in flight here, every task accepted from
        // outside is already published (see RunState).
        runWord = runState.load();
        stopping = RunState.state(runWord) == RunState.STOP;
      }
      int task = findTask();
      if (task != 0) {
        stopSearching();
        runner.runTask(task);
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
      if (pool.shared.freeList.hasWaiters()) {
        // A thread waits for a slot: give back what we cache and, where futures are harvested
        // (separate heaps), what our finished futures hold; the unfinished ones wake us when they end.
        watching = state.watchPending(pool.outcomes) > 0;
        state.magazine.flush();
      }
      Parking parking = pool.shared.parking;
      parking.prepareSleep(index, searching);
      searching = false;
      // The re-check of the Parking protocol: everything that could have been published before a
      // waker read the idle word (tasks; yield requests and shutdown, both in the signal word; a slot
      // waiter, who wakes us after announcing itself). Once shut down, the signal word stays non-zero:
      // then yield requests, and the run-state word against what we saw (an outside submitter in
      // flight that has since left wakes us after its exit, see Submission.exitFromOutside).
      int recheck = words.load(signalIndex);
      if ((signal == 0 ? recheck != 0
              : (recheck & PoolLayout.YIELD_COUNT_MASK) != 0 || runState.load() != runWord)
          || hasStealableWork()
          || (pool.shared.freeList.hasWaiters() && state.magazine.cachedCount() > 0)
          || (watching && state.anyFinished(pool.outcomes))) {
        searching = parking.cancelSleep(index);
        continue;
      }
      timesParked++;
      publishStatistics();
      searching = parking.sleep(index);
    }
  }

  /**
   * Copies this thread's counters to its statistics words for readers on other heaps (see
   * {@link StatisticsWords}); nothing on one heap, where readers read the fields. Called only at rare
   * moments, never per task: before parking, when leaving the pool, and at the first task boundary of
   * the loop after a reader asked ({@link PoolLayout#STATISTICS_REQUESTED}, seen in the signal word the
   * loop loads before every task anyway). So the dispatch path does no shared-word operation more.
   */
  void publishStatistics() {
    if (statisticsIndex >= 0) {
      StatisticsWords.publish(words, statisticsIndex, runner.tasksRun, tasksStolen, timesParked);
    }
  }

  private void stopSearching() {
    if (searching) {
      searching = false;
      pool.shared.parking.foundWork();
    }
  }

  /** Own ring (newest first), then the shared queue (oldest first), then steal half of a ring. */
  private int findTask() {
    int task = ring.pop();
    if (task != 0) {
      return task;
    }
    task = pool.shared.queue.pop();
    if (task > 0) {
      return task;
    }
    queueBusy = task == SharedQueue.BUSY;
    return steal();
  }

  private int steal() {
    LocalRing[] rings = pool.shared.rings;
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
        int moved = ring.size();
        tasksStolen += 1 + moved;
        if (moved > 0) {
          // We now hold stealable tasks: let a sleeper come for them.
          pool.shared.parking.notifyWork();
        }
        return task;
      }
    }
    return 0;
  }

  /** Tasks some thread could take right now (read-only; used by the re-check before sleeping). */
  private boolean hasStealableWork() {
    if (ring.size() > 0 || !pool.shared.queue.isEmpty()) {
      return true;
    }
    for (LocalRing other : pool.shared.rings) {
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
    runner.runTask(task);
    return true;
  }

  /**
   * Runs other tasks until {@code future} is done; parks on its slot only when nothing is runnable.
   * The caller has just seen it not done, so the first look goes to our private forks and queues
   * (usually finding the joined task itself on top) rather than to the slot again.
   */
  void helpUntilDone(TaskFuture<?> future) {
    help(future, false, NO_DEADLINE);
  }

  /** For {@link #help}: wait without a deadline. */
  static final long NO_DEADLINE = Long.MIN_VALUE;

  /** As {@link #helpUntilDone}, but an interrupt of this thread ends the wait (for TaskFuture.get). */
  void helpUntilDoneInterruptibly(TaskFuture<?> future) throws InterruptedException {
    if (!help(future, true, NO_DEADLINE)) {
      throw new InterruptedException("interrupted while waiting for task '" + future.kind().name() + "'");
    }
  }

  /**
   * Returns true once the future is done; false when {@code interruptible} and the thread was
   * interrupted, or when {@code deadline} ({@code System.nanoTime()}, or {@link #NO_DEADLINE}) passed,
   * which it looks at between the tasks it runs.
   */
  boolean help(TaskFuture<?> future, boolean interruptible, long deadline) {
    do {
      if (interruptible && Thread.interrupted()) {
        return false;
      }
      long left = deadline == NO_DEADLINE ? -1 : deadline - System.nanoTime();
      if (deadline != NO_DEADLINE && left <= 0) {
        return false;
      }
      // Private forks first: they are newer than anything in our ring, and the joined task itself is
      // usually the newest of them. Running them here also means a thread never waits while it holds
      // private forks that another thread might need.
      forks.shareBeforeJoin();
      TaskFuture<?> newest = forks.popNewest();
      if (newest != null) {
        runner.runPrivate(newest);
        continue;
      }
      int joined = future.slot();
      int task = findTask();
      // The joined task itself (usually our own child, popped back off our ring). Its slot id is
      // its own while the future is not decided: a slot is freed only after its completion decided
      // the state, so reading undecided after taking the id means the id was not reused. A future
      // that cancel() decided goes to runTask, which ends the task without its body.
      if (task == joined && task != 0 && !stopping && !future.isDecided()) {
        runner.runJoined(future, task);
        return true;
      }
      if (task != 0) {
        runner.runTask(task);
      } else if (!queueBusy) {
        pool.joins.waitForCompletion(future, interruptible, left);
      }
      // Else a producer has claimed the queue's head cell and not yet published it; the task we join
      // may sit behind it. Look again rather than sleep: the producer's wake-up after publishing
      // (notifyWork) reaches parked threads only, never a thread waiting in a join. The wait lasts
      // as long as the producer takes between its claim and its publish (two stores).
    } while (!future.isDone());
    return true;
  }

  /** Leaves the pool for good (shutdown): cancel what is left in our ring if stopping, give back slots. */
  private void leavePool() {
    if (stopping) {
      int task;
      while ((task = ring.pop()) != 0) {
        pool.outcomes.cancel(task);
      }
    }
    state.reapAll();
    state.magazine.flush();
    publishStatistics();
    PoolLayout layout = pool.shared.layout;
    // Decides, against LostWorkerRepair on another thread, who takes this thread off the active
    // count: whoever moves the membership word out of MEMBER.
    if (!words.compareAndSet(layout.membershipIndex(index), PoolLayout.MEMBER, PoolLayout.LEFT)) {
      return;
    }
    int activeIndex = layout.activeWorkersIndex();
    // Nothing is left to cancel: we leave only with no outside submit in flight and no task to be
    // found (see RunState), and the threads still in the pool run (or cancel) what they push. The
    // decrement and notify are for awaitTermination and for asynchronous waits on termination.
    words.getAndAdd(activeIndex, -1);
    words.notify(activeIndex, Integer.MAX_VALUE);
  }
}

/** The fields a {@link WorkerLoop} changes as it looks for tasks, between cache-line padding. */
abstract class WorkerLoopFields extends CacheLinePadding {
  boolean searching;
  /** The pool is in STOP: queued tasks are cancelled instead of run. */
  boolean stopping;
  /** The last findTask that found nothing saw the shared queue's head claimed but unpublished. */
  boolean queueBusy;
  int random;
  /** Statistics (plain fields, see PoolStatistics): tasks taken from other rings, sleeps. */
  long tasksStolen;
  long timesParked;
}
