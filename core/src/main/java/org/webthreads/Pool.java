package org.webthreads;

import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedRegion;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.LockFreeSharedQueue;
import org.webthreads.scheduler.PoolLayout;

/**
 * The parts of one pool, as one thread's heap holds them, wired together. The user's {@link ThreadPool}
 * and the platform's {@link PoolControl} are two faces of it. Each part is one concept:
 *
 * <pre>
 * PoolShared          the shared words and the structures in them (queue, free list, arena, rings...)
 * PoolThreads         which thread runs which pool thread's loop
 * OutsideSubmitters   the submit state of threads outside the pool
 * Submission          submit and execute: admission, slot, arguments, push, wake-up
 * SlotAllocator       taking a free slot, and waiting for one
 * SlotIO              what a slot carries: arguments, results, failures
 * Outcomes            how a finished task reaches its future, and the slot goes back
 * Joins               waiting for a future (helping on pool threads)
 * Cancellation        what cancel() tells the task's runner and the future's waiters
 * Shutdown            run-state changes, draining, termination
 * LostWorkerRepair    repair after a pool thread stopped for good
 * </pre>
 * A pool thread's own side is {@link WorkerLoop} and its parts. Parts refer to each other through this
 * object and never in their constructors.
 */
final class Pool {
  final PoolShared shared;
  final PoolThreads threads;
  final OutsideSubmitters outside;
  final SlotIO slots;
  final SlotAllocator allocator;
  final Outcomes outcomes;
  final Joins joins;
  final Cancellation cancellation;
  final Submission submission;
  final Shutdown lifecycle;
  final LostWorkerRepair repair;
  final ThreadPool facade;
  final PoolControl control;
  /** The threads share one heap: the thread that ends a task completes its future (see Outcomes). */
  final boolean completeFuturesDirectly;
  /** How futures change state: atomically where objects cross threads (see FutureStates). */
  final FutureStates futureStates;

  private Pool(Platform platform, SharedWords words, PoolLayout layout) {
    GroupTasks.registerOnThisThread(); // before any task of a group can reach this thread
    this.shared = new PoolShared(platform, words, layout);
    this.threads = new PoolThreads(this);
    this.outside = new OutsideSubmitters(this);
    this.slots = new SlotIO(this);
    this.allocator = new SlotAllocator(this);
    this.outcomes = new Outcomes(this);
    this.joins = new Joins(this);
    this.cancellation = new Cancellation(this);
    this.submission = new Submission(this);
    this.lifecycle = new Shutdown(this);
    this.repair = new LostWorkerRepair(this);
    this.completeFuturesDirectly = outcomes.completeFuturesDirectly();
    this.futureStates = FutureStates.forPlatform(platform);
    this.facade = new ThreadPool(this);
    this.control = new PoolControl(this);
  }

  /** Allocates and lays out a new pool's region on {@code platform}, then starts its workers. */
  static Pool create(Platform platform, PoolConfig config, int[] threadIds) {
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
    Pool pool = new Pool(platform, words, layout);
    platform.startWorkers(pool.control, threadIds.clone());
    return pool;
  }

  /** This thread's view of the pool whose region starts at {@code base} (a Web Worker's). */
  static Pool attach(Platform platform, SharedWords words, int base) {
    return new Pool(platform, words, PoolLayout.read(words, base));
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

  /** The loop the calling thread runs for this pool, or null for any other thread. */
  WorkerLoop currentLoop() {
    return threads.currentLoop();
  }

  /** The calling thread's submit state: its loop's, or its outside state. */
  SubmitterState currentSubmitter() {
    WorkerLoop loop = threads.currentLoop();
    return loop != null ? loop.state : outside.current();
  }

  void reportDetachedFailure(String kindName, int threadId, TaskFailure failure) {
    System.err.println("webthreads: task '" + kindName + "' submitted with execute() failed on thread "
        + threadId + ": " + failure.className + (failure.message == null ? "" : ": " + failure.message));
  }
}
