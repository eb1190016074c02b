package org.webthreads.memory;

/**
 * {@link SharedWords} that hands every operation to another instance: the base for wrappers that
 * watch or change a few operations (counting them, stalling one thread's store to test a race, a view
 * for a thread that may not block) and leave the rest alone. Override what you watch; call the
 * delegate for the operation itself.
 */
public abstract class ForwardingSharedWords implements SharedWords {
  protected final SharedWords delegate;

  protected ForwardingSharedWords(SharedWords delegate) {
    this.delegate = delegate;
  }

  @Override
  public int length() {
    return delegate.length();
  }

  @Override
  public int load(int index) {
    return delegate.load(index);
  }

  @Override
  public void store(int index, int value) {
    delegate.store(index, value);
  }

  @Override
  public void storeRelease(int index, int value) {
    delegate.storeRelease(index, value);
  }

  @Override
  public boolean compareAndSet(int index, int expected, int value) {
    return delegate.compareAndSet(index, expected, value);
  }

  @Override
  public int getAndAdd(int index, int delta) {
    return delegate.getAndAdd(index, delta);
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    return delegate.waitWhileEqual(index, expected, timeoutNanos);
  }

  @Override
  public int waitWhileEqualInterruptibly(int index, int expected) {
    return delegate.waitWhileEqualInterruptibly(index, expected);
  }

  @Override
  public int notify(int index, int count) {
    return delegate.notify(index, count);
  }

  @Override
  public boolean canWait() {
    return delegate.canWait();
  }
}
