package org.webthreads;

import org.webthreads.codec.SharedArrayReference;
import org.webthreads.codec.ValueTag;
import org.webthreads.memory.Arena;
import org.webthreads.memory.SharedWords;

/**
 * How far a piece of work has come, as two 64-bit counts in the pool's shared memory: {@link #done} out
 * of {@link #total}. Tasks add to it ({@link #add}) from any thread; the page watches it once per
 * animation frame (the web module's {@code WebProgress.subscribe}) and the JVM polls it. Make one with
 * {@link ThreadPool#newTaskProgress} (or {@link #create}, for code that owns one per group of tasks),
 * pass it to tasks as an argument (it travels as a {@link SharedIntArray} reference: a task reads it
 * with {@link TaskInput#readTaskProgress}), and {@link #free} it when nobody uses it.
 *
 * <p>Words: {@code [magic, sequence, done lo, done hi, total lo, total hi]}. A writer takes the sequence
 * word from even to odd with a CAS, changes the counts and makes it even again (writers take turns:
 * an update is a handful of word operations, meant for every tile or chunk of work, not every element);
 * a reader takes the counts when it saw the same even sequence before and after them, so it never
 * blocks and never sees a 64-bit count half updated. Freeing clears the magic word (holding the
 * sequence odd), so other views fail on their next use, until the arena gives the words to someone
 * else; the object that was freed fails always.
 */
public final class TaskProgress implements SharedArrayReference {
  /** The total of a progress whose total is not known yet: it is never complete. */
  public static final long UNKNOWN_TOTAL = -1;
  static final int WORDS = 6;
  static final int MAGIC = 0x50524F47; // "PROG"
  private static final int SEQUENCE = 1;
  private static final int DONE = 2;
  private static final int TOTAL = 4;
  /** Read attempts before a reader gives up on a writer that stays in the middle of an update. */
  private static final int READ_ATTEMPTS = 1000;

  private final SharedWords words;
  private final Arena arena;
  private final int handle;
  private boolean freed;
  /**
   * The last counts this object read whole, {done, total}: returned when a writer stays mid-update (see
   * counts). Never changed once published, only replaced, so threads sharing this object never mix
   * two reads (volatile: another JVM thread sees the whole array).
   */
  private volatile long[] lastRead = {0, UNKNOWN_TOTAL};

  private TaskProgress(SharedWords words, Arena arena, int handle) {
    this.words = words;
    this.arena = arena;
    this.handle = handle;
  }

  /**
   * A new progress at 0 of {@code total} ({@link #UNKNOWN_TOTAL} if not known yet) in {@code pool}'s
   * arena: the same as {@code pool.newTaskProgress(total)}, for code that owns one per group of tasks.
   *
   * @param pool the pool whose arena holds the progress
   * @param total the amount of work, or {@link #UNKNOWN_TOTAL}
   * @return the progress at 0
   * @throws ArenaFullException when the arena has no room for its six words
   */
  public static TaskProgress create(ThreadPool pool, long total) {
    return allocate(pool.internals().shared, total);
  }

  static TaskProgress allocate(PoolShared shared, long total) {
    checkTotal(total);
    return allocate(shared.words, shared.arena, shared.allocateBlock(WORDS), total);
  }

  private static void checkTotal(long total) {
    if (total < 0 && total != UNKNOWN_TOTAL) {
      throw new IllegalArgumentException("negative progress total " + total
          + ": pass the number of units of work, or TaskProgress.UNKNOWN_TOTAL and setTotal later");
    }
  }

  /** A new progress in the {@link #WORDS} words at {@code handle}, a block of {@code arena}. */
  static TaskProgress allocate(SharedWords words, Arena arena, int handle, long total) {
    checkTotal(total);
    words.store(handle + SEQUENCE, 0);
    TaskProgress progress = new TaskProgress(words, arena, handle);
    progress.storeLong(DONE, 0);
    progress.storeLong(TOTAL, total);
    // Last: a view made from a task argument checks it (see view).
    words.store(handle, MAGIC);
    return progress;
  }

  /** A task's view of the progress passed as {@code [handle, length]} (see TaskInput.readTaskProgress). */
  static TaskProgress view(PoolShared shared, int handle, int length) {
    if (length != WORDS || handle < 0 || handle >= shared.words.length()
        || shared.words.load(handle) != MAGIC) {
      throw new IllegalArgumentException("a task read a TaskProgress argument, but it is a SharedIntArray "
          + "of length " + length + " that holds no live progress (or a freed TaskProgress): pass the "
          + "TaskProgress made by ThreadPool.newTaskProgress itself, and free it only after its tasks");
    }
    return new TaskProgress(shared.words, shared.arena, handle);
  }

  /**
   * Adds {@code units} to the done count (atomically: any number of threads may add at once).
   *
   * @param units how much more is done (0 or more)
   * @throws IllegalArgumentException for a negative count (progress only moves forward)
   * @throws IllegalStateException after {@link #free}
   */
  public void add(long units) {
    if (units < 0) {
      throw new IllegalArgumentException("progress only moves forward: add(" + units + ") needs units >= 0");
    }
    int sequence = lock();
    long done = loadLong(DONE);
    if (done > Long.MAX_VALUE - units) {
      unlock(sequence);
      throw new IllegalArgumentException("progress done " + done + " + " + units + " overflows a long");
    }
    storeLong(DONE, done + units);
    unlock(sequence);
  }

  /**
   * Sets the total (when it becomes known, or changes).
   *
   * @param total the new total (0 or more), or {@link #UNKNOWN_TOTAL}
   * @throws IllegalArgumentException for a negative total
   * @throws IllegalStateException after {@link #free}
   */
  public void setTotal(long total) {
    if (total < 0) {
      throw new IllegalArgumentException("negative progress total " + total + ": pass the number of units "
          + "of work (0 or more)");
    }
    int sequence = lock();
    storeLong(TOTAL, total);
    unlock(sequence);
  }

  /**
   * The units done so far. Never blocks (the page's main thread may call it).
   *
   * @return the done count
   */
  public long done() {
    return counts()[0];
  }

  /**
   * The total, or {@link #UNKNOWN_TOTAL}. Never blocks.
   *
   * @return the total
   */
  public long total() {
    return counts()[1];
  }

  /**
   * Whether the total is known and done has reached it (read together, in one consistent read).
   *
   * @return true once done has reached a known total
   */
  public boolean isComplete() {
    long[] counts = counts();
    return counts[1] >= 0 && counts[0] >= counts[1];
  }

  /**
   * Done over total, between 0 and 1 (0 while the total is unknown or 0 with nothing done).
   *
   * @return the fraction done
   */
  public double fraction() {
    long[] counts = counts();
    if (counts[1] <= 0) {
      return counts[1] == 0 ? 1 : 0;
    }
    return Math.min(1.0, (double) counts[0] / counts[1]);
  }

  /**
   * Reads done and total together into {@code into[0]} and {@code into[1]} (for code that shows both:
   * separate calls to {@link #done} and {@link #total} may see an update in between).
   *
   * @param into at least two elements: done goes to {@code into[0]}, the total to {@code into[1]}
   */
  public void read(long[] into) {
    long[] counts = counts();
    into[0] = counts[0];
    into[1] = counts[1];
  }

  /**
   * Returns the words to the arena. Afterwards this object refuses every use, and other views (tasks')
   * fail on their next use until the arena reuses the words; so free only once no task uses it.
   *
   * @throws IllegalStateException when it was freed already through this object
   */
  public void free() {
    checkLive();
    lock();
    freed = true;
    // Cleared while holding the sequence odd for good: other views' lock and read see the magic gone.
    words.store(handle, 0);
    arena.free(handle);
  }

  /**
   * Whether {@link #free} was called on this object.
   *
   * @return true once freed through this object
   */
  public boolean isFreed() {
    return freed;
  }

  @Override
  public int valueTag() {
    return ValueTag.SHARED_INT_ARRAY; // travels as a SharedIntArray reference: no tag of its own
  }

  @Override
  public int handle() {
    return handle;
  }

  @Override
  public int length() {
    return WORDS;
  }

  /** Whether this progress lives in {@code arena} (the pool it may be passed to). */
  boolean belongsTo(Arena arena) {
    return this.arena.isAt(arena.words(), arena.base());
  }

  @Override
  public String toString() {
    long[] counts = counts();
    return "TaskProgress " + counts[0] + " of " + (counts[1] == UNKNOWN_TOTAL ? "?" : String.valueOf(counts[1]));
  }

  private void checkLive() {
    if (freed) {
      throw new IllegalStateException("TaskProgress (handle " + handle + ") was freed: make a new one with "
          + "ThreadPool.newTaskProgress");
    }
  }

  private IllegalStateException freedElsewhere() {
    return new IllegalStateException("TaskProgress (handle " + handle + ") was freed through another view: "
        + "free a progress only once no task uses it");
  }

  /** Takes the sequence word from even to odd; returns the odd value. */
  private int lock() {
    checkLive();
    int at = handle + SEQUENCE;
    while (true) {
      int sequence = words.load(at);
      if ((sequence & 1) == 0) {
        // Pairs with unlock's store and the readers' loads of the sequence word: while it is odd,
        // no other writer changes the counts, and readers retry.
        if (words.compareAndSet(at, sequence, sequence + 1)) {
          if (words.load(handle) != MAGIC) {
            words.store(at, sequence); // not a live progress any more: leave the words as they were
            throw freedElsewhere();
          }
          return sequence + 1;
        }
      } else if (words.load(handle) != MAGIC) {
        throw freedElsewhere();
      }
    }
  }

  private void unlock(int oddSequence) {
    // Publishes the counts stored after lock: a reader that sees this even value sees them.
    words.store(handle + SEQUENCE, oddSequence + 1);
  }

  /**
   * Reads both counts whole as {done, total}; when a writer stays mid-update for {@link #READ_ATTEMPTS}
   * reads (descheduled there), the last counts this object read whole.
   */
  private long[] counts() {
    checkLive();
    int at = handle + SEQUENCE;
    for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      // Pairs with lock's CAS and unlock's store: the same even sequence before and after the counts
      // means no update overlapped these loads.
      int before = words.load(at);
      if ((before & 1) != 0) {
        if (words.load(handle) != MAGIC) {
          throw freedElsewhere();
        }
        continue;
      }
      long done = loadLong(DONE);
      long total = loadLong(TOTAL);
      if (words.load(at) == before) {
        if (words.load(handle) != MAGIC) {
          throw freedElsewhere();
        }
        long[] counts = {done, total};
        lastRead = counts;
        return counts;
      }
    }
    return lastRead;
  }

  private void storeLong(int offset, long value) {
    words.store(handle + offset, (int) value);
    words.store(handle + offset + 1, (int) (value >>> 32));
  }

  private long loadLong(int offset) {
    return (words.load(handle + offset) & 0xFFFFFFFFL) | ((long) words.load(handle + offset + 1) << 32);
  }
}
