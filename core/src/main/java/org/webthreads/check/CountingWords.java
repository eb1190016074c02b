package org.webthreads.check;

import org.webthreads.memory.SharedWords;

/** Wraps {@link SharedWords} and counts the operations that go through it (single-threaded use). */
public final class CountingWords implements SharedWords {
  private final SharedWords inner;
  private long operations;

  public CountingWords(SharedWords inner) {
    this.inner = inner;
  }

  public long operations() {
    return operations;
  }

  public void reset() {
    operations = 0;
  }

  @Override
  public int length() {
    return inner.length();
  }

  @Override
  public int load(int index) {
    operations++;
    return inner.load(index);
  }

  @Override
  public void store(int index, int value) {
    operations++;
    inner.store(index, value);
  }

  @Override
  public boolean compareAndSet(int index, int expected, int value) {
    operations++;
    return inner.compareAndSet(index, expected, value);
  }

  @Override
  public int getAndAdd(int index, int delta) {
    operations++;
    return inner.getAndAdd(index, delta);
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    operations++;
    return inner.waitWhileEqual(index, expected, timeoutNanos);
  }

  @Override
  public int notify(int index, int count) {
    operations++;
    return inner.notify(index, count);
  }

  @Override
  public boolean canWait() {
    return inner.canWait();
  }
}
