package org.webthreads;

import org.webthreads.codec.ValueTag;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;

/**
 * A {@code byte} array in the pool's shared arena: every thread of the pool sees the same elements.
 * Pass it as a task argument and the task receives a view of the same memory (nothing is copied).
 * Bytes are packed four to a shared word, little-endian (byte {@code i} is bits {@code 8 * (i % 4)} of
 * word {@code i / 4}), which is the byte order of the browser's {@code Uint8Array} view (the web
 * module's {@code SharedArrayViews.uint8}).
 *
 * <p>A {@link #set} replaces its byte with a compareAndSet of the word, retried when another thread
 * changed the word meanwhile, so two threads writing neighbouring bytes at the same time never lose
 * each other's byte; {@link #compareAndSet} is atomic the same way. A bulk {@link #copyFrom} stores
 * whole words where it covers all four bytes and merges the partly covered words at its ends the same
 * way.
 *
 * <p>The lifetime rules are {@link SharedArray}'s: allocated by {@code ThreadPool.newSharedByteArray},
 * freed once by {@link #free}, refused after its free and in another pool's tasks.
 */
public final class SharedByteArray extends SharedArray {
  SharedByteArray(SharedWords words, Arena arena, int handle, int length) {
    super(words, arena, handle, length);
  }

  /** Words an array of {@code length} bytes takes. */
  static long wordsFor(int length) {
    return (length + 3L) / 4;
  }

  @Override
  public int valueTag() {
    return ValueTag.SHARED_BYTE_ARRAY;
  }

  @Override
  String typeName() {
    return "SharedByteArray";
  }

  /**
   * Reads byte {@code index}.
   *
   * @param index the byte's index, from 0 to {@code length() - 1}
   * @return its value
   */
  public byte get(int index) {
    check(index);
    return (byte) (words.load(handle + (index >>> 2)) >>> shift(index));
  }

  /**
   * Writes {@code value} into byte {@code index}, leaving the other bytes of its word as they are (even when another thread writes them at the same time).
   *
   * @param index the byte's index, from 0 to {@code length() - 1}
   * @param value the new value
   */
  public void set(int index, byte value) {
    check(index);
    merge(handle + (index >>> 2), 0xFF << shift(index), (value & 0xFF) << shift(index));
  }

  /**
   * Sets byte {@code index} to {@code value} if it holds {@code expected}; whether it did.
   *
   * @param index the byte's index
   * @param expected the value it must hold
   * @param value the new value
   * @return whether it held {@code expected} (and now holds {@code value})
   */
  public boolean compareAndSet(int index, byte expected, byte value) {
    check(index);
    int at = handle + (index >>> 2);
    int shift = shift(index);
    while (true) {
      int word = words.load(at);
      if ((byte) (word >>> shift) != expected) {
        return false;
      }
      int updated = (word & ~(0xFF << shift)) | ((value & 0xFF) << shift);
      // Pairs with every other byte write of this word: it fails if a neighbour changed meanwhile.
      if (words.compareAndSet(at, word, updated)) {
        return true;
      }
    }
  }

  /**
   * Copies {@code count} elements from {@code from} on into {@code target[offset ..]}.
   *
   * @param from the first element copied
   * @param target where the elements go
   * @param offset the index in {@code target} of the first one
   * @param count how many elements
   */
  public void copyTo(int from, byte[] target, int offset, int count) {
    checkRange(from, count);
    checkJavaRange(target.length, offset, count, "byte");
    int i = 0;
    while (i < count) {
      int index = from + i;
      int word = words.load(handle + (index >>> 2));
      for (int b = index & 3; b < 4 && i < count; b++, i++) {
        target[offset + i] = (byte) (word >>> (8 * b));
      }
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
  public void copyFrom(byte[] source, int offset, int to, int count) {
    checkRange(to, count);
    checkJavaRange(source.length, offset, count, "byte");
    int i = 0;
    while (i < count) {
      int index = to + i;
      int first = index & 3;
      int mask = 0;
      int bits = 0;
      for (int b = first; b < 4 && i < count; b++, i++) {
        mask |= 0xFF << (8 * b);
        bits |= (source[offset + i] & 0xFF) << (8 * b);
      }
      if (mask == -1) {
        words.store(handle + (index >>> 2), bits); // all four bytes are ours: no neighbour to keep
      } else {
        merge(handle + (index >>> 2), mask, bits);
      }
    }
  }

  /**
   * Fills {@code target} from element 0 on ({@code target.length} elements).
   *
   * @param target filled from its index 0; at most {@code length()} elements
   */
  public void copyTo(byte[] target) {
    copyTo(0, target, 0, target.length);
  }

  /**
   * Writes all of {@code source} into the elements from 0 on.
   *
   * @param source written from its index 0; at most {@code length()} elements
   */
  public void copyFrom(byte[] source) {
    copyFrom(source, 0, 0, source.length);
  }

  /**
   * A copy of every element, in a new Java array.
   *
   * @return the copy, {@code length()} elements
   */
  public byte[] toArray() {
    checkLive();
    byte[] copy = new byte[length];
    copyTo(0, copy, 0, length);
    return copy;
  }

  private static int shift(int index) {
    return 8 * (index & 3);
  }

  /** Replaces the bits of {@code mask} in word {@code at} with {@code bits}, keeping the others. */
  private void merge(int at, int mask, int bits) {
    while (true) {
      int word = words.load(at);
      // Pairs with every other byte write of this word: a neighbour's byte stored since the load makes
      // it fail, and the retry keeps that byte.
      if (words.compareAndSet(at, word, (word & ~mask) | bits)) {
        return;
      }
    }
  }
}
