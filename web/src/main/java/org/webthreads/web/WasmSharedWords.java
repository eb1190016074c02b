package org.webthreads.web;

import org.webthreads.memory.SharedWords;

/**
 * {@code SharedWords} over the page's shared {@code WebAssembly.Memory}, through {@link WasmAtomics}.
 * Every operation is a wasm atomic, sequentially consistent as the interface requires; the wait is
 * {@code memory.atomic.wait32}, which only a notify or the timeout ends (no spurious wake-ups), and
 * which the main thread may not call: there {@link #canWait()} is false and the wait throws a Java
 * exception instead of trapping.
 */
final class WasmSharedWords implements SharedWords {
  private final boolean mayWait;

  WasmSharedWords(boolean mayWait) {
    this.mayWait = mayWait;
  }

  @Override
  public int length() {
    return WasmAtomics.sizeWords();
  }

  @Override
  public int load(int index) {
    return WasmAtomics.load(index);
  }

  @Override
  public void store(int index, int value) {
    WasmAtomics.store(index, value);
  }

  @Override
  public boolean compareAndSet(int index, int expected, int value) {
    return WasmAtomics.compareExchange(index, expected, value) == expected;
  }

  @Override
  public int getAndAdd(int index, int delta) {
    return WasmAtomics.add(index, delta);
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    if (!mayWait) {
      throw new IllegalStateException("the browser's main thread must never block: this wait would "
          + "freeze the page; use a completion callback or Promise (WebFutures) instead");
    }
    return WasmAtomics.await(index, expected, timeoutNanos < 0 ? -1 : timeoutNanos);
  }

  @Override
  public int notify(int index, int count) {
    return WasmAtomics.notify(index, count);
  }

  @Override
  public boolean canWait() {
    return mayWait;
  }
}
