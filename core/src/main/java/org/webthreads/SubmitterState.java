package org.webthreads;

import org.webthreads.memory.CacheLinePadding;
import org.webthreads.scheduler.SlotMagazine;

/**
 * What one thread keeps for one pool: its cache of free slots and the futures it created that are not
 * yet harvested. Harvesting a finished future copies its result into the Java object and frees the
 * slot, so futures that are dropped without a join do not hold slots for ever: each submit drops the
 * newest ones once harvested (fork/join) and, with more than {@link #HARVEST_ABOVE} outstanding,
 * harvests the oldest once finished; a full ring harvests all finished ones before it grows, so it
 * stays within twice the number of unfinished futures. Used by one thread only.
 *
 * <p>The futures sit in a ring of our own rather than an ArrayDeque: the thread writes it on every
 * submit and join, so its array keeps {@link #MARGIN} unused entries at each end and the indices live
 * between cache-line padding, so no other thread's data ever shares their cache lines.
 */
final class SubmitterState extends SubmitterStateFields {
  /** Unused entries before and after the ring's cells: at least 64 bytes whatever the reference size. */
  static final int MARGIN = 16;
  /** Outstanding futures below which a submit does not look at the oldest one. */
  static final int HARVEST_ABOVE = 48;

  final SlotMagazine magazine;
  final int[] scratch;
  /** This thread announced itself as a waiter on the free list (ThreadPool.prepareSlotWait). */
  boolean announcedSlotWaiter;
  // Trailing padding (see CacheLinePadding): laid out right after the hot fields of the superclass.
  long q01, q02, q03, q04, q05, q06, q07, q08;
  long q09, q10, q11, q12, q13, q14, q15, q16;

  SubmitterState(SlotMagazine magazine, int ringCapacity) {
    this.magazine = magazine;
    this.scratch = new int[ringCapacity / 2 + 1];
  }

  void track(TaskFuture<?> future) {
    // Fork/join harvests the newest future first: drop those from the back.
    while (tail != head && at(tail - 1).isReleased()) {
      set(--tail, null);
    }
    // Dropped futures: harvest the oldest once it is done (one check per submit while more are
    // outstanding than a fork/join recursion usually keeps; below that, reapAll finds them when the
    // slots run out).
    if (tail - head >= HARVEST_ABOVE && at(head).settle()) {
      set(head++, null);
    }
    if (tail - head > mask) {
      // Full: harvest what finished anywhere in the ring (futures joined out of order behind a task
      // that runs for long would otherwise pile up), and grow only if more than half is still pending.
      reapAll();
      if (tail - head > mask / 2) {
        grow();
      }
    }
    set(tail++, future);
  }

  /** Harvests every finished future; returns how many remain outstanding. */
  int reapAll() {
    int kept = head;
    for (int i = head; i != tail; i++) {
      TaskFuture<?> future = at(i);
      set(i, null);
      if (!future.settle()) {
        set(kept++, future);
      }
    }
    tail = kept;
    return tail - head;
  }

  /**
   * Before this pool thread sleeps while another thread waits for a slot (separate heaps): harvests
   * what finished and asks to be woken when each unfinished one finishes
   * ({@link org.webthreads.scheduler.SlotCompletion#markOwnerWake}). Returns how many it marked.
   */
  int watchPending(Outcomes outcomes) {
    reapAll();
    int marked = 0;
    for (int i = head; i != tail; i++) {
      if (outcomes.markOwnerWake(at(i))) {
        marked++;
      }
    }
    return marked;
  }

  /** Whether any tracked future's task finished (read-only: for the re-check before sleeping). */
  boolean anyFinished(Outcomes outcomes) {
    for (int i = head; i != tail; i++) {
      if (outcomes.hasFinished(at(i))) {
        return true;
      }
    }
    return false;
  }

  /** How many futures the ring holds (for tests). */
  int trackedCount() {
    return tail - head;
  }

  /** The oldest future whose task still holds its slot, or null. */
  TaskFuture<?> oldestPending() {
    for (int i = head; i != tail; i++) {
      if (!at(i).settle()) {
        return at(i);
      }
    }
    return null;
  }

  private TaskFuture<?> at(int position) {
    return futures[MARGIN + (position & mask)];
  }

  private void set(int position, TaskFuture<?> future) {
    futures[MARGIN + (position & mask)] = future;
  }

  private void grow() {
    int count = tail - head;
    TaskFuture<?>[] bigger = new TaskFuture<?>[MARGIN + 2 * (mask + 1) + MARGIN];
    for (int i = 0; i < count; i++) {
      bigger[MARGIN + i] = at(head + i);
    }
    futures = bigger;
    mask = 2 * (mask + 1) - 1;
    head = 0;
    tail = count;
  }
}

/** The ring of futures a {@link SubmitterState} changes on every submit and join, padded. */
abstract class SubmitterStateFields extends CacheLinePadding {
  TaskFuture<?>[] futures = new TaskFuture<?>[SubmitterState.MARGIN + 64 + SubmitterState.MARGIN];
  int mask = 63;
  /** Ring positions, counting up for ever: the oldest future is at head, the newest below tail. */
  int head;
  int tail;
}
