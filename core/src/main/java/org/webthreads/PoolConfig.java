package org.webthreads;

import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.TaskSlots;

/** Sizes of a pool's shared memory and the choice of shared queue. Immutable; use the withers. */
public final class PoolConfig {
  /** Which {@code SharedQueue} implementation the pool uses. */
  public enum QueueKind { LOCK_FREE, LOCKED }

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
   */
  public static PoolConfig defaults() {
    return new PoolConfig(256, 1 << 16, DEFAULT_ARENA_WORDS, QueueKind.LOCK_FREE, true);
  }

  public PoolConfig withRingCapacity(int capacity) {
    if (capacity < 2 || capacity > LocalRing.MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("ring capacity must be a power of two between 2 and "
          + LocalRing.MAX_CAPACITY + ", was " + capacity);
    }
    return new PoolConfig(capacity, slotCount, arenaWords, queueKind, privateForks);
  }

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

  public PoolConfig withQueue(QueueKind kind) {
    return new PoolConfig(ringCapacity, slotCount, arenaWords, kind, privateForks);
  }

  /**
   * Whether a task body's forks (submits whose result it may join) may stay private to its thread,
   * where joining them costs no shared-memory operation, while its ring holds a task other threads can
   * steal (see docs/scheduler.md, "Private forks"). On by default; off, every fork is pushed to the
   * ring at once.
   */
  public PoolConfig withPrivateForks(boolean enabled) {
    return new PoolConfig(ringCapacity, slotCount, arenaWords, queueKind, enabled);
  }

  public int ringCapacity() {
    return ringCapacity;
  }

  public int slotCount() {
    return slotCount;
  }

  public int arenaWords() {
    return arenaWords;
  }

  public QueueKind queueKind() {
    return queueKind;
  }

  public boolean privateForks() {
    return privateForks;
  }
}
