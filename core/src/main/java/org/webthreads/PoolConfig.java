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

  private PoolConfig(int ringCapacity, int slotCount, int arenaWords, QueueKind queueKind) {
    this.ringCapacity = ringCapacity;
    this.slotCount = slotCount;
    this.arenaWords = arenaWords;
    this.queueKind = queueKind;
  }

  /** 256-slot rings, 65536 task slots, a 1 Mi-word (4 MiB) arena, the lock-free shared queue. */
  public static PoolConfig defaults() {
    return new PoolConfig(256, 1 << 16, 1 << 20, QueueKind.LOCK_FREE);
  }

  public PoolConfig withRingCapacity(int capacity) {
    if (capacity < 2 || capacity > LocalRing.MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("ring capacity must be a power of two between 2 and "
          + LocalRing.MAX_CAPACITY + ", was " + capacity);
    }
    return new PoolConfig(capacity, slotCount, arenaWords, queueKind);
  }

  public PoolConfig withSlotCount(int count) {
    if (count < 1 || count > TaskSlots.MAX_SLOTS) {
      throw new IllegalArgumentException(
          "slot count must be between 1 and " + TaskSlots.MAX_SLOTS + ", was " + count);
    }
    return new PoolConfig(ringCapacity, count, arenaWords, queueKind);
  }

  public PoolConfig withArenaWords(int words) {
    if (words < 64) {
      throw new IllegalArgumentException("arena must have at least 64 words, was " + words);
    }
    return new PoolConfig(ringCapacity, slotCount, words, queueKind);
  }

  public PoolConfig withQueue(QueueKind kind) {
    return new PoolConfig(ringCapacity, slotCount, arenaWords, kind);
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
}
