package org.webthreads;

import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.TaskSlots;

/** Sizes of a pool's shared memory and the choice of shared queue. Immutable; use the withers. */
public final class PoolConfig {
  /** Which {@code SharedQueue} implementation the pool uses. */
  public enum QueueKind {
    /** A bounded lock-free queue (the default): each cell carries a sequence number. */
    LOCK_FREE,
    /** A circular buffer guarded by a mutex in shared memory. */
    LOCKED
  }

  private final int ringCapacity;
  private final int slotCount;
  private final int arenaWords;
  private final QueueKind queueKind;
  private final boolean privateForks;

  private PoolConfig(int ringCapacity, int slotCount, int arenaWords, QueueKind queueKind,
      boolean privateForks) {
    this.ringCapacity = ringCapacity;
    this.slotCount = slotCount;
    this.arenaWords = arenaWords;
    this.queueKind = queueKind;
    this.privateForks = privateForks;
  }

  /** Words in the default arena: 4 Mi words (16 MiB). */
  public static final int DEFAULT_ARENA_WORDS = 1 << 22;

  /**
   * 256-slot rings, 65536 task slots, a 4 Mi-word (16 MiB) arena ({@link #DEFAULT_ARENA_WORDS}: room
   * for two full-HD RGBA images as {@code SharedIntArray}s and the argument blocks beside them), the
   * lock-free shared queue, private forks.
   *
   * @return the default configuration
   */
  public static PoolConfig defaults() {
    return new PoolConfig(256, 1 << 16, DEFAULT_ARENA_WORDS, QueueKind.LOCK_FREE, true);
  }

  /**
   * Each pool thread's ring (the tasks it queued for itself, which other threads steal from) holds
   * {@code capacity} tasks; a full ring's overflow goes to the shared queue.
   *
   * @param capacity a power of two from 2 to the ring's maximum
   * @return a copy of this configuration with that capacity
   * @throws IllegalArgumentException for another value
   */
  public PoolConfig withRingCapacity(int capacity) {
    if (capacity < 2 || capacity > LocalRing.MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("ring capacity must be a power of two between 2 and "
          + LocalRing.MAX_CAPACITY + ", was " + capacity);
    }
    return new PoolConfig(capacity, slotCount, arenaWords, queueKind, privateForks);
  }

  /**
   * The number of task slots: how many tasks may be queued, running, or finished but unjoined at once.
   * With none free, a submit on a pool thread runs queued tasks until one frees, one on an outside
   * thread that may block waits, and one on the browser's page throws {@link SlotsExhaustedException}.
   *
   * @param count from 1 to the layout's maximum
   * @return a copy of this configuration with that many slots
   * @throws IllegalArgumentException for another value
   */
  public PoolConfig withSlotCount(int count) {
    if (count < 1 || count > TaskSlots.MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slot count must be between 1 and " + TaskSlots.MAX_SLOTS + ", was " + count);
    }
    return new PoolConfig(ringCapacity, count, arenaWords, queueKind, privateForks);
  }

  /**
   * The size of the pool's arena in 32-bit words (4 bytes each): it holds every shared array, the
   * arguments too large for a task slot (over 7 words) and, where threads have heaps of their own
   * (the browser), results over 4 words. Shared arrays of more than about 1,000 words take their own
   * size rounded up to 16 words; smaller blocks a power of two. In the browser the words are taken
   * from the page's shared memory when the pool is created; on the JVM they are one {@code int[]}.
   *
   * @param words at least 64, at most what a pool's 2 GiB can hold beside its own structures
   * @return a copy of this configuration with that arena
   * @throws IllegalArgumentException for a size out of that range
   */
  public PoolConfig withArenaWords(int words) {
    if (words < 64) {
      throw new IllegalArgumentException("arena must have at least 64 words, was " + words);
    }
    if (words > PoolLayout.MAX_TOTAL_WORDS - (1 << 20)) {
      throw new IllegalArgumentException("arena of " + words + " words is more than a pool can have: at "
          + "most " + (PoolLayout.MAX_TOTAL_WORDS - (1 << 20)) + " words (2 GiB less the pool's own "
          + "structures)");
    }
    return new PoolConfig(ringCapacity, slotCount, words, queueKind, privateForks);
  }

  /**
   * Which shared queue (outside submits and ring overflow) the pool uses: lock-free by default.
   *
   * @param kind the queue's implementation
   * @return a copy of this configuration with that queue
   */
  public PoolConfig withQueue(QueueKind kind) {
    return new PoolConfig(ringCapacity, slotCount, arenaWords, kind, privateForks);
  }

  /**
   * Whether a task body's forks (submits whose result it may join) may stay private to its thread,
   * where joining them costs no shared-memory operation, while its ring holds a task other threads can
   * steal (see docs/scheduler.md, "Private forks"). On by default; off, every fork is pushed to the
   * ring at once.
   *
   * @param enabled false to push every fork to the ring at once
   * @return a copy of this configuration with that setting
   */
  public PoolConfig withPrivateForks(boolean enabled) {
    return new PoolConfig(ringCapacity, slotCount, arenaWords, queueKind, enabled);
  }

  /**
   * Tasks a pool thread's ring holds.
   *
   * @return the ring capacity
   */
  public int ringCapacity() {
    return ringCapacity;
  }

  /**
   * Task slots: tasks in flight at once.
   *
   * @return the slot count
   */
  public int slotCount() {
    return slotCount;
  }

  /**
   * The arena's size in words.
   *
   * @return the arena words
   */
  public int arenaWords() {
    return arenaWords;
  }

  /**
   * The shared queue's implementation.
   *
   * @return the queue kind
   */
  public QueueKind queueKind() {
    return queueKind;
  }

  /**
   * Whether forks may stay private to their thread.
   *
   * @return true when private forks are on
   */
  public boolean privateForks() {
    return privateForks;
  }
}
