package org.webthreads;

import org.webthreads.codec.ValueTag;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SequenceLock;
import org.webthreads.memory.SharedWords;

/**
 * A {@code long} array in the pool's shared arena: every thread of the pool sees the same elements.
 * Pass it as a task argument and the task receives a view of the same memory (nothing is copied).
 *
 * <p>Every access is atomic: {@link #get} never sees half of a {@link #set}, and {@link #compareAndSet},
 * {@link #getAndAdd} and {@link #getAndSet} are indivisible across threads. Shared words are 32 bits,
 * so an element is two words (low, high) and the array's last word is a {@code SequenceLock} that all
 * of its elements share: a read is 4 word loads (no lock, retried while a writer is inside); a write or
 * an atomic update is one compareAndSet, the element's words and one store, and writers of the same
 * array take turns even on different elements. Arrays that many threads update heavily should be split
 * (one array per thread, or a {@link SharedIntArray} where 32 bits do).
 *
 * <p>Elements start on an 8-byte boundary, so that the browser's {@code BigInt64Array} view (the web
 * module's {@code SharedArrayViews.bigInt64}) lies over them; that view bypasses the lock, so read
 * through it while no other thread writes the array, and write while no other thread uses it.
 *
 * <p>The lifetime rules are {@link SharedArray}'s: allocated by {@code ThreadPool.newSharedLongArray},
 * freed once by {@link #free}, refused after its free and in another pool's tasks.
 */
public final class SharedLongArray extends SharedArray {
  private final SequenceLock lock;

  SharedLongArray(SharedWords words, Arena arena, int handle, int length) {
    super(words, arena, handle, length);
    this.lock = new SequenceLock(words, lockIndex(handle, length));
  }

  /** Words an array of {@code length} elements takes: two per element and the lock word. */
  static long wordsFor(int length) {
    return 2L * length + 1;
  }

  private static int lockIndex(int handle, int length) {
    return handle + 2 * length;
  }

  @Override
  public int valueTag() {
    return ValueTag.SHARED_LONG_ARRAY;
  }

  @Override
  String typeName() {
    return "SharedLongArray";
  }

  /**
   * Reads element {@code index}, both halves as one (never a torn value).
   *
   * @param index the element's index, from 0 to {@code length() - 1}
   * @return its value
   */
  public long get(int index) {
    return lock.read(handle + 2 * check(index));
  }

  /**
   * Writes {@code value} into element {@code index}, both halves as one.
   *
   * @param index the element's index, from 0 to {@code length() - 1}
   * @param value the new value
   */
  public void set(int index, long value) {
    lock.write(handle + 2 * check(index), value);
  }

  /**
   * Sets element {@code index} to {@code value} if it holds {@code expected}; whether it did.
   *
   * @param index the element's index
   * @param expected the value it must hold
   * @param value the new value
   * @return whether it held {@code expected} (and now holds {@code value})
   */
  public boolean compareAndSet(int index, long expected, long value) {
    return lock.compareAndSet(handle + 2 * check(index), expected, value);
  }

  /**
   * Adds {@code delta} to element {@code index}; returns the value before.
   *
   * @param index the element's index
   * @param delta what to add (negative to subtract)
   * @return the value before the add
   */
  public long getAndAdd(int index, long delta) {
    return lock.getAndAdd(handle + 2 * check(index), delta);
  }

  /**
   * Sets element {@code index} to {@code value}; returns the value before.
   *
   * @param index the element's index
   * @param value the new value
   * @return the value it replaced
   */
  public long getAndSet(int index, long value) {
    return lock.getAndSet(handle + 2 * check(index), value);
  }

  /**
   * Copies {@code count} elements from {@code from} on into {@code target[offset ..]}, as one snapshot
   * (writers wait meanwhile).
   *
   * @param from the first element copied
   * @param target where the elements go
   * @param offset the index in {@code target} of the first one
   * @param count how many elements
   */
  public void copyTo(int from, long[] target, int offset, int count) {
    checkRange(from, count);
    checkJavaRange(target.length, offset, count, "long");
    int sequence = lock.lockWrite();
    try {
      for (int i = 0; i < count; i++) {
        target[offset + i] = lock.loadHalves(handle + 2 * (from + i));
      }
    } finally {
      lock.unlockWrite(sequence);
    }
  }

  /**
   * Copies {@code count} elements of {@code source} from {@code offset} on into this array from {@code to}.
   *
   * @param source where the elements come from
   * @param offset the index in {@code source} of the first one
   * @param to the first element written
   * @param count how many elements
   */
  public void copyFrom(long[] source, int offset, int to, int count) {
    checkRange(to, count);
    checkJavaRange(source.length, offset, count, "long");
    int sequence = lock.lockWrite();
    try {
      for (int i = 0; i < count; i++) {
        lock.storeHalves(handle + 2 * (to + i), source[offset + i]);
      }
    } finally {
      lock.unlockWrite(sequence);
    }
  }

  /**
   * Fills {@code target} from element 0 on ({@code target.length} elements).
   *
   * @param target filled from its index 0; at most {@code length()} elements
   */
  public void copyTo(long[] target) {
    copyTo(0, target, 0, target.length);
  }

  /**
   * Writes all of {@code source} into the elements from 0 on.
   *
   * @param source written from its index 0; at most {@code length()} elements
   */
  public void copyFrom(long[] source) {
    copyFrom(source, 0, 0, source.length);
  }

  /**
   * A copy of every element, in a new Java array.
   *
   * @return the copy, {@code length()} elements
   */
  public long[] toArray() {
    checkLive();
    long[] copy = new long[length];
    copyTo(0, copy, 0, length);
    return copy;
  }
}
