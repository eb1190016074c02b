package org.webthreads;

import org.webthreads.codec.ValueTag;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;

/**
 * An {@code int} array in the pool's shared arena: every thread of the pool sees the same elements.
 * Pass it as a task argument and the task receives a view of the same memory (nothing is copied).
 * Elements are read and written with the shared-word operations, so {@link #compareAndSet},
 * {@link #getAndAdd} and {@link #getAndSet} are atomic across threads, and {@link #get} and
 * {@link #set} are volatile (sequentially consistent, as {@code AtomicIntegerArray}'s);
 * {@link #setRelease} is the cheaper release store. Call {@link #free} when no task uses it any more.
 *
 * <p>It belongs to the pool whose {@code newSharedIntArray} allocated it: passing it to a task of
 * another pool is refused at submit. Freeing it twice is an error (detected by the arena, whichever
 * thread's view frees it), and so is any use of this object after its {@link #free}; another thread's
 * view of the same array cannot tell, so free an array only once no task uses it.
 */
public final class SharedIntArray extends SharedArray {
  SharedIntArray(SharedWords words, Arena arena, int handle, int length) {
    super(words, arena, handle, length);
  }

  @Override
  public int valueTag() {
    return ValueTag.SHARED_INT_ARRAY;
  }

  @Override
  String typeName() {
    return "SharedIntArray";
  }

  /**
   * Reads element {@code index} (a sequentially consistent load).
   *
   * @param index the element's index, from 0 to {@code length() - 1}
   * @return its value
   */
  public int get(int index) {
    return words.load(handle + check(index));
  }

  /**
   * Writes {@code value} into element {@code index} (a sequentially consistent store).
   *
   * @param index the element's index, from 0 to {@code length() - 1}
   * @param value the new value
   */
  public void set(int index, int value) {
    words.store(handle + check(index), value);
  }

  /**
   * A release store (Java's {@code setRelease}): a thread that reads this value with {@link #get} also
   * sees every write this thread made before it. Unlike {@link #set} it does not order itself before
   * this thread's later reads, so never use it where a thread stores a flag and then reads another
   * thread's flag (Dekker); in the browser, where every shared access is sequentially consistent, it
   * is {@link #set}.
   *
   * @param index the element's index
   * @param value the new value
   */
  public void setRelease(int index, int value) {
    words.storeRelease(handle + check(index), value);
  }

  /**
   * Sets element {@code index} to {@code value}; returns the value before.
   *
   * @param index the element's index
   * @param value the new value
   * @return the value it replaced
   */
  public int getAndSet(int index, int value) {
    int at = handle + check(index);
    while (true) {
      int before = words.load(at);
      // Pairs with every other write of the element: fails, and retries, if one came in between.
      if (words.compareAndSet(at, before, value)) {
        return before;
      }
    }
  }

  /**
   * Sets element {@code index} to {@code value} if it holds {@code expected}, atomically.
   *
   * @param index the element's index
   * @param expected the value it must hold
   * @param value the new value
   * @return whether it held {@code expected} (and now holds {@code value})
   */
  public boolean compareAndSet(int index, int expected, int value) {
    return words.compareAndSet(handle + check(index), expected, value);
  }

  /**
   * Adds {@code delta} to element {@code index}, atomically (wrapping on overflow).
   *
   * @param index the element's index
   * @param delta what to add (negative to subtract)
   * @return the value before the add
   */
  public int getAndAdd(int index, int delta) {
    return words.getAndAdd(handle + check(index), delta);
  }

  /**
   * Wakes every thread waiting for element {@code index} to change (a blocking wait on a worker or
   * the JVM, or an asynchronous one on the browser's main thread). Call after the store or add that
   * a waiter is waiting for, e.g. when a countdown reaches zero.
   *
   * @param index the element waiters wait on
   * @return how many waiting threads were woken
   */
  public int notifyWaiters(int index) {
    return words.notify(handle + check(index), Integer.MAX_VALUE);
  }

  /**
   * Blocks while element {@code index} holds {@code expected}, until {@link #notifyWaiters} (or at
   * once when it holds another value). Not on the browser's main thread: it must never block.
   *
   * @param index the element to watch
   * @param expected the value to wait past
   */
  public void awaitChange(int index, int expected) {
    words.waitWhileEqual(handle + check(index), expected, -1);
  }

  /**
   * Copies {@code count} elements from {@code from} on into {@code target[offset ..]}.
   *
   * @param from the first element copied
   * @param target where the elements go
   * @param offset the index in {@code target} of the first one
   * @param count how many elements
   */
  public void copyTo(int from, int[] target, int offset, int count) {
    checkRange(from, count);
    checkJavaRange(target.length, offset, count, "int");
    for (int i = 0; i < count; i++) {
      target[offset + i] = words.load(handle + from + i);
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
  public void copyFrom(int[] source, int offset, int to, int count) {
    checkRange(to, count);
    checkJavaRange(source.length, offset, count, "int");
    for (int i = 0; i < count; i++) {
      words.store(handle + to + i, source[offset + i]);
    }
  }

  /**
   * Fills {@code target} from element 0 on ({@code target.length} elements).
   *
   * @param target filled from its index 0; at most {@code length()} elements
   */
  public void copyTo(int[] target) {
    copyTo(0, target, 0, target.length);
  }

  /**
   * Writes all of {@code source} into the elements from 0 on.
   *
   * @param source written from its index 0; at most {@code length()} elements
   */
  public void copyFrom(int[] source) {
    copyFrom(source, 0, 0, source.length);
  }

  /**
   * A copy of every element, in a new Java array.
   *
   * @return the copy, {@code length()} elements
   */
  public int[] toArray() {
    checkLive();
    int[] copy = new int[length];
    copyTo(0, copy, 0, length);
    return copy;
  }
}
