package org.webthreads.check;

import org.webthreads.memory.ForwardingSharedWords;
import org.webthreads.memory.SharedWords;

/** Counts the operations that go through it, each one (single-threaded use). */
public final class CountingWords extends ForwardingSharedWords {
  private long operations;

  public CountingWords(SharedWords inner) {
    super(inner);
  }

  public long operations() {
    return operations;
  }

  public void reset() {
    operations = 0;
  }

  @Override
  public int load(int index) {
    operations++;
    return delegate.load(index);
  }

  @Override
  public void store(int index, int value) {
    operations++;
    delegate.store(index, value);
  }

  @Override
  public void storeRelease(int index, int value) {
    operations++;
    delegate.storeRelease(index, value);
  }

  @Override
  public boolean compareAndSet(int index, int expected, int value) {
    operations++;
    return delegate.compareAndSet(index, expected, value);
  }

  @Override
  public int getAndAdd(int index, int delta) {
    operations++;
    return delegate.getAndAdd(index, delta);
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    operations++;
    return delegate.waitWhileEqual(index, expected, timeoutNanos);
  }

  @Override
  public int waitWhileEqualInterruptibly(int index, int expected) {
    operations++;
    return delegate.waitWhileEqualInterruptibly(index, expected);
  }

  @Override
  public int notify(int index, int count) {
    operations++;
    return delegate.notify(index, count);
  }
}
