package org.webthreads.memory;

/**
 * Makes 64-bit values stored as two 32-bit shared words readable and writable as one indivisible
 * value, with one shared word per group of values: a sequence lock. The word is even while no writer
 * holds it; a writer makes it odd (a compareAndSet), stores both halves, and stores the next even
 * number. A reader loads the word, both halves, and the word again, and retries unless the two loads
 * saw the same even number: no writer was inside meanwhile, so the halves belong together.
 *
 * <p>Why a lock word rather than 64-bit atomics: {@link SharedWords} has only 32-bit operations, and
 * the JVM platform keeps its words in an {@code int[]} (through a VarHandle, which has no 64-bit view
 * of an int array); one scheme that needs nothing more than the 32-bit operations runs the same on
 * every platform. Cost: a read is 4 loads (retried while a writer is inside), a write or
 * read-modify-write is a compareAndSet, the element's loads and stores, and one store; writers of
 * different values guarded by the same word take turns. Writers spin (never futex-wait): a critical
 * section is a few stores, and the browser's main thread may not wait anyway.
 *
 * <p>Every access of a guarded value must go through this lock (two plain word stores outside it could
 * be seen half-done). All operations are sequentially consistent shared-word operations, so the
 * halves' loads cannot move out of the window the two sequence loads bound. The 32-bit sequence wraps
 * after 2^31 writes; a reader would have to stall across exactly that many writes to be fooled.
 */
public final class SequenceLock {
  private final SharedWords words;
  private final int lockIndex;

  /** The lock at {@code lockIndex} of {@code words} (a zero word is unlocked, sequence 0). */
  public SequenceLock(SharedWords words, int lockIndex) {
    this.words = words;
    this.lockIndex = lockIndex;
  }

  /** Reads the 64-bit value at {@code low} (low half) and {@code low + 1} (high half) indivisibly. */
  public long read(int low) {
    while (true) {
      // Pairs with lockWrite's compareAndSet and unlockWrite's store: an even value seen before and
      // after the halves means no writer stored between the two loads.
      int before = words.load(lockIndex);
      if ((before & 1) == 0) {
        long value = loadHalves(low);
        // Pairs with lockWrite's compareAndSet: a writer that began after the first load made it odd.
        if (words.load(lockIndex) == before) {
          return value;
        }
      }
    }
  }

  /** Writes the 64-bit value at {@code low} indivisibly. */
  public void write(int low, long value) {
    int sequence = lockWrite();
    storeHalves(low, value);
    unlockWrite(sequence);
  }

  /** Sets the value at {@code low} to {@code value} if it holds {@code expected}, indivisibly. */
  public boolean compareAndSet(int low, long expected, long value) {
    int sequence = lockWrite();
    boolean matches = loadHalves(low) == expected;
    if (matches) {
      storeHalves(low, value);
    }
    unlockWrite(sequence);
    return matches;
  }

  /** Adds {@code delta} to the value at {@code low} indivisibly; returns the value before. */
  public long getAndAdd(int low, long delta) {
    int sequence = lockWrite();
    long before = loadHalves(low);
    storeHalves(low, before + delta);
    unlockWrite(sequence);
    return before;
  }

  /** Sets the value at {@code low} indivisibly; returns the value before. */
  public long getAndSet(int low, long value) {
    int sequence = lockWrite();
    long before = loadHalves(low);
    storeHalves(low, value);
    unlockWrite(sequence);
    return before;
  }

  /**
   * Takes the write lock (for bulk writes of many values); returns the sequence to pass to
   * {@link #unlockWrite}. Spins while another writer holds it.
   */
  public int lockWrite() {
    while (true) {
      int sequence = words.load(lockIndex);
      // Even to odd acquires the lock; pairs with unlockWrite's store (the previous writer's halves
      // are visible once its release is seen) and with readers' second load (they retry).
      if ((sequence & 1) == 0 && words.compareAndSet(lockIndex, sequence, sequence + 1)) {
        return sequence;
      }
    }
  }

  /** Releases the write lock taken by {@link #lockWrite} (which returned {@code sequence}). */
  public void unlockWrite(int sequence) {
    // Releases the halves stored since lockWrite; pairs with readers' loads of the word and with the
    // next writer's compareAndSet.
    words.store(lockIndex, sequence + 2);
  }

  /** Both halves, plainly: only inside the write lock or a read's sequence window. */
  public long loadHalves(int low) {
    return (words.load(low) & 0xFFFFFFFFL) | ((long) words.load(low + 1) << 32);
  }

  /** Stores both halves, plainly: only inside the write lock. */
  public void storeHalves(int low, long value) {
    words.store(low, (int) value);
    words.store(low + 1, (int) (value >>> 32));
  }
}
