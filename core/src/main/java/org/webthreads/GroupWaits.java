package org.webthreads;

import org.webthreads.scheduler.GroupState;

/**
 * Waiting for a task group to be done. A pool thread helps: it runs its private forks, then any task it
 * can find (its ring, the shared queue, other rings), and waits on the group's PENDING word only when it
 * found nothing; another thread that may block waits on that word; the page may not block at all.
 * Waking is {@link GroupState}'s: the task that brings PENDING to 0 notifies, and the futex compare
 * makes a change before the wait return at once.
 *
 * <p>No deadlock where the group's tasks can run: a helper waits only when no task is queued anywhere,
 * so every pending task of the group is then running on another thread, or on this thread's stack below
 * the join: that case is refused up front (RunningGroups), since such a task cannot end before the join
 * returns. On a one-thread pool every task of the group is found and run by the joiner.
 */
final class GroupWaits {
  private GroupWaits() {
  }

  /**
   * Returns true once no task of the group is pending, false if {@code timed} and {@code deadline} (a
   * {@link System#nanoTime} value) passed first.
   */
  static boolean await(Pool pool, GroupState state, boolean timed, long deadline) {
    WorkerLoop loop = pool.currentLoop();
    if (state.pending() != 0 && RunningGroups.ofThisThread().contains(state.base())) {
      throw new IllegalStateException("join() on task group " + state.base() + " from a thread that is "
          + "running one of its tasks would wait for ever (that task cannot end before the join returns):"
          + " join the group from outside it; a task of the group may submit more tasks into it and return");
    }
    while (true) {
      int pending = state.pending();
      if (pending == 0) {
        return true;
      }
      if (loop != null) {
        TaskFuture<?> newest = loop.forks.popNewest();
        if (newest != null) {
          loop.runner.runPrivate(newest);
          continue;
        }
        if (loop.runOneTask()) {
          continue;
        }
        if (loop.queueBusy) {
          // A producer claimed the shared queue's head and has not published it yet: look again (its
          // wake-up reaches parked threads, not joiners), as TaskFuture joins do.
          continue;
        }
      } else if (!pool.shared.words.canWait()) {
        throw new IllegalStateException("join() on a task group with " + pending + " pending tasks would "
            + "block this thread, which must never block (the browser's main thread): use "
            + "WebGroups.whenDone(group, callback) or WebGroups.promise(group)");
      }
      long timeout = -1;
      if (timed) {
        timeout = deadline - System.nanoTime();
        if (timeout <= 0) {
          return false;
        }
      }
      state.pendingWait(pending, timeout);
    }
  }
}
