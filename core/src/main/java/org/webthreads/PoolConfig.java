package org.webthreads;

import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.TaskSlots;

/** Sizes of a pool's shared memory and the choice of shared queue. Immutable; use the withers. */
public final class PoolConfig {
  /** Which {@link org.webthreads.scheduler.SharedQueue} implementation the pool uses. */
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

  /**
   * 256-slot rings, 65536 task slots, a 1 Mi-word (4 MiB) arena, the lock-free shared queue, private
   * forks.
   */
  public static PoolConfig defaults() {
    return new PoolConfig(256, 1 << 16, 1 << 20, QueueKind.LOCK_FREE, true);
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

  public PoolConfig withArenaWords(int words) {
    if (words < 64) {
      throw new IllegalArgumentException("arena must have at least 64 words, was " + words);
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
