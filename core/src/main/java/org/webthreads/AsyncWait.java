package org.webthreads;

/**
 * For a thread that may not block (the browser's page): wait asynchronously while shared word
 * {@link #wordIndex()} still holds {@link #value()} ({@code Atomics.waitAsync}), then ask again. The
 * word is notified when what the caller waits for may have happened; a wake-up for nothing is possible,
 * so the caller always asks again. Given out by {@link PoolControl}.
 */
public final class AsyncWait {
  private final int wordIndex;
  private final int value;

  AsyncWait(int wordIndex, int value) {
    this.wordIndex = wordIndex;
    this.value = value;
  }

  /**
   * The index of the shared word to wait on.
   *
   * @return the word's index in the pool's shared memory
   */
  public int wordIndex() {
    return wordIndex;
  }

  /**
   * The value the word holds while there is nothing new: wait while it still holds it.
   *
   * @return the value to wait past
   */
  public int value() {
    return value;
  }

  @Override
  public String toString() {
    return "AsyncWait(word " + wordIndex + " while " + value + ")";
  }
}
