package org.webthreads.scheduler;

import org.webthreads.memory.CacheLinePadding;
import org.webthreads.memory.SharedWords;

/**
 * One thread's cache of free task slots (a "magazine" in Bonwick's sense): two chains of at most
 * {@link #CHUNK} slots, private to the thread, so that allocating and freeing a slot costs one shared
 * load or store and no atomic read-modify-write. Only when both chains are full (free) or empty
 * (allocate) does it exchange a whole chunk with the {@link SlotFreeList}; the second chain keeps a
 * thread that alternates between allocating and freeing at a boundary from exchanging on every call.
 *
 * <p>Not thread-safe: each thread (and each pool it uses) has its own.
 */
public final class SlotMagazine extends SlotMagazineFields {
  public static final int CHUNK = 64;

  private final SharedWords words;
  private final SlotFreeList freeList;
  private final boolean caching;
  // Trailing padding (see CacheLinePadding): laid out right after the hot fields of the superclass.
  long q01, q02, q03, q04, q05, q06, q07, q08;
  long q09, q10, q11, q12, q13, q14, q15, q16;

  /**
   * @param caching false for threads that may end at any time (outside threads on the JVM): they then
   *     keep no slots, so a thread that ends cannot take free slots with it
   */
  public SlotMagazine(SharedWords words, SlotFreeList freeList, boolean caching) {
    this.words = words;
    this.freeList = freeList;
    this.caching = caching;
  }

  /** Returns a free slot id with its STATE reset to pending, or 0 when none is to be had. */
  public int allocate() {
    if (!caching) {
      return allocateUncached();
    }
    if (currentCount == 0 && !refill()) {
      return 0;
    }
    int slot = currentHead;
    currentHead = words.load(freeList.wordOf(slot, TaskSlots.NEXT));
    currentCount--;
    SlotCompletion.reset(words, freeList.wordOf(slot, TaskSlots.STATE)); // PENDING, next generation
    return slot;
  }

  public void free(int slot) {
    if (!caching) {
      // A chunk of one slot straight back to the shared list.
      words.store(freeList.wordOf(slot, TaskSlots.NEXT), 0);
      words.store(freeList.wordOf(slot, TaskSlots.CHUNK_SIZE), 1);
      freeList.pushChunk(slot);
      return;
    }
    if (currentCount == CHUNK) {
      if (spareCount == CHUNK) {
        words.store(freeList.wordOf(spareHead, TaskSlots.CHUNK_SIZE), spareCount);
        freeList.pushChunk(spareHead);
      }
      spareHead = currentHead;
      spareCount = currentCount;
      currentHead = 0;
      currentCount = 0;
    }
    // Release: the chain is private until pushChunk's CAS publishes it.
    words.storeRelease(freeList.wordOf(slot, TaskSlots.NEXT), currentHead);
    currentHead = slot;
    currentCount++;
  }

  /** Returns every cached slot to the shared free list (when the thread leaves the pool). */
  public void flush() {
    if (currentCount > 0) {
      words.store(freeList.wordOf(currentHead, TaskSlots.CHUNK_SIZE), currentCount);
      freeList.pushChunk(currentHead);
    }
    if (spareCount > 0) {
      words.store(freeList.wordOf(spareHead, TaskSlots.CHUNK_SIZE), spareCount);
      freeList.pushChunk(spareHead);
    }
    currentHead = currentCount = spareHead = spareCount = 0;
  }

  public int cachedCount() {
    return currentCount + spareCount;
  }

  private int allocateUncached() {
    int slot = freeList.popChunk();
    if (slot != 0) {
      int size = words.load(freeList.wordOf(slot, TaskSlots.CHUNK_SIZE));
      if (size > 1) {
        // Keep one slot, give the rest of the chunk back.
        int rest = words.load(freeList.wordOf(slot, TaskSlots.NEXT));
        words.store(freeList.wordOf(rest, TaskSlots.CHUNK_SIZE), size - 1);
        freeList.pushChunk(rest);
      }
    } else {
      long fresh = freeList.takeFresh(1);
      if (fresh == 0) {
        return 0;
      }
      slot = (int) (fresh >>> 32);
    }
    SlotCompletion.reset(words, freeList.wordOf(slot, TaskSlots.STATE)); // PENDING, next generation
    return slot;
  }

  private boolean refill() {
    if (spareCount > 0) {
      currentHead = spareHead;
      currentCount = spareCount;
      spareHead = spareCount = 0;
      return true;
    }
    int first = freeList.popChunk();
    if (first != 0) {
      currentHead = first;
      currentCount = words.load(freeList.wordOf(first, TaskSlots.CHUNK_SIZE));
      return true;
    }
    long fresh = freeList.takeFresh(CHUNK);
    if (fresh == 0) {
      return false;
    }
    int start = (int) (fresh >>> 32);
    int count = (int) fresh;
    for (int i = count - 1; i >= 0; i--) {
      // Release: private until pushChunk's CAS publishes the chain.
      words.storeRelease(freeList.wordOf(start + i, TaskSlots.NEXT), currentHead);
      currentHead = start + i;
    }
    currentCount = count;
    return true;
  }
}

/** The chain heads and counts a {@link SlotMagazine} changes on every allocation and free, padded. */
abstract class SlotMagazineFields extends CacheLinePadding {
  int currentHead;
  int currentCount;
  int spareHead;
  int spareCount;
}
