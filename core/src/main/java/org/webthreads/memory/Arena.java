package org.webthreads.memory;

/**
 * A block allocator over a range of shared words, usable from every thread: argument blocks too large
 * to sit inline in a task slot, large results, and shared arrays.
 *
 * <p>Blocks come in power-of-two sizes (4 words and up), each starting with a header word holding its size
 * class, and {@link #FREE} while the block is free (so that freeing a block twice is an error, not two
 * later allocations of the same block). Freed blocks go to a free list per class, linked through each
 * block's last word (never padding, see below); new blocks are cut from the untouched end. Blocks are
 * not split or merged, which keeps every operation a few words long. A {@link FutexMutex} guards the
 * bookkeeping: allocation is off the hot path (small arguments travel inline in the slot).
 *
 * <p>Layout from {@code base}: [0] mutex, [1] bump index, [2] words in use, [3 .. 3+CLASSES) free-list
 * heads, then the blocks. A handle is the absolute index of a block's first payload word.
 *
 * <p>{@link #allocateAligned} places the payload on a multiple of an alignment (large shared arrays
 * start on a 64-byte cache line, so that threads writing disjoint ranges at multiples of 16 ints never
 * write the same line). The words skipped between the header and the payload are padding; the word
 * just before such a payload holds minus its distance to the header, so {@link #free} and
 * {@link #payloadWords} find the header from any handle.
 */
public final class Arena {
  private static final int CLASSES = 27;
  private static final int HEADER_WORDS = 3 + CLASSES;
  private static final int MIN_CLASS = 2;
  /** What {@link #allocate} returns when no block is free (never a handle). */
  public static final int NO_BLOCK = 0;
  /** Header flag: the block is on a free list. */
  private static final int FREE = 1 << 30;
  private static final int CLASS_MASK = 0x1F;

  private final SharedWords words;
  private final int base;
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
    this.base = base;
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

  public int capacityWords() {
    return end - blocksStart;
  }

  /**
   * The largest payload any one block can ever have here, however much is free: the largest
   * power-of-two block that fits the arena (and the largest size class), less its header word.
   */
  public int maxPayloadWords() {
    int capacity = capacityWords();
    int block = Integer.highestOneBit(Math.max(capacity, 1));
    return Math.min(block, 1 << (CLASSES - 1)) - 1;
  }

  public int wordsInUse() {
    return words.load(inUseIndex);
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
    // Header, at most alignment - 1 words of padding, payload.
    long needed = (long) payloadWords + alignment;
    int sizeClass = needed > (1 << (CLASSES - 1)) ? CLASSES : classFor((int) needed);
    if (sizeClass >= CLASSES) {
      return NO_BLOCK;
    }
    int blockWords = 1 << sizeClass;
    mutex.lock();
    int header;
    try {
      header = words.load(freeHeadsIndex + sizeClass);
      if (header != 0) {
        // Unlink the first free block; its last word holds the next free header.
        words.store(freeHeadsIndex + sizeClass, words.load(header + blockWords - 1));
      } else {
        header = words.load(bumpIndex);
        if ((long) header + blockWords > end) {
          return NO_BLOCK; // the finally below unlocks
        }
        words.store(bumpIndex, header + blockWords);
      }
      words.store(header, sizeClass);
      words.store(inUseIndex, words.load(inUseIndex) + blockWords);
    } finally {
      mutex.unlock();
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
   * for 64-bit elements) would take; otherwise aligned on {@code requiredAlignment}.
   */
  public int allocateAlignedIfNoLarger(int payloadWords, int alignment, int requiredAlignment) {
    long aligned = (long) payloadWords + alignment;
    long required = (long) payloadWords + requiredAlignment;
    boolean sameClass = aligned <= (1 << (CLASSES - 1))
        && classFor((int) aligned) == classFor((int) Math.min(required, Integer.MAX_VALUE));
    return sameClass ? allocateAligned(payloadWords, alignment) : allocateAligned(payloadWords, requiredAlignment);
  }

  /** The header word of the block behind {@code handle}: just before it, or where the padding says. */
  private int headerOf(int handle) {
    int before = words.load(handle - 1);
    return before < 0 ? handle - 1 + before : handle - 1;
  }

  /**
   * Returns a block to its free list.
   *
   * @throws IllegalStateException when the block is free already (freed twice)
   */
  public void free(int handle) {
    if (handle - 1 < blocksStart || handle - 1 >= end) {
      throw new IllegalArgumentException("not an arena handle: " + handle);
    }
    // The padding word before an aligned payload is never overwritten (the free-list link goes in
    // the block's last word), so the header is found the same way for a block freed before.
    int header = headerOf(handle);
    mutex.lock();
    try {
      int headerWord = words.load(header);
      if ((headerWord & FREE) != 0) {
        throw new IllegalStateException("the arena block at handle " + handle + " is free already: a "
            + "shared array (or argument block) was freed twice. Free each shared array once, and do "
            + "not use it afterwards");
      }
      int sizeClass = headerWord & CLASS_MASK;
      int blockWords = 1 << sizeClass;
      // The link goes in the block's last word, where allocate reads it.
      words.store(header + blockWords - 1, words.load(freeHeadsIndex + sizeClass));
      words.store(header, sizeClass | FREE);
      words.store(freeHeadsIndex + sizeClass, header);
      words.store(inUseIndex, words.load(inUseIndex) - blockWords);
    } finally {
      mutex.unlock();
    }
  }

  /** Payload words of the block behind {@code handle} (at least what was asked for). */
  public int payloadWords(int handle) {
    int header = headerOf(handle);
    return (1 << (words.load(header) & CLASS_MASK)) - 1 - (handle - 1 - header);
  }

  private static int classFor(int blockWords) {
    int sizeClass = 32 - Integer.numberOfLeadingZeros(Math.max(blockWords, 1 << MIN_CLASS) - 1);
    return Math.max(sizeClass, MIN_CLASS);
  }

  /** Why a block of {@code payloadWords} could not be had, and what to do: for the caller's exception. */
  public String fullMessage(int payloadWords) {
    long needed = (long) payloadWords + 1;
    String block = needed > (1 << (CLASSES - 1)) ? "more than the largest block"
        : "a " + (1 << classFor((int) needed)) + "-word block";
    return "shared arena full: cannot allocate " + payloadWords + " words (" + block + "); the arena holds "
        + capacityWords() + " words and " + words.load(inUseIndex) + " are in use. Raise "
        + "PoolConfig.arenaWords, or free shared arrays and join futures whose large results you no "
        + "longer need.";
  }
}
