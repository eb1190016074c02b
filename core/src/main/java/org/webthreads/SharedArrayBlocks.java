package org.webthreads;

import org.webthreads.memory.Arena;

/**
 * Where every {@code newShared...Array} method of {@link ThreadPool} gets its memory: a zeroed arena
 * block for an array's words, on the alignment its elements need (2 words for 8-byte elements, so that
 * the browser's {@code Float64Array} and {@code BigInt64Array} views can lie over them) and on a cache
 * line when the array is large and the padding costs no larger block (arrays of more than about 1,000
 * words take an exactly sized block that starts on a cache line anyway).
 */
final class SharedArrayBlocks {
  private SharedArrayBlocks() {
  }

  /**
   * Allocates and zeroes {@code words} words for a {@code type} of {@code length} elements; returns the
   * handle, a multiple of {@code requiredAlignment} (1 or 2 words).
   *
   * @throws IllegalArgumentException for a negative length
   * @throws ArenaTooSmallException when the arena can never hold a block that large
   * @throws ArenaFullException when the arena has no block that large free now
   */
  static int allocate(PoolShared shared, String type, int length, long words, int requiredAlignment) {
    if (length < 0) {
      throw new IllegalArgumentException("negative array length " + length + " for a " + type);
    }
    Arena arena = shared.arena;
    if (words > arena.maxPayloadWords(requiredAlignment)) {
      throw shared.tooLarge("a " + type + " of " + length + " elements needs", words, null,
          "split the data into several smaller arrays");
    }
    int size = (int) words;
    int handle = length >= ThreadPool.ALIGNED_ARRAY_MIN_LENGTH
        ? arena.allocateAlignedIfNoLarger(size, ThreadPool.CACHE_LINE_WORDS, requiredAlignment)
        : arena.allocateAligned(size, requiredAlignment);
    if (handle == Arena.NO_BLOCK) {
      throw new ArenaFullException(arena.fullMessage(size));
    }
    for (int i = 0; i < size; i++) {
      shared.words.store(handle + i, 0);
    }
    return handle;
  }
}
