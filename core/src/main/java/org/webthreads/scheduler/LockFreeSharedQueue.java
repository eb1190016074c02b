package org.webthreads.scheduler;

import org.webthreads.memory.SharedWords;

/**
 * {@link SharedQueue} without a lock: a bounded multi-producer multi-consumer array queue where each
 * cell carries a sequence number (the scheme of Dmitry Vyukov's bounded MPMC queue).
 *
 * <p>Layout from {@code base}: [0] enqueue position, [16] dequeue position (a cache line apart), then
 * {@code capacity} cells of two words: sequence, task. Cell {@code i} starts with sequence {@code i}.
 * A producer at position {@code p} may claim the cell when its sequence equals {@code p}; after writing
 * the task it sets the sequence to {@code p + 1}, which tells the consumer at {@code p} the task is
 * there; the consumer then sets it to {@code p + capacity}, handing the cell to the next lap's producer.
 * Positions are free-running 32-bit counters compared by signed difference, so wrap-around is harmless.
 *
 * <p>The queue never holds more tasks than its capacity (every queued id is a distinct live slot, and
 * the capacity exceeds the slot count), but a consumer that has claimed a cell and not yet handed it on
 * keeps it from the next lap's producer until it does: that producer waits ({@link #awaitHandOver}).
 */
public final class LockFreeSharedQueue implements SharedQueue {
  private static final int DEQUEUE_OFFSET = 16;
  private static final int CELLS_OFFSET = 32;

  private final SharedWords words;
  private final int enqueueIndex;
  private final int dequeueIndex;
  private final int cellsIndex;
  private final int capacity;

  public LockFreeSharedQueue(SharedWords words, int base, int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("queue capacity must be a power of two, was " + capacity);
    }
    this.words = words;
    this.enqueueIndex = base;
    this.dequeueIndex = base + DEQUEUE_OFFSET;
    this.cellsIndex = base + CELLS_OFFSET;
    this.capacity = capacity;
  }

  public static int wordsFor(int capacity) {
    return CELLS_OFFSET + 2 * capacity;
  }

  /** Writes the initial sequence numbers; call once, before any thread uses the queue. */
  public void initialize() {
    for (int i = 0; i < capacity; i++) {
      words.store(sequenceIndex(i), i);
    }
  }

  private int sequenceIndex(int position) {
    return cellsIndex + 2 * (position & (capacity - 1));
  }

  @Override
  public void push(int task) {
    while (true) {
      int position = words.load(enqueueIndex);
      int cell = sequenceIndex(position);
      // Pairs with the consumer's sequence store (p + capacity): the previous lap's task was taken.
      int difference = words.load(cell) - position;
      if (difference == 0) {
        // Claim position p; losing means another producer took it, so reload.
        if (words.compareAndSet(enqueueIndex, position, position + 1)) {
          // Release: the sequence store below publishes it.
          words.storeRelease(cell + 1, task);
          // Publishes the task to the consumer at p (pairs with its sequence load in pop()). Stays
          // sequentially consistent: the submitter's wake-up check (Parking.notifyWork) loads the idle
          // word after it, a Dekker pair with a sleeper's re-check of this queue.
          words.store(cell, position + 1);
          return;
        }
      } else if (difference < 0) {
        // The cell still belongs to the previous lap: its consumer has claimed it (the queue never
        // holds more tasks than there are slots, fewer than its capacity) but not yet handed it on.
        // That consumer is between two of its own steps; it may have been descheduled there for a
        // while (seen under load: 131,072 pushes went by), so wait for it rather than spin on.
        awaitHandOver(cell, position);
      }
      // difference > 0: our position is stale (another producer claimed it); reload.
    }
  }

  /**
   * Waits until the consumer of the previous lap hands cell {@code cell} over (stores {@code position}
   * in its sequence). A few looks first (it is usually one store away); then, where the thread may
   * block, futex waits of growing length, each ended early by nothing but the time (consumers do not
   * notify: that would cost every pop a notify for this rare case). The browser's main thread cannot
   * block and keeps looking.
   */
  private void awaitHandOver(int cell, int position) {
    long pauseNanos = 1_000;
    for (int looks = 0; words.load(cell) - position < 0; looks++) {
      if (looks >= 64 && words.canWait()) {
        int sequence = words.load(cell);
        if (sequence - position < 0) {
          words.waitWhileEqual(cell, sequence, pauseNanos);
          pauseNanos = Math.min(pauseNanos * 2, 1_000_000);
        }
      }
    }
  }

  @Override
  public void pushBatch(int[] tasks, int count) {
    for (int i = 0; i < count; i++) {
      push(tasks[i]);
    }
  }

  @Override
  public int pop() {
    while (true) {
      int position = words.load(dequeueIndex);
      int cell = sequenceIndex(position);
      // Pairs with the producer's publishing sequence store (p + 1).
      int difference = words.load(cell) - (position + 1);
      if (difference == 0) {
        // Claim the task at p; losing means another consumer took it, so reload.
        if (words.compareAndSet(dequeueIndex, position, position + 1)) {
          int task = words.load(cell + 1);
          // Hands the cell to the producer of the next lap (pairs with its sequence load in push()).
          // Release: orders our load of the task before the next producer's overwrite of it.
          words.storeRelease(cell, position + capacity);
          return task;
        }
      } else if (difference < 0) {
        // Cell p is not published. If no producer has claimed p the queue is empty (linearizes at
        // this load); otherwise one is between its claim and its publish.
        return words.load(enqueueIndex) == position ? EMPTY : BUSY;
      }
      // difference > 0: our position is stale; reload.
    }
  }

  /**
   * True when {@link #pop} would return {@link #EMPTY} or {@link #BUSY}: no published task at the head.
   * A claimed but unpublished cell counts as empty here, because its producer wakes a sleeper after
   * publishing; treating it as work would make an idle thread spin until the producer resumes.
   */
  @Override
  public boolean isEmpty() {
    while (true) {
      int position = words.load(dequeueIndex);
      int difference = words.load(sequenceIndex(position)) - (position + 1);
      if (difference != 0 && words.load(dequeueIndex) != position) {
        continue; // the head moved while we looked; look again
      }
      return difference != 0;
    }
  }

  @Override
  public int approximateSize() {
    // Two plain reads of the positions, for statistics only: no ordering with pushes or pops needed.
    int size = words.load(enqueueIndex) - words.load(dequeueIndex);
    return size < 0 ? 0 : Math.min(size, capacity);
  }

  @Override
  public int capacity() {
    return capacity;
  }
}
