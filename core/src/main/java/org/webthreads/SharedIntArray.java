package org.webthreads;

import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;

/**
 * An {@code int} array in the pool's shared arena: every thread of the pool sees the same elements.
 * Pass it as a task argument and the task receives a view of the same memory (nothing is copied).
 * Elements are read and written with the shared-word operations, so {@link #compareAndSet} and
 * {@link #getAndAdd} are atomic across threads. Call {@link #free} when no task uses it any more.
 */
public final class SharedIntArray {
  private final SharedWords words;
  private final Arena arena;
  private final int handle;
  private final int length;

  SharedIntArray(SharedWords words, Arena arena, int handle, int length) {
    this.words = words;
    this.arena = arena;
    this.handle = handle;
    this.length = length;
  }

  public int length() {
    return length;
  }

  /** The arena handle (index of element 0 in the shared words). */
  public int handle() {
    return handle;
  }

  public int get(int index) {
    return words.load(handle + check(index));
  }

  public void set(int index, int value) {
    words.store(handle + check(index), value);
  }

  public boolean compareAndSet(int index, int expected, int value) {
    return words.compareAndSet(handle + check(index), expected, value);
  }

  public int getAndAdd(int index, int delta) {
    return words.getAndAdd(handle + check(index), delta);
  }

  /**
   * Wakes every thread waiting for element {@code index} to change (a blocking wait on a worker or
   * the JVM, or an asynchronous one on the browser's main thread). Call after the store or add that
   * a waiter is waiting for, e.g. when a countdown reaches zero.
   */
  public int notifyWaiters(int index) {
    return words.notify(handle + check(index), Integer.MAX_VALUE);
  }

  /**
   * Blocks while element {@code index} holds {@code expected}, until {@link #notifyWaiters} (or at
   * once when it holds another value). Not on the browser's main thread: it must never block.
   */
  public void awaitChange(int index, int expected) {
    words.waitWhileEqual(handle + check(index), expected, -1);
  }

  public int[] toArray() {
    int[] copy = new int[length];
    for (int i = 0; i < length; i++) {
      copy[i] = words.load(handle + i);
    }
    return copy;
  }

  /** Returns the memory to the arena. Using the array afterwards is an error the caller must avoid. */
  public void free() {
    arena.free(handle);
  }

  private int check(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside shared array of length " + length);
    }
    return index;
  }
}
