package org.webthreads;

import org.webthreads.memory.CacheLinePadding;

/**
 * The forks of one pool thread that no other thread can see yet: tasks that a task body on this thread
 * submitted for a result, kept as their futures (with their encoded arguments) instead of being written
 * to a task slot and pushed to the ring. Fork/join code usually joins its newest fork next, and the
 * thread then runs it straight from here: no slot, no shared word, no atomic operation.
 *
 * <p>So that keeping forks private never hides work from an idle thread: a fork that finds the thread's
 * ring empty publishes the oldest private fork (gives it a slot and pushes it to the ring, where others
 * can steal it), so every busy thread keeps one task stealable; a fork into a full stack publishes the
 * oldest; a task body that returns publishes the forks it left unjoined; and a join runs every private
 * fork before it would wait (newest first, exactly as it would pop them off its ring). A thread that
 * waits for someone else's private fork (only possible on the JVM, where a future can be handed to
 * another thread) waits on the owner's fork-epoch word, which the owner advances when it publishes or
 * finishes such a fork. See docs/scheduler.md, "Private forks".
 *
 * <p>A stack with both ends in use: positions count up for ever (compared by subtraction); the newest
 * fork sits below {@code top}, the oldest at {@code bottom}. Used by its thread only.
 */
final class PrivateForks extends PrivateForksFields {
  /** The most private forks a thread keeps; a fork beyond this publishes the oldest. */
  static final int CAPACITY = 256;
  /** Unused entries before and after the cells: at least 64 bytes whatever the reference size. */
  private static final int MARGIN = 16;

  private final TaskFuture<?>[] futures = new TaskFuture<?>[MARGIN + CAPACITY + MARGIN];
  // Trailing padding (see CacheLinePadding): laid out right after the hot fields of the superclass.
  long q01, q02, q03, q04, q05, q06, q07, q08;
  long q09, q10, q11, q12, q13, q14, q15, q16;

  boolean isEmpty() {
    return top == bottom;
  }

  int size() {
    return top - bottom;
  }

  boolean isFull() {
    return top - bottom == CAPACITY;
  }

  /** The position above the newest fork: a frame's mark for {@link #takeAbove}. */
  int top() {
    return top;
  }

  /** Adds the newest fork; the caller made room first ({@link #isFull}). */
  void push(TaskFuture<?> future) {
    futures[MARGIN + (top & (CAPACITY - 1))] = future;
    top++;
  }

  /** Removes and returns the newest fork, or null. */
  TaskFuture<?> pop() {
    if (top == bottom) {
      return null;
    }
    int cell = MARGIN + (--top & (CAPACITY - 1));
    TaskFuture<?> future = futures[cell];
    futures[cell] = null;
    return future;
  }

  /** Removes and returns the oldest fork, or null. */
  TaskFuture<?> takeOldest() {
    if (top == bottom) {
      return null;
    }
    int cell = MARGIN + (bottom++ & (CAPACITY - 1));
    TaskFuture<?> future = futures[cell];
    futures[cell] = null;
    return future;
  }

  /** Removes and returns every fork here, oldest first, or null when there are none. */
  TaskFuture<?>[] takeAll() {
    return takeAbove(bottom);
  }

  /**
   * Removes the forks still here that were pushed since {@link #top} was {@code mark} (those of a task
   * body that returned without joining them) and returns them oldest first, or null when there are none.
   */
  TaskFuture<?>[] takeAbove(int mark) {
    int from = mark - bottom > 0 ? mark : bottom;
    int count = top - from;
    if (count <= 0) {
      return null;
    }
    TaskFuture<?>[] taken = new TaskFuture<?>[count];
    for (int i = 0; i < count; i++) {
      int cell = MARGIN + ((from + i) & (CAPACITY - 1));
      taken[i] = futures[cell];
      futures[cell] = null;
    }
    top = from;
    return taken;
  }
}

/** The ends of a {@link PrivateForks} stack, changed on every fork and join, padded. */
abstract class PrivateForksFields extends CacheLinePadding {
  int top;
  int bottom;
}
