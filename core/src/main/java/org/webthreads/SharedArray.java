package org.webthreads;

import org.webthreads.codec.SharedArrayReference;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;

/**
 * What every shared array of a pool has in common: a block of the pool's arena, its length, and its
 * lifetime rules. An array belongs to the pool whose {@code newShared...Array} allocated it: passing it
 * to a task of another pool is refused at submit, and a task receives a view of the same memory
 * (nothing is copied). {@link #free} returns the block; freeing twice is an error (detected by the arena,
 * whichever thread's view frees it), and so is any use of this object after its free. Another thread's
 * view of the same array cannot tell, so free an array only once no task uses it.
 */
public abstract class SharedArray implements SharedArrayReference {
  final SharedWords words;
  private final Arena arena;
  final int handle;
  final int length;
  private boolean freed;

  SharedArray(SharedWords words, Arena arena, int handle, int length) {
    this.words = words;
    this.arena = arena;
    this.handle = handle;
    this.length = length;
  }

  @Override
  public final int length() {
    return length;
  }

  /**
   * The arena handle (index of element 0 in the shared words). Platform code uses it to make views
   * (the browser's typed arrays); application code should not need it.
   */
  @Override
  public final int handle() {
    return handle;
  }

  /**
   * Returns the memory to the arena. Afterwards this object refuses every use.
   *
   * @throws IllegalStateException when the array was freed already (through this or another view)
   */
  public final void free() {
    checkLive();
    // Marked first: if the arena finds the block free already (freed through another view), it is
    // not this array's memory any more either way.
    freed = true;
    arena.free(handle);
  }

  /**
   * Whether {@link #free} was called on this object.
   *
   * @return true once freed through this object (another view of the same memory may still say false)
   */
  public final boolean isFreed() {
    return freed;
  }

  /** Whether this array lives in {@code arena} (the pool it may be passed to). */
  final boolean belongsTo(Arena arena) {
    return this.arena.isAt(arena.words(), arena.base());
  }

  /** The name users know the type by, for messages. */
  abstract String typeName();

  final void checkLive() {
    if (freed) {
      throw new IllegalStateException(typeName() + " (handle " + handle + ", length " + length + ") was "
          + "freed: allocate a new one with ThreadPool.new" + typeName());
    }
  }

  /** {@code index}, checked against the length (and the array live). */
  final int check(int index) {
    if (freed) {
      checkLive();
    }
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " outside " + typeName() + " of length "
          + length);
    }
    return index;
  }

  /** Checks that {@code count} elements from {@code from} are in the array (and it is live). */
  final void checkRange(int from, int count) {
    checkLive();
    if (from < 0 || count < 0 || count > length - from) {
      throw new IndexOutOfBoundsException("elements " + from + " .. " + ((long) from + count)
          + " are outside " + typeName() + " of length " + length);
    }
  }

  /** Checks that {@code count} elements at {@code offset} are in a Java array of {@code arrayLength}. */
  static void checkJavaRange(int arrayLength, int offset, int count, String what) {
    if (offset < 0 || count < 0 || count > arrayLength - offset) {
      throw new IndexOutOfBoundsException(count + " elements at " + offset + " do not fit " + what + "["
          + arrayLength + "]");
    }
  }
}
