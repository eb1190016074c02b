package org.webthreads;

import org.webthreads.codec.SharedArrayReference;
import org.webthreads.codec.ValueTag;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;

/**
 * An {@code int} array in the pool's shared arena: every thread of the pool sees the same elements.
 * Pass it as a task argument and the task receives a view of the same memory (nothing is copied).
 * Elements are read and written with the shared-word operations, so {@link #compareAndSet} and
 * {@link #getAndAdd} are atomic across threads. Call {@link #free} when no task uses it any more.
 *
 * <p>It belongs to the pool whose {@code newSharedIntArray} allocated it: passing it to a task of
 * another pool is refused at submit. Freeing it twice is an error (detected by the arena, whichever
 * thread's view frees it), and so is any use of this object after its {@link #free}; another thread's
 * view of the same array cannot tell, so free an array only once no task uses it.
 */
public final class SharedIntArray implements SharedArrayReference {
  private final SharedWords words;
  private final Arena arena;
  private final int handle;
  private final int length;
  private boolean freed;

  SharedIntArray(SharedWords words, Arena arena, int handle, int length) {
    this.words = words;
    this.arena = arena;
    this.handle = handle;
    this.length = length;
  }

  @Override
  public int length() {
    return length;
  }

  /** The arena handle (index of element 0 in the shared words). */
  @Override
  public int handle() {
    return handle;
  }

  @Override
  public int valueTag() {
    return ValueTag.SHARED_INT_ARRAY;
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
    checkLive();
    int[] copy = new int[length];
    for (int i = 0; i < length; i++) {
      copy[i] = words.load(handle + i);
    }
    return copy;
  }

  /**
   * Returns the memory to the arena. Afterwards this object refuses every use.
   *
   * @throws IllegalStateException when the array was freed already (through this or another view)
   */
  public void free() {
    checkLive();
    // Marked first: if the arena finds the block free already (freed through another view), it is
    // not this array's memory any more either way.
    freed = true;
    arena.free(handle);
  }

  /** Whether this array lives in {@code arena} (the pool it may be passed to). */
  boolean belongsTo(Arena arena) {
    return this.arena.isAt(arena.words(), arena.base());
  }

  /** Whether {@link #free} was called on this object. */
  public boolean isFreed() {
    return freed;
  }

  private void checkLive() {
    if (freed) {
      throw new IllegalStateException("shared array (handle " + handle + ", length " + length + ") was "
          + "freed: allocate a new one with ThreadPool.newSharedIntArray");
    }
  }

  private int check(int index) {
    if (freed) {
      checkLive();
    }
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside shared array of length " + length);
    }
    return index;
  }
}
