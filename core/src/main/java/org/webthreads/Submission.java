package org.webthreads;

import org.webthreads.codec.ValueCodec;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.TaskSlots;

/**
 * Submitting a task: admission against the run state, then one of three ways. On a pool thread at the
 * nesting bound the task runs at once, inside the submit ({@link TaskRunner#runNow}); a task body's
 * fork on a pool thread stays private to it ({@link ForkPublisher}); otherwise the task gets a slot,
 * its arguments and kind are written, and it is pushed (to the thread's own ring on a pool thread,
 * else to the shared queue), then a sleeper is woken if needed ({@code Parking.notifyWork}).
 *
 * <p>An outside thread enters the run state before anything else and exits after the wake-up, so that
 * a shutdown never strands what it accepted ({@link RunState}); a pool thread is only refused after
 * {@code shutdownNow()} (its forks are part of the queued work that {@code shutdown()} still runs).
 */
final class Submission {
  private final Pool pool;
  private final PoolShared shared;

  Submission(Pool pool) {
    this.pool = pool;
    this.shared = pool.shared;
  }

  TaskFuture<?> submit(TaskKind<?> kind, Object[] args, boolean detached) {
    requireKind(kind);
    WorkerLoop loop = pool.currentLoop();
    admit(kind, loop);
    try {
      int argWords = pool.slots.argumentWords(kind, args);
      if (loop != null && loop.runner.atNestingBound()) {
        return loop.runner.runNow(kind, args, argWords, detached);
      }
      if (loop != null && !detached && loop.forks.forksPrivately()) {
        ForkArgs forkArgs = new ForkArgs(argWords);
        ValueCodec.writeAll(args, forkArgs, 0);
        return loop.forks.fork(kind, forkArgs);
      }
      SubmitterState state = loop != null ? loop.state : pool.outside.current();
      int slot = pool.allocator.allocate(state, loop, kind);
      try {
        pool.slots.writeArgs(slot, args, argWords, detached ? TaskSlots.DETACHED : 0);
      } catch (RuntimeException e) {
        state.magazine.free(slot);
        throw e;
      }
      return publish(kind, loop, state, slot, detached);
    } finally {
      if (loop == null) {
        exitFromOutside();
      }
    }
  }

  /** {@link #submit} with one {@code int} argument: no boxing, no argument array (the fork/join path). */
  TaskFuture<?> submitInt(TaskKind<?> kind, int arg, boolean detached) {
    requireKind(kind);
    WorkerLoop loop = pool.currentLoop();
    if (loop != null) {
      return submitIntFromPool(loop, kind, arg, detached);
    }
    admit(kind, null);
    try {
      SubmitterState state = pool.outside.current();
      int slot = pool.allocator.allocate(state, null, kind);
      pool.slots.writeIntArg(slot, arg, detached ? TaskSlots.DETACHED : 0);
      return publish(kind, null, state, slot, detached);
    } finally {
      exitFromOutside();
    }
  }

  /** A pool thread's int submit: no run-state entry to exit from, so no finally. */
  private TaskFuture<?> submitIntFromPool(WorkerLoop loop, TaskKind<?> kind, int arg, boolean detached) {
    if (shared.runState.current() == RunState.STOP) {
      throw refused(kind, RunState.STOP);
    }
    if (loop.runner.atNestingBound()) {
      return loop.runner.runNow(kind, new Object[] {arg}, ValueCodec.INT_WORDS, detached);
    }
    if (!detached && loop.forks.forksPrivately()) {
      ForkArgs forkArgs = new ForkArgs(ValueCodec.INT_WORDS);
      ValueCodec.writeInt(arg, forkArgs, 0);
      return loop.forks.fork(kind, forkArgs);
    }
    int slot = pool.allocator.allocate(loop.state, loop, kind);
    pool.slots.writeIntArg(slot, arg, detached ? TaskSlots.DETACHED : 0);
    return publish(kind, loop, loop.state, slot, detached);
  }

  private static void requireKind(TaskKind<?> kind) {
    if (kind == null) {
      throw new NullPointerException("task kind is null: pass a TaskKind from TaskKind.register");
    }
  }

  /**
   * A pool thread is refused only after STOP. An outside thread enters the run state, or is refused
   * when the pool was shut down; every entry is matched by one {@link #exitFromOutside}, after the
   * publication.
   */
  private void admit(TaskKind<?> kind, WorkerLoop loop) {
    RunState runState = shared.runState;
    if (loop != null) {
      if (runState.current() == RunState.STOP) {
        throw refused(kind, RunState.STOP);
      }
      return;
    }
    if (!runState.enter()) {
      exitFromOutside();
      throw refused(kind, runState.current());
    }
  }

  private void exitFromOutside() {
    if (shared.runState.exit()) {
      // Shut down while we were in flight: pool threads that saw us in flight wait for this exit
      // before they leave (pairs with their re-check of the run-state word before sleeping).
      shared.parking.wakeAll();
      if (shared.words.load(shared.layout.activeWorkersIndex()) == 0) {
        // Only when every thread was lost (LostWorkerRepair): nobody is left to run or cancel our task.
        pool.lifecycle.cancelQueuedTasks();
      }
    }
  }

  private PoolShutdownException refused(TaskKind<?> kind, int state) {
    if (state == RunState.STOP && shared.words.load(shared.layout.stoppedByLossIndex()) == 1) {
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
      boolean detached) {
    pool.slots.writeKind(slot, kind);
    TaskFuture<?> future = null;
    if (!detached) {
      future = new TaskFuture<>(pool, slot, kind);
      pool.outcomes.register(future, slot, state);
    }
    if (loop != null) {
      loop.ring.push(slot, shared.queue, state.scratch);
    } else {
      shared.queue.push(slot);
    }
    // The task is published; now make sure some thread will look (see Parking).
    shared.parking.notifyWork();
    return future;
  }

  /**
   * Publishes a private fork of {@code loop} (see {@link ForkPublisher}): gives it a slot, copies its
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
    if (!pool.slots.copyForkArgs(slot, args)) {
      state.magazine.free(slot);
      return false;
    }
    pool.slots.writeKind(slot, future.kind());
    // Before the push: once pushed, the task may complete on another thread, and whoever holds the
    // future must then find it through its slot.
    future.publishedAs(slot);
    pool.outcomes.register(future, slot, state);
    loop.ring.push(slot, shared.queue, state.scratch);
    // The task is published; now make sure some thread will look (see Parking).
    shared.parking.notifyWork();
    return true;
  }
}
