package org.webthreads;

import org.webthreads.codec.ValueTag;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;

/**
 * A {@code float} array in the pool's shared arena: every thread of the pool sees the same elements
 * (each float is one shared word holding its IEEE 754 bits). Pass it as a task argument and the task
 * receives a view of the same memory (nothing is copied). Bulk data for tasks lives here: audio
 * samples, spectra, results that the page reads while tasks still write. Call {@link #free} when no
 * task uses it any more. In the browser, JavaScript reads and writes the same memory through a
 * {@code Float32Array} view (the web module's {@code SharedArrayViews.float32}).
 *
 * <p>Reads and writes are single shared-word operations: a {@link #get} after another thread's
 * {@link #set} of the same element sees the whole float, never a torn one. To hand a batch of elements
 * to another thread, write them, then publish with an atomic operation on a {@link SharedIntArray} (a
 * counter or sequence word) that the reader reads first, as with any shared memory.
 *
 * <p>The lifetime rules are {@link SharedIntArray}'s: it belongs to the pool whose
 * {@code newSharedFloatArray} allocated it, and passing it to a task of another pool is refused at
 * submit; freeing it twice is an error (detected by the arena, whichever thread's view frees it), and
 * so is any use of this object after its {@link #free}; another thread's view of the same array cannot
 * tell, so free an array only once no task uses it.
 */
public final class SharedFloatArray extends SharedArray {
  SharedFloatArray(SharedWords words, Arena arena, int handle, int length) {
    super(words, arena, handle, length);
  }

  @Override
  public int valueTag() {
    return ValueTag.SHARED_FLOAT_ARRAY;
  }

  @Override
  String typeName() {
    return "SharedFloatArray";
  }

  /**
   * Reads element {@code index}.
   *
   * @param index the element's index, from 0 to {@code length() - 1}
   * @return its value
   */
  public float get(int index) {
    return Float.intBitsToFloat(words.load(handle + check(index)));
  }

  /**
   * Writes {@code value} into element {@code index}.
   *
   * @param index the element's index, from 0 to {@code length() - 1}
   * @param value the new value
   */
  public void set(int index, float value) {
    words.store(handle + check(index), Float.floatToRawIntBits(value));
  }

  /**
   * Copies {@code count} elements from {@code from} on into {@code target[offset ..]}.
   *
   * @param from the first element copied
   * @param target where the elements go
   * @param offset the index in {@code target} of the first one
   * @param count how many elements
   */
  public void copyTo(int from, float[] target, int offset, int count) {
    checkRange(from, count);
    checkJavaRange(target.length, offset, count, "float");
    for (int i = 0; i < count; i++) {
      target[offset + i] = Float.intBitsToFloat(words.load(handle + from + i));
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
  public void copyFrom(float[] source, int offset, int to, int count) {
    checkRange(to, count);
    checkJavaRange(source.length, offset, count, "float");
    for (int i = 0; i < count; i++) {
      words.store(handle + to + i, Float.floatToRawIntBits(source[offset + i]));
    }
  }

  /**
   * Fills {@code target} from element 0 on ({@code target.length} elements).
   *
   * @param target filled from its index 0; at most {@code length()} elements
   */
  public void copyTo(float[] target) {
    copyTo(0, target, 0, target.length);
  }

  /**
   * Writes all of {@code source} into the elements from 0 on.
   *
   * @param source written from its index 0; at most {@code length()} elements
   */
  public void copyFrom(float[] source) {
    copyFrom(source, 0, 0, source.length);
  }

  /**
   * A copy of every element, in a new Java array.
   *
   * @return the copy, {@code length()} elements
   */
  public float[] toArray() {
    checkLive();
    float[] copy = new float[length];
    copyTo(0, copy, 0, length);
    return copy;
  }
}
