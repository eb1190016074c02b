package org.webthreads;

import org.webthreads.codec.ValueCodec;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.TaskSlots;

/**
 * What a task slot carries between threads: the encoded arguments (inline, or in an arena block whose
 * handle is inline), and where futures are harvested (separate heaps) the result or the failure. See
 * {@link TaskSlots} for the slot's words.
 *
 * <p>Every word here is written with a release store: the operation that hands the slot on publishes
 * it (the push of the task for arguments, the completion's getAndAdd for results), so no word needs
 * a fence of its own.
 */
final class SlotIO {
  private static final int ARGS_IN_ARENA = TaskSlots.ARGS_IN_ARENA;
  private static final int LENGTH_MASK = TaskSlots.ARGS_LENGTH_MASK;
  private static final int RESULT_IN_ARENA = 1 << 31;
  /**
   * RESULT header of a task failed by the repair of a lost thread: no stream, the low bits hold the lost
   * thread's id and the next word {@link #LOST_TERMINATED} and {@link #LOST_QUEUED} (the reader builds
   * the message from them).
   */
  private static final int RESULT_THREAD_LOST = 1 << 30;
  /**
   * RESULT header of a failure whose class name alone is kept in the slot's own words, the arena having
   * no block even for that; the low bits hold its length (see writeFailure).
   */
  private static final int RESULT_CLASS_IN_SLOT = 1 << 29;
  private static final int RESULT_LENGTH_MASK = (1 << 29) - 1;
  /** Characters of a class name kept in the slot: 4 per word in the 7 argument and 4 result words. */
  private static final int CLASS_IN_SLOT_CHARS =
      4 * (TaskSlots.ARGS_INLINE_WORDS + TaskSlots.RESULT_INLINE_WORDS);
  static final int LOST_TERMINATED = 1;
  static final int LOST_QUEUED = 2;

  private final Pool pool;
  private final PoolShared shared;
  private final SharedWords words;

  SlotIO(Pool pool) {
    this.pool = pool;
    this.shared = pool.shared;
    this.words = shared.words;
  }

  // ---- arguments ----

  /**
   * Words the encoded arguments take. A type that cannot cross threads is an error naming the argument,
   * and so is a shared array of another pool or one freed through this object; arguments larger than
   * any block the arena can ever hold are refused with {@link ArenaFullException} before anything is
   * written (sizes are summed as longs: they can exceed what an int counts).
   */
  int argumentWords(TaskKind<?> kind, Object[] args) {
    long argWords = 0;
    if (args != null) {
      for (int i = 0; i < args.length; i++) {
        try {
          argWords += ValueCodec.sizeOf(args[i]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "task '" + kind.name() + "' argument " + i + ": " + e.getMessage());
        }
        if (args[i] instanceof SharedArray) {
          checkSharedArray(kind, i, (SharedArray) args[i]);
        } else if (args[i] instanceof TaskProgress) {
          checkProgress(kind, i, (TaskProgress) args[i]);
        }
      }
    }
    if (argWords > TaskSlots.ARGS_INLINE_WORDS && argWords > shared.arena.maxPayloadWords()) {
      throw tooLarge("task '" + kind.name() + "': its arguments take", argWords, "nothing was submitted");
    }
    return (int) argWords;
  }

  private void checkSharedArray(TaskKind<?> kind, int i, SharedArray array) {
    String type = array.typeName();
    if (!array.belongsTo(shared.arena)) {
      throw new IllegalArgumentException("task '" + kind.name() + "' argument " + i + ": a "
          + type + " of another pool. A shared array lives in the arena of the pool that "
          + "allocated it: allocate it with this pool's new" + type);
    }
    if (array.isFreed()) {
      throw new IllegalArgumentException("task '" + kind.name() + "' argument " + i + ": a "
          + type + " that was freed; allocate a new one with new" + type);
    }
  }

  private void checkProgress(TaskKind<?> kind, int i, TaskProgress progress) {
    if (!progress.belongsTo(shared.arena) || progress.isFreed()) {
      throw new IllegalArgumentException("task '" + kind.name() + "' argument " + i + ": a TaskProgress "
          + (progress.isFreed() ? "that was freed" : "of another pool") + "; make one with this pool's "
          + "newTaskProgress and free it only after its tasks");
    }
  }

  /** The error for a stream of {@code size} words that no arena block of this pool can ever hold. */
  private ArenaTooSmallException tooLarge(String what, long size, String consequence) {
    return shared.tooLarge(what, size, consequence,
        "put bulk data in a SharedIntArray (allocated once, passed as a handle)");
  }

  /** Writes the argument stream of {@code argWords} words (see {@link #argumentWords}). */
  void writeArgs(int slot, Object[] args, int argWords, int flags) {
    ValueCodec.writeAll(args, words, argsStart(slot, argWords, flags));
  }

  /** Writes one {@code int} argument, as {@link #writeArgs} would write an Integer. */
  void writeIntArg(int slot, int arg, int flags) {
    int header = shared.slotWord(slot, TaskSlots.ARGS);
    words.storeRelease(header, ValueCodec.INT_WORDS | flags);
    ValueCodec.writeInt(arg, words, header + 1);
  }

  /**
   * Copies a private fork's encoded arguments into its new slot. Returns false, writing nothing that
   * stays allocated, when the arena has no block for them.
   */
  boolean copyForkArgs(int slot, ForkArgs args) {
    int length = args.length();
    int at;
    try {
      at = argsStart(slot, length, 0);
    } catch (ArenaFullException e) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      words.storeRelease(at + i, args.load(i));
    }
    return true;
  }

  /** Writes the ARGS header for {@code argWords} words (inline or in the arena); returns where they go. */
  private int argsStart(int slot, int argWords, int flags) {
    int header = shared.slotWord(slot, TaskSlots.ARGS);
    if (argWords <= TaskSlots.ARGS_INLINE_WORDS) {
      words.storeRelease(header, argWords | flags);
      return header + 1;
    }
    int handle = shared.allocateBlock(argWords);
    words.storeRelease(header + 1, handle);
    words.storeRelease(header, argWords | ARGS_IN_ARENA | flags);
    return handle;
  }

  /** Writes the task's kind id: published with the arguments by the push that follows. */
  void writeKind(int slot, TaskKind<?> kind) {
    words.storeRelease(shared.slotWord(slot, TaskSlots.KIND), kind.id());
  }

  int kindId(int slot) {
    return words.load(shared.slotWord(slot, TaskSlots.KIND));
  }

  /** The ARGS header word of {@code slot}: argument length, arena, detached and cancel bits. */
  int argsHeader(int slot) {
    return words.load(shared.slotWord(slot, TaskSlots.ARGS));
  }

  /**
   * Separate heaps: the holder of the future of the pending task in {@code slot} cancelled it. Nobody
   * else writes the header once the task is published, and the slot stays the holder's until it
   * harvests, so a load and a release store suffice; the runner's plain load of the header before the
   * body sees it or not (then the body may see it through TaskInput.isCancelled).
   */
  void markCancelRequested(int slot) {
    int header = shared.slotWord(slot, TaskSlots.ARGS);
    words.storeRelease(header, words.load(header) | TaskSlots.CANCEL_REQUESTED);
  }

  TaskInput argsOf(int slot, int argsHeader, String kindName) {
    int header = shared.slotWord(slot, TaskSlots.ARGS);
    int start = (argsHeader & ARGS_IN_ARENA) != 0 ? words.load(header + 1) : header + 1;
    return new TaskInput(pool, words, start, start + (argsHeader & LENGTH_MASK), kindName, "' argument");
  }

  /** Frees the argument block of {@code slot} if it lives in the arena. */
  void freeArgs(int slot, int argsHeader) {
    if ((argsHeader & ARGS_IN_ARENA) != 0) {
      shared.arena.free(words.load(shared.slotWord(slot, TaskSlots.ARGS) + 1));
    }
  }

  // ---- results and failures (separate heaps) ----

  int outcome(int slot) {
    return words.load(shared.slotWord(slot, TaskSlots.STATE)) & TaskSlots.OUTCOME_MASK;
  }

  /**
   * Writes a task's outcome into its slot for the owner of its future to harvest. Returns the outcome
   * to complete with: FAILED, with the encoding's error, when the value cannot be written (a type that
   * cannot cross threads, or no arena block for it).
   */
  int writeOutcome(int slot, int outcome, Object value, TaskFailure failure, String kindName) {
    if (outcome == TaskSlots.DONE) {
      try {
        long size = ResultValues.size(value, kindName);
        if (size > TaskSlots.RESULT_INLINE_WORDS && size > shared.arena.maxPayloadWords()) {
          throw tooLarge("task '" + kindName + "': its result would take", size, "the task failed");
        }
        writeStream(slot, new Object[] {value}, (int) size);
        return outcome;
      } catch (RuntimeException e) {
        failure = TaskFailure.of(e);
        outcome = TaskSlots.FAILED;
      }
    }
    if (outcome == TaskSlots.FAILED) {
      writeFailure(slot, failure);
    } else {
      clearResult(slot);
    }
    return outcome;
  }

  /** An empty result (a cancelled task's); published by the completion. */
  void clearResult(int slot) {
    words.storeRelease(shared.slotWord(slot, TaskSlots.RESULT), 0);
  }

  /**
   * Writes a failure into the slot's result area: class name, message, hops and stack text as a
   * stream; without the message and the stack text when the arena has no block for them; and when it has none even for the class name, the
   * class name alone in the slot's own words ({@link #RESULT_CLASS_IN_SLOT}), so it always arrives.
   * The task's arguments were freed before (their inline words are reused).
   */
  private void writeFailure(int slot, TaskFailure failure) {
    Object[] parts = {failure.className, failure.message, failure.hops, failure.stackTextToCarry()};
    try {
      writeStream(slot, parts, failureSize(parts));
      return;
    } catch (ArenaFullException e) {
      // below: without the message
    }
    parts[1] = "(message not carried: the pool's arena was full)";
    parts[3] = null;
    try {
      writeStream(slot, parts, failureSize(parts));
      return;
    } catch (ArenaFullException e) {
      // below: the class name in the slot itself
    }
    String name = failure.className;
    // A longer name keeps its end, which holds the simple name.
    String kept = name.length() <= CLASS_IN_SLOT_CHARS ? name
        : name.substring(name.length() - CLASS_IN_SLOT_CHARS);
    for (int w = 0; w < CLASS_IN_SLOT_CHARS / 4; w++) {
      int packed = 0;
      for (int b = 0; b < 4; b++) {
        int at = w * 4 + b;
        int c = at < kept.length() ? kept.charAt(at) : 0;
        packed |= (c < 128 ? c : '?') << (8 * b);
      }
      words.storeRelease(classInSlotWord(slot, w), packed);
    }
    words.storeRelease(shared.slotWord(slot, TaskSlots.RESULT), RESULT_CLASS_IN_SLOT | kept.length());
  }

  /**
   * Words of a failure stream: small, as the message and the stack text are bounded
   * (TaskFailure.MAX_MESSAGE_CHARS, StackTraceText.MAX_CHARS).
   */
  private static int failureSize(Object[] parts) {
    return (int) (ValueCodec.sizeOf(parts[0]) + ValueCodec.sizeOf(parts[1]) + ValueCodec.sizeOf(parts[3]))
        + ValueCodec.INT_WORDS;
  }

  /** Word {@code w} of a class name kept in the slot: the 7 argument words, then the 4 result words. */
  private int classInSlotWord(int slot, int w) {
    return w < TaskSlots.ARGS_INLINE_WORDS
        ? shared.slotWord(slot, TaskSlots.ARGS + 1 + w)
        : shared.slotWord(slot, TaskSlots.RESULT + 1 + w - TaskSlots.ARGS_INLINE_WORDS);
  }

  /** Writes the failure of a task lost with thread {@code threadId} (no arena block needed). */
  void writeLost(int slot, int threadId, int how) {
    int header = shared.slotWord(slot, TaskSlots.RESULT);
    words.storeRelease(header + 1, how);
    words.storeRelease(header, RESULT_THREAD_LOST | threadId);
  }

  private void writeStream(int slot, Object[] values, int size) {
    int header = shared.slotWord(slot, TaskSlots.RESULT);
    int at;
    if (size <= TaskSlots.RESULT_INLINE_WORDS) {
      words.storeRelease(header, size);
      at = header + 1;
    } else {
      int handle = shared.allocateBlock(size);
      words.storeRelease(header, size | RESULT_IN_ARENA);
      words.storeRelease(header + 1, handle);
      at = handle;
    }
    ValueCodec.writeAll(values, words, at);
  }

  private TaskInput resultReader(int slot, String kindName) {
    int header = shared.slotWord(slot, TaskSlots.RESULT);
    int value = words.load(header);
    int start = (value & RESULT_IN_ARENA) != 0 ? words.load(header + 1) : header + 1;
    return new TaskInput(pool, words, start, start + (value & RESULT_LENGTH_MASK), kindName, "' result");
  }

  Object readResult(int slot, TaskKind<?> kind) {
    TaskInput reader = resultReader(slot, kind.name());
    return reader.hasNext() ? reader.readValue() : null;
  }

  TaskFailure readFailure(int slot, TaskKind<?> kind) {
    int header = shared.slotWord(slot, TaskSlots.RESULT);
    int value = words.load(header);
    if ((value & RESULT_THREAD_LOST) != 0) {
      int how = words.load(header + 1);
      return new TaskFailure(TaskAbandonedException.class.getName(), TaskAbandonedException.threadLostMessage(
          value & RESULT_LENGTH_MASK, (how & LOST_TERMINATED) != 0, (how & LOST_QUEUED) != 0), 0);
    }
    if ((value & RESULT_CLASS_IN_SLOT) != 0) {
      int length = value & RESULT_LENGTH_MASK;
      char[] name = new char[length];
      for (int i = 0; i < length; i++) {
        name[i] = (char) ((words.load(classInSlotWord(slot, i / 4)) >>> (8 * (i % 4))) & 0xFF);
      }
      return new TaskFailure(new String(name),
          "(message not carried: the pool's arena was full when the task failed)", 0);
    }
    TaskInput reader = resultReader(slot, kind.name());
    return new TaskFailure(reader.readString(), reader.readString(), reader.readInt(), null,
        reader.readString());
  }

  /** After a harvest: frees the slot's result block (if any) and gives the slot to this thread. */
  void release(int slot) {
    int header = shared.slotWord(slot, TaskSlots.RESULT);
    if ((words.load(header) & RESULT_IN_ARENA) != 0) {
      shared.arena.free(words.load(header + 1));
    }
    // Release: the slot's next owner sees it through the free list or magazine that hands it over.
    words.storeRelease(header, 0);
    pool.currentSubmitter().magazine.free(slot);
  }
}
