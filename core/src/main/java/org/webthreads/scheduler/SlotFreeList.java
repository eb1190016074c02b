package org.webthreads.scheduler;

import org.webthreads.memory.SharedWords;

/**
 * The pool-wide store of free task slots, shared by all threads, in two parts:
 * <ul>
 *   <li>a bump counter of never-used slot ids ({@code FRESH}); and
 *   <li>a lock-free stack (Treiber) of <em>chunks</em>: chains of free slots linked through their
 *       {@link TaskSlots#NEXT} words, each chunk's first slot linking to the next chunk through
 *       {@link TaskSlots#CHUNK_NEXT} and recording its length in {@link TaskSlots#CHUNK_SIZE}.
 * </ul>
 * Threads move whole chunks in and out ({@link SlotMagazine}), so the shared words are touched once per
 * chunk, not once per task.
 *
 * <p>The head word is {@code [tag:12 | slot id:20]}. Every successful CAS on it increments the tag, so a
 * pop that read {@code CHUNK_NEXT} of a chunk that was popped and pushed back in between fails instead
 * of installing a stale link (the ABA problem). Such a failure needs 4096 exact tag wrap-arounds between
 * one thread's load and its CAS to slip through.
 *
 * <p>Layout from {@code base}: [0] head, [1] fresh counter, [2] waiters, [3] release event.
 */
public final class SlotFreeList {
  public static final int WORDS = 4;
  private static final int ID_MASK = (1 << 20) - 1;
  private static final int TAG_ONE = 1 << 20;

  private final SharedWords words;
  private final int headIndex;
  private final int freshIndex;
  private final int waitersIndex;
  private final int eventIndex;
  private final int slotsIndex;
  private final int slotCount;

  /**
   * @param slotsIndex word index of slot id 0 (ids start at 1)
   */
  public SlotFreeList(SharedWords words, int base, int slotsIndex, int slotCount) {
    if (slotCount < 1 || slotCount > TaskSlots.MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slot count must be between 1 and " + TaskSlots.MAX_SLOTS + ", was " + slotCount);
    }
    this.words = words;
    this.headIndex = base;
    this.freshIndex = base + 1;
    this.waitersIndex = base + 2;
    this.eventIndex = base + 3;
    this.slotsIndex = slotsIndex;
    this.slotCount = slotCount;
  }

  public int slotCount() {
    return slotCount;
  }

  public int wordOf(int slot, int field) {
    return slotsIndex + slot * TaskSlots.SLOT_WORDS + field;
  }

  /** Pushes the chunk headed by {@code first} (its chain and size already written). */
  public void pushChunk(int first) {
    while (true) {
      int head = words.load(headIndex);
      // Written before the CAS that publishes the chunk; pairs with the load in popChunk().
      words.store(wordOf(first, TaskSlots.CHUNK_NEXT), head & ID_MASK);
      if (words.compareAndSet(headIndex, head, first | ((head + TAG_ONE) & ~ID_MASK))) {
        break;
      }
    }
    // Wake threads blocked in awaitRelease(). Dekker pair: they increment the waiter count before
    // their last popChunk(); we read it after our push, so one of us sees the other.
    if (words.load(waitersIndex) > 0) {
      words.getAndAdd(eventIndex, 1);
      words.notify(eventIndex, Integer.MAX_VALUE);
    }
  }

  /** Pops a chunk and returns its first slot id (its size is at CHUNK_SIZE), or 0 when none. */
  public int popChunk() {
    while (true) {
      int head = words.load(headIndex);
      int first = head & ID_MASK;
      if (first == 0) {
        return 0;
      }
      // May read a link that is stale by the time we CAS; the tag in the head makes that CAS fail.
      int next = words.load(wordOf(first, TaskSlots.CHUNK_NEXT));
      if (words.compareAndSet(headIndex, head, next | ((head + TAG_ONE) & ~ID_MASK))) {
        return first;
      }
    }
  }

  /**
   * Takes up to {@code count} never-used slot ids; returns the first id shifted left by 32 or'ed with
   * how many were taken (0 when all slots have been handed out once).
   */
  public long takeFresh(int count) {
    while (true) {
      int next = words.load(freshIndex);
      int first = next + 1;
      if (first > slotCount) {
        return 0;
      }
      int taken = Math.min(count, slotCount - next);
      // A CAS rather than getAndAdd so that the counter never runs past the slot count.
      if (words.compareAndSet(freshIndex, next, next + taken)) {
        return ((long) first << 32) | taken;
      }
    }
  }

  /** Whether some thread waits in {@link #awaitRelease}: caching threads should give slots back. */
  public boolean hasWaiters() {
    return words.load(waitersIndex) > 0;
  }

  /**
   * For threads that may not block: announces a waiter (as {@link #awaitRelease} does) and returns the
   * release event's value to wait on asynchronously while it holds; the caller must then look for a
   * slot once more before it waits (pairs with {@link #pushChunk}'s load of the waiter count), and
   * call {@link #retractWaiter} when it stops waiting.
   */
  public int announceWaiter() {
    words.getAndAdd(waitersIndex, 1);
    return words.load(eventIndex);
  }

  /** Ends an {@link #announceWaiter}. */
  public void retractWaiter() {
    words.getAndAdd(waitersIndex, -1);
  }

  /** Index of the word that changes (and is notified) when a chunk is pushed while a waiter is announced. */
  public int eventWordIndex() {
    return eventIndex;
  }

  /**
   * For threads that may block: retries {@code magazine.allocate()} until it yields a slot, sleeping in between until
   * a chunk is pushed. Returns the slot id.
   */
  public int awaitRelease(SlotMagazine magazine, Runnable wakeHolders) {
    words.getAndAdd(waitersIndex, 1);
    // Threads that cache free slots give them back when they see a waiter before sleeping
    // (hasWaiters); wake the sleeping ones so that they look. Pairs with their re-check.
    wakeHolders.run();
    try {
      while (true) {
        int event = words.load(eventIndex);
        int slot = magazine.allocate();
        if (slot != 0) {
          return slot;
        }
        words.waitWhileEqual(eventIndex, event, -1);
      }
    } finally {
      words.getAndAdd(waitersIndex, -1);
    }
  }
}
