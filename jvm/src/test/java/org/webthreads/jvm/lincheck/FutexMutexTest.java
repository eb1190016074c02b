package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.memory.FutexMutex;
import org.webthreads.memory.ForwardingSharedWords;
import org.webthreads.memory.SharedWords;

/**
 * {@link FutexMutex} gives mutual exclusion and never strands a waiter: a counter incremented with a
 * plain load and store inside the lock behaves as an atomic counter ({@link Spec}), whether the lock is
 * taken with {@code lock()} (which futex-waits), with a {@code tryLock()} spin, or as a thread that may
 * not block (the browser's main thread, which retries instead of waiting). A lost unlock notification
 * would leave a thread in the futex wait and Lincheck would report the hang; after every scenario the
 * lock word must be back to 0.
 */
public class FutexMutexTest {
  private static final int LOCK = 0;
  private static final int COUNTER = 1;

  private final JvmSharedWords words = new JvmSharedWords(2);
  private final FutexMutex mutex = new FutexMutex(words, LOCK);
  /** The same lock word, used by a thread that may not wait. */
  private final FutexMutex nonBlocking = new FutexMutex(new NonBlocking(words), LOCK);

  /** Increments under lock(); returns the value before. */
  @Operation
  public int increment() {
    mutex.lock();
    try {
      return bump();
    } finally {
      mutex.unlock();
    }
  }

  /** Increments after spinning on tryLock(); returns the value before. */
  @Operation
  public int spinIncrement() {
    while (!mutex.tryLock()) {
      Thread.onSpinWait();
    }
    try {
      return bump();
    } finally {
      mutex.unlock();
    }
  }

  /** Increments as a thread that may not block; returns the value before. */
  @Operation
  public int nonBlockingIncrement() {
    nonBlocking.lock();
    try {
      return bump();
    } finally {
      nonBlocking.unlock();
    }
  }

  @Operation
  public int get() {
    return words.load(COUNTER);
  }

  private int bump() {
    // Deliberately not atomic: only the lock keeps two increments apart.
    int value = words.load(COUNTER);
    words.store(COUNTER, value + 1);
    return value;
  }

  @Validate
  public void unlockedAtTheEnd() {
    if (words.load(LOCK) != 0) {
      throw new IllegalStateException("lock word is " + words.load(LOCK) + " after every unlock");
    }
  }

  @Test
  public void modelCheck() {
    new ModelCheckingOptions()
        .iterations(30)
        .invocationsPerIteration(1000)
        .threads(3)
        .actorsPerThread(2)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(Spec.class)
        .check(FutexMutexTest.class);
  }

  /** Sequential specification: an atomic counter. */
  public static final class Spec {
    private int value;

    public int increment() {
      return value++;
    }

    public int spinIncrement() {
      return value++;
    }

    public int nonBlockingIncrement() {
      return value++;
    }

    public int get() {
      return value;
    }
  }

  /** A view of the same words for a thread that must not block: canWait() is false, waiting throws. */
  static final class NonBlocking extends ForwardingSharedWords {
    NonBlocking(SharedWords words) {
      super(words);
    }

    @Override
    public int waitWhileEqual(int index, int expected, long timeoutNanos) {
      throw new IllegalStateException("this thread may not block");
    }

    @Override
    public int waitWhileEqualInterruptibly(int index, int expected) {
      throw new IllegalStateException("this thread may not block");
    }

    @Override
    public boolean canWait() {
      return false;
    }
  }
}
