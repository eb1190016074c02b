package org.webthreads.memory;

import org.webthreads.ArenaFullException;

/**
 * A block allocator over a range of shared words, usable from every thread: argument blocks too large
 * to sit inline in a task slot, large results, and shared arrays.
 *
 * <p>Blocks come in power-of-two sizes (4 words and up), each preceded by a header word holding its size
 * class. Freed blocks go to a free list per class; new blocks are cut from the untouched end. Blocks are
 * not split or merged, which keeps every operation a few words long. A {@link FutexMutex} guards the
 * bookkeeping: allocation is off the hot path (small arguments travel inline in the slot).
 *
 * <p>Layout from {@code base}: [0] mutex, [1] bump index, [2] words in use, [3 .. 3+CLASSES) free-list
 * heads, then the blocks. A handle is the absolute index of a block's first payload word.
 */
public final class Arena {
  private static final int CLASSES = 27;
  private static final int HEADER_WORDS = 3 + CLASSES;
  private static final int MIN_CLASS = 2;

  private final SharedWords words;
  private final FutexMutex mutex;
  private final int bumpIndex;
  private final int inUseIndex;
  private final int freeHeadsIndex;
  private final int blocksStart;
  private final int end;

  public Arena(SharedWords words, int base, int totalWords) {
    if (totalWords < HEADER_WORDS) {
      throw new IllegalArgumentException("arena needs at least " + HEADER_WORDS + " words");
    }
    this.words = words;
    this.mutex = new FutexMutex(words, base);
    this.bumpIndex = base + 1;
    this.inUseIndex = base + 2;
    this.freeHeadsIndex = base + 3;
    this.blocksStart = base + HEADER_WORDS;
    this.end = base + totalWords;
  }

  /** Call once before use. */
  public void initialize() {
    words.store(bumpIndex, blocksStart);
  }

  public int capacityWords() {
    return end - blocksStart;
  }

  public int wordsInUse() {
    return words.load(inUseIndex);
  }

  /** Allocates a block of at least {@code payloadWords} words and returns its handle. */
  public int allocate(int payloadWords) {
    if (payloadWords < 0) {
      throw new IllegalArgumentException("negative block size: " + payloadWords);
    }
    int sizeClass = payloadWords >= (1 << (CLASSES - 1)) ? CLASSES : classFor(payloadWords + 1);
    if (sizeClass >= CLASSES) {
      throw full(payloadWords, Integer.MAX_VALUE);
    }
    int blockWords = 1 << sizeClass;
    mutex.lock();
    int header;
    try {
      header = words.load(freeHeadsIndex + sizeClass);
      if (header != 0) {
        // Unlink the first free block; its payload word 0 holds the next free header.
        words.store(freeHeadsIndex + sizeClass, words.load(header + 1));
      } else {
        header = words.load(bumpIndex);
        if ((long) header + blockWords > end) {
          throw full(payloadWords, blockWords);
        }
        words.store(bumpIndex, header + blockWords);
      }
      words.store(header, sizeClass);
      words.store(inUseIndex, words.load(inUseIndex) + blockWords);
    } finally {
      mutex.unlock();
    }
    return header + 1;
  }

  /** Returns a block to its free list. */
  public void free(int handle) {
    int header = handle - 1;
    if (header < blocksStart || header >= end) {
      throw new IllegalArgumentException("not an arena handle: " + handle);
    }
    int sizeClass = words.load(header);
    mutex.lock();
    try {
      words.store(handle, words.load(freeHeadsIndex + sizeClass));
      words.store(freeHeadsIndex + sizeClass, header);
      words.store(inUseIndex, words.load(inUseIndex) - (1 << sizeClass));
    } finally {
      mutex.unlock();
    }
  }

  /** Payload words of the block behind {@code handle} (at least what was asked for). */
  public int payloadWords(int handle) {
    return (1 << words.load(handle - 1)) - 1;
  }

  private static int classFor(int blockWords) {
    int sizeClass = 32 - Integer.numberOfLeadingZeros(Math.max(blockWords, 1 << MIN_CLASS) - 1);
    return Math.max(sizeClass, MIN_CLASS);
  }

  private ArenaFullException full(int payloadWords, int blockWords) {
    return new ArenaFullException("shared arena full: cannot allocate " + payloadWords + " words (a "
        + blockWords + "-word block); the arena holds " + capacityWords() + " words and "
        + words.load(inUseIndex) + " are in use. Raise PoolConfig.arenaWords, or free shared arrays "
        + "and join futures whose large results you no longer need.");
  }
}
