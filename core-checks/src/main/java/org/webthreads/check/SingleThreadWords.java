package org.webthreads.check;

import org.webthreads.memory.ArrayWords;
import org.webthreads.memory.SharedWords;

/**
 * {@link SharedWords} over a plain {@code int[]} for one thread. Waiting would block for ever, so it is
 * an error. Used by {@link CoreSmokeCheck}.
 */
public final class SingleThreadWords extends ArrayWords {
  public SingleThreadWords(int length) {
    super(length);
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    if (words[index] != expected) {
      return NOT_EQUAL;
    }
    throw new IllegalStateException("a single thread would wait for ever on word " + index);
  }

  @Override
  public boolean canWait() {
    return true;
  }
}
