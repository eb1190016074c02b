package org.webthreads.memory;

/**
 * The only memory that every thread of a webthreads program shares: an array of 32-bit words.
 *
 * <p>In the browser it is an {@code Int32Array} over a {@code SharedArrayBuffer} used through
 * {@code Atomics}; on the JVM it is an {@code AtomicIntegerArray} with a futex emulation. Every
 * operation is sequentially consistent (as {@code Atomics.*} and Java volatile accesses are), and the
 * scheduler's comments rely on that: wherever a comment says "pairs with", the two accesses are ordered
 * by this total order.
 *
 * <p>The scheduler is written only against this interface, so the same code runs in every Web Worker
 * (TeaVM) and on every JVM thread.
 */
public interface SharedWords {
  /** Result of {@link #waitWhileEqual}: woken by {@link #notify}. */
  int WOKEN = 0;
  /** Result of {@link #waitWhileEqual}: the word did not hold the expected value, so no wait happened. */
  int NOT_EQUAL = 1;
  /** Result of {@link #waitWhileEqual}: the timeout elapsed. */
  int TIMED_OUT = 2;
  /** Result of {@link #waitWhileEqualInterruptibly}: the waiting thread was interrupted. */
  int INTERRUPTED = 3;

  /** Number of words. */
  int length();

  int load(int index);

  void store(int index, int value);

  /**
   * A store that only has to be visible to threads that see a later publishing operation of the
   * calling thread ({@link #compareAndSet}, {@link #getAndAdd} or a {@link #store} that another thread
   * reads), as with the cells of a queue published by a CAS on its index (JCTools' "ordered" store,
   * C++ release). Stores before it stay ordered before it; unlike {@link #store} it does not order
   * itself before the calling thread's later loads, so it must never be one side of a Dekker pair
   * (store, then load another word) and must never be what alone tells another thread to proceed.
   * Where every operation is sequentially consistent (the browser's {@code Atomics}) it is {@link #store}.
   */
  default void storeRelease(int index, int value) {
    store(index, value);
  }

  boolean compareAndSet(int index, int expected, int value);

  /** Adds {@code delta} and returns the value before the addition. */
  int getAndAdd(int index, int delta);

  /**
   * Blocks the calling thread while the word at {@code index} equals {@code expected}, until a
   * {@link #notify} on that index or until {@code timeoutNanos} elapse ({@code < 0}: no timeout). The
   * comparison and the start of the wait are one atomic step with respect to {@link #notify}, as with a
   * futex: a store followed by a notify can never be missed. Implementations never return {@link #WOKEN}
   * without a notify (no spurious wake-ups).
   *
   * @return {@link #WOKEN}, {@link #NOT_EQUAL} or {@link #TIMED_OUT}
   * @throws IllegalStateException on a thread that may not block (the browser's main thread)
   */
  int waitWhileEqual(int index, int expected, long timeoutNanos);

  /**
   * {@link #waitWhileEqual} without a timeout that also returns {@link #INTERRUPTED} when the calling
   * thread is interrupted (its interrupt status stays set for the caller to see), for waits a user may
   * interrupt ({@code TaskFuture.get}). Where threads cannot be interrupted (the browser) it is
   * {@code waitWhileEqual}.
   */
  default int waitWhileEqualInterruptibly(int index, int expected) {
    return waitWhileEqual(index, expected, -1);
  }

  /** Wakes up to {@code count} threads waiting on {@code index}; returns how many were woken. */
  int notify(int index, int count);

  /** Whether the calling thread may block in {@link #waitWhileEqual} (false on the browser's main thread). */
  boolean canWait();
}
