package org.webthreads;

import org.webthreads.memory.ArrayWords;

/**
 * Words private to one thread, used as a stack of argument streams for tasks that run at once on the
 * forking thread instead of being queued (see {@link ThreadPool#MAX_NESTED_TASKS}): the same encoding as a
 * task slot, so the task body reads its {@link TaskInput} exactly as it would read a queued task's.
 * Grows in place, so readers of outer frames keep valid indexes. Never shared, so plain array accesses.
 */
final class PrivateWords extends ArrayWords {
  private int top;

  PrivateWords() {
    super(64);
  }

  /** Reserves {@code count} words on top of the stack and returns the index of the first. */
  int push(int count) {
    int start = top;
    if (start + count > words.length) {
      int[] bigger = new int[Math.max(words.length * 2, start + count)];
      System.arraycopy(words, 0, bigger, 0, start);
      words = bigger;
    }
    top = start + count;
    return start;
  }

  /** Releases everything from {@code start} up (the frame that reserved it has returned). */
  void popTo(int start) {
    top = start;
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    throw new IllegalStateException("private words are never waited on");
  }

  @Override
  public boolean canWait() {
    return false;
  }
}
