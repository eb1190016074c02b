package org.webthreads;

import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.LockFreeSharedQueue;
import org.webthreads.scheduler.LockedSharedQueue;
import org.webthreads.scheduler.Parking;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.SharedQueue;
import org.webthreads.scheduler.SlotFreeList;
import org.webthreads.scheduler.TaskSlots;

/**
 * One thread's view of a pool's shared structures: the words, where everything lives in them
 * ({@link PoolLayout}), and the objects that work on them (queue, free list, arena, parking, run state,
 * rings). Every other part of a pool reads what it needs from here. On the JVM all threads share one
 * view; in the browser each worker builds its own over the same memory.
 */
final class PoolShared {
  final Platform platform;
  final SharedWords words;
  final PoolLayout layout;
  final SharedQueue queue;
  final SlotFreeList freeList;
  final Arena arena;
  final Parking parking;
  final RunState runState;
  final LocalRing[] rings;
  final int[] threadIds;

  PoolShared(Platform platform, SharedWords words, PoolLayout layout) {
    this.platform = platform;
    this.words = words;
    this.layout = layout;
    this.threadIds = layout.readThreadIds(words);
    this.queue = layout.queueKind == 0
        ? new LockFreeSharedQueue(words, layout.queueBase, layout.queueCapacity)
        : new LockedSharedQueue(words, layout.queueBase, layout.queueCapacity);
    this.freeList = new SlotFreeList(words, layout.freeListBase, layout.slotsBase, layout.slotCount);
    this.arena = new Arena(words, layout.arenaBase, layout.arenaWords);
    int[] parkIndex = new int[layout.threadCount];
    this.rings = new LocalRing[layout.threadCount];
    for (int k = 0; k < layout.threadCount; k++) {
      parkIndex[k] = layout.parkIndex(k);
      rings[k] = new LocalRing(words, layout.ringStateIndex(k), layout.ringBufferIndex(k),
          layout.ringCapacity);
    }
    this.parking = new Parking(words, layout.idleIndex(), parkIndex);
    this.runState = new RunState(words, layout.runStateIndex());
  }

  /** Index of word {@code field} (a {@link TaskSlots} offset) of task slot {@code slot}. */
  int slotWord(int slot, int field) {
    return freeList.wordOf(slot, field);
  }

  /** Position of {@code threadId} in this pool, or -1. */
  int indexOf(int threadId) {
    for (int k = 0; k < threadIds.length; k++) {
      if (threadIds[k] == threadId) {
        return k;
      }
    }
    return -1;
  }

  int requireIndex(int threadId) {
    int index = indexOf(threadId);
    if (index < 0) {
      throw new IllegalArgumentException("thread " + threadId + " is not in this pool; its threads are "
          + java.util.Arrays.toString(threadIds));
    }
    return index;
  }

  /** An arena block of {@code payloadWords}, or {@link ArenaFullException} saying what to do. */
  int allocateBlock(int payloadWords) {
    int handle = arena.allocate(payloadWords);
    if (handle == Arena.NO_BLOCK) {
      throw new ArenaFullException(arena.fullMessage(payloadWords));
    }
    return handle;
  }

  /**
   * The one error for a block that this pool's arena can never hold: names {@code what} needed
   * {@code size} words, the arena's capacity, {@code consequence} (what happened, or null) and the fix
   * ({@code hint}: how to do without so large a block).
   */
  ArenaTooSmallException tooLarge(String what, long size, String consequence, String hint) {
    long suggested = arena.suggestedWords(size);
    String fix = suggested + layout.arenaBase - layout.base > PoolLayout.MAX_TOTAL_WORDS
        ? "No pool can hold that much (a pool's shared memory is at most " + PoolLayout.MAX_TOTAL_WORDS
            + " words, 2 GiB): " + hint
        : "Create the pool with PoolConfig.defaults().withArenaWords(" + suggested + ") or more, or "
            + hint;
    return new ArenaTooSmallException(what + " " + size + " words of shared memory, more than this "
        + "pool's arena can ever hold in one block (at most " + arena.maxPayloadWords() + " of its "
        + arena.capacityWords() + " words)" + (consequence == null ? "" : "; " + consequence) + ". " + fix
        + ".");
  }
}
