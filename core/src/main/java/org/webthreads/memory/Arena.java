package org.webthreads.memory;

/**
 * A block allocator over a range of shared words, usable from every thread: argument blocks too large
 * to sit inline in a task slot, large results, and shared arrays.
 *
 * <p>Two kinds of block, from the two ends of the range:
 * <ul>
 *   <li><b>Small blocks</b> (at most {@link #SMALL_BLOCK_MAX_WORDS} words, header included) come in
 *   power-of-two sizes (4 words and up), cut upwards from the bottom. Freed small blocks go to a free
 *   list per size class, linked through each block's last word (never padding, see below); they are
 *   not split or merged, which keeps argument blocks a few words of work. When the last small block
 *   in use is freed, the whole small area goes back to the gap (the lists are emptied and the bump
 *   returns to the bottom), so that many small arrays, all freed, do not keep their words from large
 *   blocks for good.</li>
 *   <li><b>Large blocks</b> (and small requests when no power-of-two block is left) are sized exactly, rounded up to a 64-byte cache line (16 words), cut
 *   downwards from the top. Each one's payload starts on a cache line with its header in the word just
 *   before it, so the blocks run from a word {@code 15 mod 16} to the next such word. Freed large blocks
 *   go to one free list in address order, merged with free neighbours; a freed block at the bottom of
 *   the large area gives its words back to the gap between the two ends. An allocation takes the
 *   smallest free block that fits (its top part; the rest stays free), else cuts from the gap.</li>
 * </ul>
 * Each block starts with a header word: the size class of a small block, or {@link #LARGE} and the
 * size in cache lines of a large one; and {@link #FREE} while the block is free (so that freeing a block
 * twice is an error, not two later allocations of the same block).
 *
 * <p>Concurrency: every word of the bookkeeping (the two ends, the words in use, the free-list heads
 * and links, the headers) is read and written only while holding the {@link FutexMutex} in word 0, so
 * the plain loads and stores below need no ordering of their own: the mutex's acquiring CAS and
 * releasing add order them (see FutexMutex). The one word written outside the mutex is the padding
 * word of an aligned block, before its handle is handed out (see {@link #allocateAligned}). Allocation
 * is off the hot path: small arguments travel inline in the task slot.
 *
 * <p>Layout from {@code base}: [0] mutex, [1] small bump (next small block), [2] words in use, [3]
 * large boundary (lowest large block, or the arena's end when there is none), [4] head of the large free list,
 * [5 .. 5+SMALL_CLASSES) small free-list heads (that of the unused class 0 holds the words of small
 * blocks in use), then the blocks. A handle is the absolute index of a
 * block's first payload word.
 *
 * <p>{@link #allocateAligned} places the payload on a multiple of an alignment (large shared arrays
 * start on a 64-byte cache line, so that threads writing disjoint ranges at multiples of 16 ints never
 * write the same line). The words skipped between the header and the payload are padding; the word
 * just before such a payload holds minus its distance to the header, so {@link #free} and
 * {@link #payloadWords} find the header from any handle. Large blocks need padding only for alignments
 * above 16 words.
 */
public final class Arena {
  /** Blocks of at most this many words (header and padding included) are small: power-of-two sized. */
  public static final int SMALL_BLOCK_MAX_WORDS = 1024;
  private static final int SMALL_CLASSES = 11; // classes 2..10: 4..1024 words (0 and 1 unused)
  private static final int MIN_CLASS = 2;
  private static final int LINE = 16;
  private static final int SMALL_BUMP = 1;
  private static final int IN_USE = 2;
  private static final int LARGE_BOUNDARY = 3;
  private static final int LARGE_FREE_HEAD = 4;
  private static final int SMALL_FREE_HEADS = 5;
  /** Words of small blocks in use: the unused head of size class 0. */
  private static final int SMALL_IN_USE = SMALL_FREE_HEADS;
  private static final int HEADER_WORDS = SMALL_FREE_HEADS + SMALL_CLASSES;
  /** What {@link #allocate} returns when no block is free (never a handle). */
  public static final int NO_BLOCK = 0;
  /** Header flag: the block is free. */
  private static final int FREE = 1 << 30;
  /** Header flag: a large block; the low bits hold its size in cache lines. */
  private static final int LARGE = 1 << 29;
  private static final int LINES_MASK = LARGE - 1;
  private static final int CLASS_MASK = 0x1F;

  private final SharedWords words;
  private final int base;
  private final FutexMutex mutex;
  private final int blocksStart;
  private final int end;
  /** First word of the lowest large block the range can hold: {@code 15 mod 16}, at or after blocksStart. */
  private final int largeStart;
  /**
   * End of the large area: the last word {@code 15 mod 16} at or before {@code end}. The boundary word
   * holds {@code end} instead while there is no large block, so small blocks may use every word.
   */
  private final int largeEnd;

  public Arena(SharedWords words, int base, int totalWords) {
    if (totalWords < HEADER_WORDS + 4) {
      throw new IllegalArgumentException("arena needs at least " + (HEADER_WORDS + 4) + " words");
    }
    this.words = words;
    this.base = base;
    this.mutex = new FutexMutex(words, base);
    this.blocksStart = base + HEADER_WORDS;
    this.end = base + totalWords;
    this.largeStart = ((blocksStart + LINE) & -LINE) - 1;
    this.largeEnd = Math.max(((end + 1) & -LINE) - 1, blocksStart);
  }

  /** Call once before use, before any other thread uses the arena (the pool publishes it after). */
  public void initialize() {
    words.store(base + SMALL_BUMP, blocksStart);
    words.store(base + LARGE_BOUNDARY, end);
    words.store(base + LARGE_FREE_HEAD, 0);
  }

  /** Whether this is the arena at {@code base} of {@code words} (two views of one arena agree). */
  public boolean isAt(SharedWords words, int base) {
    return this.words == words && this.base == base;
  }

  public SharedWords words() {
    return words;
  }

  public int base() {
    return base;
  }

  /** Words for blocks (the arena's size less its bookkeeping). */
  public int capacityWords() {
    return end - blocksStart;
  }

  /**
   * The largest payload any one block can ever have here, however much is free (its handle aligned on
   * 1 word).
   */
  public int maxPayloadWords() {
    return maxPayloadWords(1);
  }

  /** The largest payload any one block whose handle is a multiple of {@code alignment} can ever have. */
  public int maxPayloadWords(int alignment) {
    int largest = largeEnd - largeStart - 1 - largePadding(alignment);
    int small = Math.min(Integer.highestOneBit(Math.max(end - blocksStart, 1)), SMALL_BLOCK_MAX_WORDS);
    return Math.max(Math.max(largest, small - alignment), 0);
  }

  public int wordsInUse() {
    // A plain read of a word written under the mutex: a statistic, exact once the writers are done.
    return words.load(base + IN_USE);
  }

  /**
   * Allocates a block of at least {@code payloadWords} words and returns its handle, or
   * {@link #NO_BLOCK} when the arena has none that large free ({@link #fullMessage} says so).
   */
  public int allocate(int payloadWords) {
    return allocateAligned(payloadWords, 1);
  }

  /**
   * Allocates a block of at least {@code payloadWords} words whose handle (absolute word index) is a
   * multiple of {@code alignment} (a power of two, at most 1024 words); {@link #NO_BLOCK} when full.
   */
  public int allocateAligned(int payloadWords, int alignment) {
    if (payloadWords < 0) {
      throw new IllegalArgumentException("negative block size: " + payloadWords);
    }
    if (alignment < 1 || alignment > 1024 || Integer.bitCount(alignment) != 1) {
      throw new IllegalArgumentException("alignment must be a power of two up to 1024, was " + alignment);
    }
    // Small: header, at most alignment - 1 words of padding, payload (at least one word, so that the
    // handle lies inside the block and its padding word is never the block's last, the free-list link).
    long needed = (long) Math.max(payloadWords, 1) + alignment;
    int header = needed <= SMALL_BLOCK_MAX_WORDS ? allocateSmall(classFor((int) needed)) : NO_BLOCK;
    if (header == NO_BLOCK) {
      // Large, or small with no power-of-two block left: an exactly sized block (so that every size up
      // to maxPayloadWords fits an empty arena).
      header = allocateLarge(largeBlockWords(payloadWords, alignment));
    }
    if (header == NO_BLOCK) {
      return NO_BLOCK;
    }
    int handle = (header + alignment) & -alignment;
    if (handle - 1 != header) {
      // Padding: the word before the payload leads back to the header. Stored before the handle is
      // returned, so a thread that receives the handle (in task arguments, which order their own
      // stores) sees it.
      words.store(handle - 1, header - (handle - 1));
    }
    return handle;
  }

  /** The header of a new small block of {@code sizeClass}, or {@link #NO_BLOCK}. */
  private int allocateSmall(int sizeClass) {
    int blockWords = 1 << sizeClass;
    int headIndex = base + SMALL_FREE_HEADS + sizeClass;
    mutex.lock();
    try {
      int header = words.load(headIndex);
      if (header != 0) {
        // Unlink the first free block; its last word holds the next free header.
        words.store(headIndex, words.load(header + blockWords - 1));
      } else {
        header = words.load(base + SMALL_BUMP);
        if ((long) header + blockWords > words.load(base + LARGE_BOUNDARY)) {
          return NO_BLOCK; // the finally below unlocks
        }
        words.store(base + SMALL_BUMP, header + blockWords);
      }
      words.store(header, sizeClass);
      words.store(base + IN_USE, words.load(base + IN_USE) + blockWords);
      words.store(base + SMALL_IN_USE, words.load(base + SMALL_IN_USE) + blockWords);
      return header;
    } finally {
      mutex.unlock();
    }
  }

  /**
   * The header of a new large block of {@code blockWords} (a multiple of 16, or -1 for more than an
   * int holds), or {@link #NO_BLOCK}: the smallest free block that fits, else cut from the gap.
   */
  private int allocateLarge(long blockWords) {
    if (blockWords < 0 || blockWords > largeEnd - largeStart) {
      return NO_BLOCK; // never fits: no need to look
    }
    int size = (int) blockWords;
    mutex.lock();
    try {
      // Best fit over the free list (address order; few entries: large blocks are shared arrays).
      int best = 0;
      int bestSize = Integer.MAX_VALUE;
      int previous = 0;
      int bestPrevious = 0;
      for (int block = words.load(base + LARGE_FREE_HEAD); block != 0; block = words.load(block + 1)) {
        int blockSize = largeSize(words.load(block));
        if (blockSize >= size && blockSize < bestSize) {
          best = block;
          bestSize = blockSize;
          bestPrevious = previous;
        }
        previous = block;
      }
      int header;
      if (best != 0) {
        if (bestSize == size) {
          setLink(bestPrevious, words.load(best + 1));
          header = best;
        } else {
          // Take the top part; the bottom part stays free in the same place of the list.
          words.store(best, LARGE | FREE | ((bestSize - size) >>> 4));
          header = best + bestSize - size;
        }
      } else {
        // Down from the boundary to a word 15 mod 16 (only the first block cut below the top moves).
        header = ((words.load(base + LARGE_BOUNDARY) - size + 1) & -LINE) - 1;
        if (header < words.load(base + SMALL_BUMP)) {
          return NO_BLOCK; // the finally below unlocks
        }
        words.store(base + LARGE_BOUNDARY, header);
      }
      words.store(header, LARGE | (size >>> 4));
      words.store(base + IN_USE, words.load(base + IN_USE) + size);
      return header;
    } finally {
      mutex.unlock();
    }
  }

  /** Points the link of free large block {@code previous} (0: the list head) at {@code next}. */
  private void setLink(int previous, int next) {
    words.store(previous == 0 ? base + LARGE_FREE_HEAD : previous + 1, next);
  }

  /**
   * Like {@link #allocateAligned} when the alignment costs no larger block than {@link #allocate}
   * would take (the padding fits in the block's spare words); otherwise a plain {@link #allocate}.
   */
  public int allocateAlignedIfNoLarger(int payloadWords, int alignment) {
    return allocateAlignedIfNoLarger(payloadWords, alignment, 1);
  }

  /**
   * Like {@link #allocateAligned} with {@code alignment} when that costs no larger block than
   * {@code requiredAlignment} (a smaller power of two the payload must have in any case, e.g. 2 words
   * for 64-bit elements) would take; otherwise aligned on {@code requiredAlignment}. (Large blocks are
   * aligned on 16 words at no cost.)
   */
  public int allocateAlignedIfNoLarger(int payloadWords, int alignment, int requiredAlignment) {
    boolean noLarger = payloadWords >= 0
        && blockWordsFor(payloadWords, alignment) <= blockWordsFor(payloadWords, requiredAlignment);
    return allocateAligned(payloadWords, noLarger ? alignment : requiredAlignment);
  }

  /** Words of the block {@link #allocateAligned} takes for this request (-1: more than an int holds). */
  private static long blockWordsFor(int payloadWords, int alignment) {
    long needed = (long) Math.max(payloadWords, 1) + alignment; // as allocateAligned
    return needed <= SMALL_BLOCK_MAX_WORDS ? 1 << classFor((int) needed)
        : largeBlockWords(payloadWords, alignment);
  }

  /** A large block's words: header, padding beyond 16-word alignment, payload, rounded to a line. */
  private static long largeBlockWords(int payloadWords, int alignment) {
    long words = ((long) payloadWords + 1 + largePadding(alignment) + LINE - 1) & -LINE;
    return words >>> 4 > LINES_MASK ? -1 : words;
  }

  /** Padding a large block needs: its payload is on a line anyway. */
  private static int largePadding(int alignment) {
    return alignment > LINE ? alignment - LINE : 0;
  }

  private static int largeSize(int headerWord) {
    return (headerWord & LINES_MASK) << 4;
  }

  private static int blockWords(int headerWord) {
    return (headerWord & LARGE) != 0 ? largeSize(headerWord) : 1 << (headerWord & CLASS_MASK);
  }

  /** The header word of the block behind {@code handle}: just before it, or where the padding says. */
  private int headerOf(int handle) {
    int before = words.load(handle - 1);
    return before < 0 ? handle - 1 + before : handle - 1;
  }

  /**
   * Returns a block to the arena.
   *
   * @throws IllegalStateException when the block is free already (freed twice)
   */
  public void free(int handle) {
    if (handle - 1 < blocksStart || handle - 1 >= end) {
      throw new IllegalArgumentException("not an arena handle: " + handle);
    }
    // The padding word before an aligned payload is never overwritten (the free-list links go in a
    // small block's last word and a large block's second, which is never padding: see allocateLarge),
    // so the header is found the same way for a block freed before.
    int header = headerOf(handle);
    mutex.lock();
    try {
      int headerWord = words.load(header);
      if ((headerWord & FREE) != 0) {
        throw new IllegalStateException("the arena block at handle " + handle + " is free already: a "
            + "shared array (or argument block) was freed twice. Free each shared array once, and do "
            + "not use it afterwards");
      }
      int blockWords = blockWords(headerWord);
      if ((headerWord & LARGE) != 0) {
        freeLarge(header, blockWords);
      } else {
        int sizeClass = headerWord & CLASS_MASK;
        int headIndex = base + SMALL_FREE_HEADS + sizeClass;
        // The link goes in the block's last word, where allocateSmall reads it.
        words.store(header + blockWords - 1, words.load(headIndex));
        words.store(header, sizeClass | FREE);
        words.store(headIndex, header);
        freeSmallArea(blockWords);
      }
      words.store(base + IN_USE, words.load(base + IN_USE) - blockWords);
    } finally {
      mutex.unlock();
    }
  }

  /**
   * Under the mutex: counts {@code blockWords} of small blocks freed; when none is left in use, gives
   * the whole small area back to the gap (the freed blocks keep their FREE headers, so a stale handle
   * freed again is still refused until its words are reused).
   */
  private void freeSmallArea(int blockWords) {
    int smallInUse = words.load(base + SMALL_IN_USE) - blockWords;
    words.store(base + SMALL_IN_USE, smallInUse);
    if (smallInUse == 0) {
      for (int sizeClass = MIN_CLASS; sizeClass < SMALL_CLASSES; sizeClass++) {
        words.store(base + SMALL_FREE_HEADS + sizeClass, 0);
      }
      words.store(base + SMALL_BUMP, blocksStart);
    }
  }

  /**
   * Under the mutex: frees a large block, merging it with free neighbours, or returning it (and a free
   * block just above) to the gap when it is the lowest large block. Keeps the free list in address
   * order, with no two free blocks adjacent and none at the boundary.
   */
  private void freeLarge(int header, int size) {
    // Every header of a freed block keeps FREE, also once merged into a neighbour: a second free of
    // the same handle is caught while the words are not given to another block.
    words.store(header, LARGE | FREE | (size >>> 4));
    int boundary = words.load(base + LARGE_BOUNDARY);
    if (header == boundary) {
      int top = header + size;
      int first = words.load(base + LARGE_FREE_HEAD);
      if (first == top) {
        // The lowest free block now touches the gap too (it is the first in address order).
        top += largeSize(words.load(first));
        words.store(base + LARGE_FREE_HEAD, words.load(first + 1));
      }
      // With no large block left, small blocks may use the words above the last line too.
      words.store(base + LARGE_BOUNDARY, top == largeEnd ? end : top);
      return;
    }
    int previous = 0;
    int next = words.load(base + LARGE_FREE_HEAD);
    while (next != 0 && next < header) {
      previous = next;
      next = words.load(next + 1);
    }
    int start = header;
    int merged = size;
    if (next != 0 && header + size == next) {
      // Absorb the free block above.
      merged += largeSize(words.load(next));
      next = words.load(next + 1);
    }
    if (previous != 0 && previous + largeSize(words.load(previous)) == header) {
      // Grow the free block below over this one.
      start = previous;
      merged += largeSize(words.load(previous));
    } else {
      setLink(previous, start);
    }
    words.store(start, LARGE | FREE | (merged >>> 4));
    words.store(start + 1, next);
  }

  /** Payload words of the block behind {@code handle} (at least what was asked for). */
  public int payloadWords(int handle) {
    int header = headerOf(handle);
    return blockWords(words.load(header)) - 1 - (handle - 1 - header);
  }

  private static int classFor(int blockWords) {
    int sizeClass = 32 - Integer.numberOfLeadingZeros(Math.max(blockWords, 1 << MIN_CLASS) - 1);
    return Math.max(sizeClass, MIN_CLASS);
  }

  /**
   * Why a block of {@code payloadWords} that could fit could not be had now, and what to do: for the
   * caller's {@code ArenaFullException}.
   */
  public String fullMessage(int payloadWords) {
    long block = blockWordsFor(Math.max(payloadWords, 0), 1);
    return "shared arena full: cannot allocate " + payloadWords + " words (a " + block + "-word block) now; "
        + "the arena holds " + capacityWords() + " words and " + wordsInUse() + " are in use. Free "
        + "shared arrays and join futures whose large results you no longer need, or give the pool a "
        + "larger arena: PoolConfig.defaults().withArenaWords(" + suggestedWords(payloadWords) + ") or more.";
  }

  /**
   * An arena size (for {@code PoolConfig.withArenaWords}) with room for a block of {@code payloadWords}
   * beside what is in use now, rounded up to a Mi-word.
   */
  public long suggestedWords(long payloadWords) {
    long wanted = (long) wordsInUse() + payloadWords + HEADER_WORDS + 2 * LINE + (1 << 16);
    return (wanted + (1 << 20) - 1) & -(1L << 20);
  }
}
