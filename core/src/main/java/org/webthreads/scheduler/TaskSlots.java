package org.webthreads.scheduler;

/**
 * Layout of a task slot: 16 shared words (one 64-byte cache line) describing one submitted task.
 *
 * <pre>
 *  0 STATE          PENDING, then DONE / FAILED / CANCELLED (low byte); bit 8 = a joiner may be waiting;
 *                   bit 9 = the future's owner sleeps and wants to be woken (see SlotCompletion);
 *                   bit 10 = flipped to wake the joiners of a cancelled task (see SlotCompletion);
 *                   bits 16..31 = generation, +1 each time the slot is allocated (see SlotCompletion)
 *  1 KIND           task-kind id                      (while free: NEXT, the next free slot)
 *  2 (unused)                                         (while free: CHUNK_NEXT, the next free chunk)
 *  3 ARGS           [in arena:1 | detached:1 | cancel requested:1 | words:29]
 *                                                     (while free: CHUNK_SIZE of the chunk it heads)
 *  4..10            arguments inline (7 words) or an arena handle
 * 11 RESULT         result area header
 * 12..15            result inline (4 words) or an arena handle
 * </pre>
 * Slot ids run from 1; id 0 means "no task" everywhere (queues return it when empty).
 */
public final class TaskSlots {
  public static final int SLOT_WORDS = 16;

  public static final int STATE = 0;
  public static final int KIND = 1;
  public static final int NEXT = 1;
  public static final int CHUNK_NEXT = 2;
  public static final int ARGS = 3;
  public static final int CHUNK_SIZE = 3;
  public static final int ARGS_INLINE_WORDS = 7;
  public static final int RESULT = 11;
  public static final int RESULT_INLINE_WORDS = 4;

  public static final int PENDING = 0;
  public static final int DONE = 1;
  public static final int FAILED = 2;
  public static final int CANCELLED = 3;
  public static final int OUTCOME_MASK = 0xFF;
  public static final int WAITER = 0x100;
  /**
   * The pool thread that holds this task's future went to sleep while a thread waited for a slot, and
   * must be woken to harvest it when the task completes (separate heaps only; see SlotCompletion).
   */
  public static final int OWNER_WAKE = 0x200;
  /**
   * Flipped by {@link SlotCompletion#wakeWaiters} when a future is cancelled while its task runs: a
   * change of the word that wakes its waiters without touching the outcome, the bits above or the
   * generation.
   */
  public static final int CANCEL_WAKE = 0x400;
  /** One step of the generation in the STATE word's upper half. */
  public static final int GENERATION_ONE = 1 << 16;

  /** ARGS header bit: the arguments live in an arena block whose handle is the next word. */
  public static final int ARGS_IN_ARENA = 1 << 31;
  /** ARGS header bit: submitted with execute(); nobody holds a future, the runner frees the slot. */
  public static final int DETACHED = 1 << 30;
  /**
   * ARGS header bit, separate heaps only: the future's holder cancelled the task (TaskFuture.cancel), so
   * a runner that has not started it skips its body. Set after publication by the holder alone; the
   * runner reads the header anyway, so the check costs no extra load.
   */
  public static final int CANCEL_REQUESTED = 1 << 29;
  /** ARGS header: the argument stream's length in words (the arena's largest block is 2^26 words). */
  public static final int ARGS_LENGTH_MASK = (1 << 29) - 1;

  /** Largest slot count: ids must fit the 20-bit id field of {@link SlotFreeList}'s head word. */
  public static final int MAX_SLOTS = (1 << 20) - 1;

  private TaskSlots() {
  }
}
