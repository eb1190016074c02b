package org.webthreads;

import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.SlotCompletion;
import org.webthreads.scheduler.TaskSlots;

/**
 * What happens after {@link TaskFuture#cancel()} decided a future's state: the task's runner must learn
 * it (so that a task not yet started never runs, and a running one sees {@link TaskInput#isCancelled()}),
 * and every thread waiting for the future must wake up, since the task itself may run on for long.
 *
 * <p>How a runner learns it costs nothing on the dispatch path:
 * <ul>
 *   <li>one heap (the JVM): the runner reads the future object it must complete anyway
 *       ({@link Outcomes#futureOf}) before it starts the body, and skips a decided one;
 *   <li>separate heaps (the browser): the holder sets {@link TaskSlots#CANCEL_REQUESTED} in the ARGS
 *       header, which the runner loads anyway; a task already started checks the header when its body
 *       asks;
 *   <li>a private fork: its owner looks at the future before it runs or publishes it.
 * </ul>
 * A runner that misses the request (it started the body just before) runs it to the end; the future
 * still reports cancellation, because completion then fails to decide the state (see TaskFuture).
 */
final class Cancellation {
  private final Pool pool;
  private final SharedWords words;

  Cancellation(Pool pool) {
    this.pool = pool;
    this.words = pool.shared.words;
  }

  /** {@code future} was just cancelled by the calling thread (its state CAS succeeded). */
  void cancelled(TaskFuture<?> future) {
    int slot = future.slot(); // read after the state CAS: a fork published after it sees the decision
    if (slot == 0) {
      // A private fork: its owner skips it when it comes to run or publish it. A thread of another
      // heap can never hold it; on the JVM another thread may wait on the owner's fork epoch: it read
      // the state after marking itself (Dekker with our CAS), or we see its mark here.
      WorkerLoop owner = future.owner();
      if (owner != null && future.hasForeignWaiter()) {
        pool.joins.signalForkEpoch(owner);
      }
      return;
    }
    if (pool.completeFuturesDirectly) {
      wakeWaiters(slot); // the slot may have been reused meanwhile: then this wake is spurious, harmless
      return;
    }
    // Separate heaps: the slot stays ours until we harvest it (harvest takes the same lock, and on the
    // JVM's emulation of separate heaps another thread holding the future could harvest it).
    synchronized (future) {
      if (!future.isReleased()) {
        pool.slots.markCancelRequested(slot);
        wakeWaiters(slot);
      }
    }
  }

  /** Wakes the threads that sleep on the slot's state word for this future (see SlotCompletion). */
  private void wakeWaiters(int slot) {
    SlotCompletion.wakeWaiters(words, pool.shared.slotWord(slot, TaskSlots.STATE));
  }
}
