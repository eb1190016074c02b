package org.webthreads;

import org.webthreads.memory.Arena;

/**
 * Where the {@code newShared...Array} methods of {@link ThreadPool} get their memory: a zeroed arena
 * block for an array's words, on the alignment its elements need (2 words for 8-byte elements, so that
 * the browser's {@code Float64Array} and {@code BigInt64Array} views can lie over them) and on a cache
 * line when the array is large and the padding costs no larger block.
 */
final class SharedArrayBlocks {
  private SharedArrayBlocks() {
  }

  /**
   * Allocates and zeroes {@code words} words for an array of {@code length} elements; returns the
   * handle, a multiple of {@code requiredAlignment} (1 or 2 words).
   *
   * @throws ArenaFullException when the arena has no block that large free
   */
  static int allocate(PoolShared shared, int length, long words, int requiredAlignment) {
    if (length < 0) {
      throw new IllegalArgumentException("negative array length " + length);
    }
    Arena arena = shared.arena;
    if (words > arena.maxPayloadWords()) {
      throw new ArenaFullException("an array of " + length + " elements takes " + words + " words of "
          + "shared memory, more than this pool's arena can ever hold in one block ("
          + arena.maxPayloadWords() + " words): raise PoolConfig.arenaWords, or split the array");
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
