package org.webthreads.check;

import org.webthreads.memory.SharedWords;

/**
 * {@link SharedWords} over a plain {@code int[]} for one thread. Waiting would block for ever, so it is
 * an error. Used by {@link CoreSmokeCheck}.
 */
public final class SingleThreadWords implements SharedWords {
  private final int[] words;

  public SingleThreadWords(int length) {
    this.words = new int[length];
  }

  @Override
  public int length() {
    return words.length;
  }

  @Override
  public int load(int index) {
    return words[index];
  }

  @Override
  public void store(int index, int value) {
    words[index] = value;
  }

  @Override
  public boolean compareAndSet(int index, int expected, int value) {
    if (words[index] != expected) {
      return false;
    }
    words[index] = value;
    return true;
  }

  @Override
  public int getAndAdd(int index, int delta) {
    int before = words[index];
    words[index] = before + delta;
    return before;
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    if (words[index] != expected) {
      return NOT_EQUAL;
    }
    throw new IllegalStateException("a single thread would wait for ever on word " + index);
  }

  @Override
  public int notify(int index, int count) {
    return 0;
  }

  @Override
  public boolean canWait() {
    return true;
  }
}
