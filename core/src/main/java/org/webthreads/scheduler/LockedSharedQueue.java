package org.webthreads.scheduler;

import org.webthreads.memory.FutexMutex;
import org.webthreads.memory.SharedWords;

/**
 * {@link SharedQueue} as a circular buffer guarded by a {@link FutexMutex} in shared memory.
 *
 * <p>Layout from {@code base}: [0] mutex word, [1] head, [2] tail, [3 ..] {@code capacity} cells.
 * Head and tail are free-running counters; cell = counter mod capacity.
 */
public final class LockedSharedQueue implements SharedQueue {
  public static final int HEADER_WORDS = 3;

  private final SharedWords words;
  private final FutexMutex mutex;
  private final int headIndex;
  private final int tailIndex;
  private final int cellsIndex;
  private final int capacity;

  public LockedSharedQueue(SharedWords words, int base, int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("queue capacity must be a power of two, was " + capacity);
    }
    this.words = words;
    this.mutex = new FutexMutex(words, base);
    this.headIndex = base + 1;
    this.tailIndex = base + 2;
    this.cellsIndex = base + HEADER_WORDS;
    this.capacity = capacity;
  }

  public static int wordsFor(int capacity) {
    return HEADER_WORDS + capacity;
  }

  @Override
  public void push(int task) {
    mutex.lock();
    try {
      int tail = words.load(tailIndex);
      checkRoom(tail, 1);
      words.store(cellsIndex + (tail & (capacity - 1)), task);
      // Published by the tail store; an unlocked isEmpty() that sees it also sees the cell, and the
      // submitter's wake-up check that follows is ordered after it.
      words.store(tailIndex, tail + 1);
    } finally {
      mutex.unlock();
    }
  }

  @Override
  public void pushBatch(int[] tasks, int count) {
    mutex.lock();
    try {
      int tail = words.load(tailIndex);
      checkRoom(tail, count);
      for (int i = 0; i < count; i++) {
        words.store(cellsIndex + ((tail + i) & (capacity - 1)), tasks[i]);
      }
      words.store(tailIndex, tail + count);
    } finally {
      mutex.unlock();
    }
  }

  @Override
  public int pop() {
    // Unlocked peek: consumers poll this queue whenever their ring is empty, so an empty queue must not
    // cost a lock. Head and tail only move under the lock; a stale "empty" is covered by the wake-up
    // protocol (the pusher checks for sleepers after its tail store).
    if (words.load(headIndex) == words.load(tailIndex)) {
      return EMPTY;
    }
    mutex.lock();
    try {
      int head = words.load(headIndex);
      if (head == words.load(tailIndex)) {
        return EMPTY;
      }
      int task = words.load(cellsIndex + (head & (capacity - 1)));
      words.store(headIndex, head + 1);
      return task;
    } finally {
      mutex.unlock();
    }
  }

  @Override
  public boolean isEmpty() {
    return words.load(headIndex) == words.load(tailIndex);
  }

  @Override
  public int approximateSize() {
    // Two reads without the lock, for statistics only: no ordering with pushes or pops needed.
    int size = words.load(tailIndex) - words.load(headIndex);
    return size < 0 ? 0 : Math.min(size, capacity);
  }

  @Override
  public int capacity() {
    return capacity;
  }

  private void checkRoom(int tail, int count) {
    if (tail - words.load(headIndex) + count > capacity) {
      throw new IllegalStateException("shared queue overflow: capacity " + capacity
          + " must exceed the number of task slots (a broken invariant, please report)");
    }
  }
}
