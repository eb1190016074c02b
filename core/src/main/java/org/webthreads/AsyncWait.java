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

  public int wordIndex() {
    return wordIndex;
  }

  public int value() {
    return value;
  }

  @Override
  public String toString() {
    return "AsyncWait(word " + wordIndex + " while " + value + ")";
  }
}
