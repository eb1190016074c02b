package org.webthreads.scheduler;

import org.webthreads.memory.SharedWords;

/**
 * Where each part of a pool lives in shared memory. A pool's region starts with a header that records
 * the sizes, so a thread with only the region's base (a Web Worker) can rebuild the same layout.
 *
 * <pre>
 * base+0   header: magic, (unused), active workers, thread count, ring capacity, slot count,
 *          arena words, queue kind, total words, private forks (1 or 0), stopped by loss (1 or 0)
 * base+16  idle word (Parking), alone on its cache line
 * base+40  run state and outside submits in flight (RunState), alone on its cache line
 * base+48  the pool's thread ids, in pool order
 * ...      slot free list, shared queue, one block per pool thread, task slots, arena
 * </pre>
 * A thread block is {@code [park, signal, fork-epoch, membership, statistics (7 words), ...]}, then the ring state word on
 * the next cache line, then the ring cells, then {@link #FRAME_RECORDS} task records (the tasks whose
 * bodies are on the thread's stack: see {@link #frameRecordsIndex}); blocks are multiples of 16 words
 * (64 bytes) so that threads do not share lines.
 */
public final class PoolLayout {
  public static final int MAGIC = 0x57544852;
  /** The most shared words one pool may take (its bytes must be countable in an int: 2 GiB). */
  public static final int MAX_TOTAL_WORDS = Integer.MAX_VALUE / 4;

  /**
   * Added to every thread's signal word when the run state changes, so that the loop's one load per
   * task notices a shutdown as well as yield requests. The low 24 bits count yield requests.
   */
  public static final int RUN_STATE_CHANGED = 1 << 24;
  public static final int YIELD_COUNT_MASK = RUN_STATE_CHANGED - 1;
  /**
   * Set in a thread's signal word by a statistics reader on another heap (set once, by a CAS, however
   * many readers ask); the thread publishes its counters at its next task boundary and clears it. Far
   * above the run-state changes, which are counted from bit 24 and happen at most twice.
   */
  public static final int STATISTICS_REQUESTED = 1 << 30;

  /** Membership word: the thread serves the pool, or has not attached yet (the initial zero). */
  public static final int MEMBER = 0;
  /** Membership word: the thread left the pool at shutdown (and took itself off the active count). */
  public static final int LEFT = 1;
  /** Membership word: the thread stopped for good while a member; another thread repaired the pool. */
  public static final int LOST = 2;

  /**
   * How many of a thread's nested published tasks are recorded in shared memory (deeper ones are not:
   * a thread lost with more than this many on its stack leaves the extra ones pending).
   */
  public static final int FRAME_RECORDS = 64;

  /**
   * Words of a thread's published statistics (see {@link #statisticsIndex}): a sequence word, then
   * tasks run, tasks stolen and times parked, each as two words (low, high).
   */
  public static final int STATISTICS_WORDS = 7;
  private static final int STATISTICS_OFFSET = 4;

  private static final int H_MAGIC = 0;
  /** Header word 1 is unused (the run state had it, see RUN_STATE). */
  private static final int H_ACTIVE = 2;
  private static final int H_THREADS = 3;
  private static final int H_RING = 4;
  private static final int H_SLOTS = 5;
  private static final int H_ARENA = 6;
  private static final int H_QUEUE = 7;
  private static final int H_TOTAL = 8;
  private static final int H_PRIVATE_FORKS = 9;
  private static final int H_STOPPED_BY_LOSS = 10;
  private static final int IDLE = 16;
  /**
   * The run-state word (RunState), alone in the middle of words 32..47: outside submitters
   * read-modify-write it twice per task, so it must not share a cache line with the idle word, which
   * pool threads write whenever they sleep and wake. (A JVM int[] does not start on a cache line, so
   * "alone on its line" needs room on both sides: on a line it shared, the two RMWs cost a third of
   * the outside-submit throughput.)
   */
  private static final int RUN_STATE = 40;
  private static final int IDS = 48;

  public final int base;
  public final int threadCount;
  public final int ringCapacity;
  public final int slotCount;
  public final int arenaWords;
  /** 0 = lock-free shared queue, 1 = locked. */
  public final int queueKind;
  public final int queueCapacity;
  /** Task bodies keep their forks private at first (see org.webthreads.PrivateForks). */
  public final boolean privateForks;

  public final int freeListBase;
  public final int queueBase;
  public final int threadsBase;
  public final int threadBlockWords;
  private final int frameRecordsOffset;
  public final int slotsBase;
  public final int arenaBase;
  public final int totalWords;

  public PoolLayout(int base, int threadCount, int ringCapacity, int slotCount, int arenaWords,
      int queueKind, boolean privateForks) {
    this.base = base;
    this.privateForks = privateForks;
    this.threadCount = threadCount;
    this.ringCapacity = ringCapacity;
    this.slotCount = slotCount;
    this.arenaWords = arenaWords;
    this.queueKind = queueKind;
    int capacity = 1;
    while (capacity <= slotCount) {
      capacity <<= 1;
    }
    this.queueCapacity = capacity;
    this.freeListBase = align(base + IDS + threadCount);
    this.queueBase = align(freeListBase + SlotFreeList.WORDS);
    int queueWords = queueKind == 0
        ? LockFreeSharedQueue.wordsFor(capacity) : LockedSharedQueue.wordsFor(capacity);
    this.threadsBase = align(queueBase + queueWords);
    this.frameRecordsOffset = align(32 + ringCapacity);
    this.threadBlockWords = frameRecordsOffset + FRAME_RECORDS;
    this.slotsBase = threadsBase + threadCount * threadBlockWords;
    this.arenaBase = slotsBase + (slotCount + 1) * TaskSlots.SLOT_WORDS;
    long total = (long) arenaBase + arenaWords - base;
    if (total > MAX_TOTAL_WORDS) {
      throw new IllegalArgumentException("pool needs " + total + " words of shared memory, more than "
          + "a SharedArrayBuffer can hold: lower the slot count or arena size");
    }
    this.totalWords = (int) total;
  }

  /** Rebuilds the layout of the pool whose region starts at {@code base}. */
  public static PoolLayout read(SharedWords words, int base) {
    if (words.load(base + H_MAGIC) != MAGIC) {
      throw new IllegalStateException("no webthreads pool at shared word " + base);
    }
    return new PoolLayout(base, words.load(base + H_THREADS), words.load(base + H_RING),
        words.load(base + H_SLOTS), words.load(base + H_ARENA), words.load(base + H_QUEUE),
        words.load(base + H_PRIVATE_FORKS) != 0);
  }

  /** Writes the header and thread ids; the magic word goes last (it marks the region as ready). */
  public void writeHeader(SharedWords words, int[] threadIds) {
    words.store(base + RUN_STATE, RunState.RUNNING);
    words.store(base + H_ACTIVE, threadCount);
    words.store(base + H_THREADS, threadCount);
    words.store(base + H_RING, ringCapacity);
    words.store(base + H_SLOTS, slotCount);
    words.store(base + H_ARENA, arenaWords);
    words.store(base + H_QUEUE, queueKind);
    words.store(base + H_TOTAL, totalWords);
    words.store(base + H_PRIVATE_FORKS, privateForks ? 1 : 0);
    for (int i = 0; i < threadCount; i++) {
      words.store(base + IDS + i, threadIds[i]);
      for (int w = 0; w < STATISTICS_WORDS; w++) {
        words.store(statisticsIndex(i) + w, 0);
      }
    }
    words.store(base + H_MAGIC, MAGIC);
  }

  public int[] readThreadIds(SharedWords words) {
    int[] ids = new int[threadCount];
    for (int i = 0; i < threadCount; i++) {
      ids[i] = words.load(base + IDS + i);
    }
    return ids;
  }

  /** The run state and the outside submits in flight ({@link RunState}). */
  public int runStateIndex() {
    return base + RUN_STATE;
  }

  public int activeWorkersIndex() {
    return base + H_ACTIVE;
  }

  /** 1 once the pool stopped because its last thread was lost (ThreadPool.workerLost), else 0. */
  public int stoppedByLossIndex() {
    return base + H_STOPPED_BY_LOSS;
  }

  public int idleIndex() {
    return base + IDLE;
  }

  public int parkIndex(int poolIndex) {
    return threadsBase + poolIndex * threadBlockWords;
  }

  /**
   * The thread's signal word: yield requests not yet served (low 24 bits; in the browser one per JS
   * task on its way) plus {@link #RUN_STATE_CHANGED} per run-state change, plus
   * {@link #STATISTICS_REQUESTED}.
   */
  public int signalIndex(int poolIndex) {
    return threadsBase + poolIndex * threadBlockWords + 1;
  }

  /**
   * The thread's fork epoch: advanced (and notified) when the thread publishes or finishes a private
   * fork that another thread waits for (see org.webthreads.PrivateForks).
   */
  public int forkEpochIndex(int poolIndex) {
    return threadsBase + poolIndex * threadBlockWords + 2;
  }

  /** The thread's membership: {@link #MEMBER}, {@link #LEFT} or {@link #LOST}. */
  public int membershipIndex(int poolIndex) {
    return threadsBase + poolIndex * threadBlockWords + 3;
  }

  /**
   * First of the thread's {@link #FRAME_RECORDS} task records: record k holds the slot id of the k-th
   * published task with a future (not detached) whose body is on the thread's stack, outermost first,
   * and 0 after the last; so that the tasks of a thread that stops for good can be failed.
   */
  public int frameRecordsIndex(int poolIndex) {
    return threadsBase + poolIndex * threadBlockWords + frameRecordsOffset;
  }

  /**
   * First of the thread's {@link #STATISTICS_WORDS} statistics words, on the line of its park and
   * signal words: the thread publishes its counters there at rare moments (before parking, when it
   * leaves the pool, when a reader asked through {@link #STATISTICS_REQUESTED}), for readers on other
   * heaps (the page).
   */
  public int statisticsIndex(int poolIndex) {
    return threadsBase + poolIndex * threadBlockWords + STATISTICS_OFFSET;
  }

  public int ringStateIndex(int poolIndex) {
    return threadsBase + poolIndex * threadBlockWords + 16;
  }

  public int ringBufferIndex(int poolIndex) {
    return threadsBase + poolIndex * threadBlockWords + 32;
  }

  private static int align(int index) {
    return (index + 15) & ~15;
  }
}
