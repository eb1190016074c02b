package org.webthreads;

import org.webthreads.codec.ValueTag;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;

/**
 * A {@code double} array in the pool's shared arena: every thread of the pool sees the same elements.
 * Pass it as a task argument and the task receives a view of the same memory (nothing is copied).
 * Each element is two shared words (the low and high halves of its IEEE 754 bits), starting on an
 * 8-byte boundary so that the browser's {@code Float64Array} view (the web module's
 * {@code SharedArrayViews.float64}) lies over exactly the elements.
 *
 * <p>Like a non-volatile Java {@code double}, an element is not read or written indivisibly: a
 * {@link #get} racing another thread's {@link #set} of the same element may see the low half of one
 * value and the high half of the other (a value nobody wrote). Hand elements over as with any shared
 * memory: write them, then publish with an atomic operation (a {@link SharedIntArray} counter, a task's
 * completion) that the reader sees first. For indivisible 64-bit elements use {@link SharedLongArray}
 * (with {@link Double#doubleToRawLongBits}).
 *
 * <p>The lifetime rules are {@link SharedArray}'s: allocated by {@code ThreadPool.newSharedDoubleArray},
 * freed once by {@link #free}, refused after its free and in another pool's tasks.
 */
public final class SharedDoubleArray extends SharedArray {
  SharedDoubleArray(SharedWords words, Arena arena, int handle, int length) {
    super(words, arena, handle, length);
  }

  @Override
  public int valueTag() {
    return ValueTag.SHARED_DOUBLE_ARRAY;
  }

  @Override
  String typeName() {
    return "SharedDoubleArray";
  }

  /**
   * Reads element {@code index}; not indivisibly against a racing {@link #set} (see the class comment).
   *
   * @param index the element's index, from 0 to {@code length() - 1}
   * @return its value
   */
  public double get(int index) {
    return Double.longBitsToDouble(load(handle + 2 * check(index)));
  }

  /**
   * Writes {@code value} into element {@code index}, one half after the other (see the class comment).
   *
   * @param index the element's index, from 0 to {@code length() - 1}
   * @param value the new value
   */
  public void set(int index, double value) {
    store(handle + 2 * check(index), Double.doubleToRawLongBits(value));
  }

  /**
   * Copies {@code count} elements from {@code from} on into {@code target[offset ..]}.
   *
   * @param from the first element copied
   * @param target where the elements go
   * @param offset the index in {@code target} of the first one
   * @param count how many elements
   */
  public void copyTo(int from, double[] target, int offset, int count) {
    checkRange(from, count);
    checkJavaRange(target.length, offset, count, "double");
    for (int i = 0; i < count; i++) {
      target[offset + i] = Double.longBitsToDouble(load(handle + 2 * (from + i)));
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
  public void copyFrom(double[] source, int offset, int to, int count) {
    checkRange(to, count);
    checkJavaRange(source.length, offset, count, "double");
    for (int i = 0; i < count; i++) {
      store(handle + 2 * (to + i), Double.doubleToRawLongBits(source[offset + i]));
    }
  }

  /**
   * Fills {@code target} from element 0 on ({@code target.length} elements).
   *
   * @param target filled from its index 0; at most {@code length()} elements
   */
  public void copyTo(double[] target) {
    copyTo(0, target, 0, target.length);
  }

  /**
   * Writes all of {@code source} into the elements from 0 on.
   *
   * @param source written from its index 0; at most {@code length()} elements
   */
  public void copyFrom(double[] source) {
    copyFrom(source, 0, 0, source.length);
  }

  /**
   * A copy of every element, in a new Java array.
   *
   * @return the copy, {@code length()} elements
   */
  public double[] toArray() {
    checkLive();
    double[] copy = new double[length];
    copyTo(0, copy, 0, length);
    return copy;
  }

  private long load(int low) {
    return (words.load(low) & 0xFFFFFFFFL) | ((long) words.load(low + 1) << 32);
  }

  private void store(int low, long bits) {
    words.store(low, (int) bits);
    words.store(low + 1, (int) (bits >>> 32));
  }
}
