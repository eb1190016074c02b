package org.webthreads.scheduler;

import org.webthreads.memory.SharedWords;

/**
 * The shared words of one task group (a block of the pool's arena) and their protocol: how many of its
 * tasks are pending, how many ended in each way, whether it is cancelled, and its first failure's class
 * name and message. Every thread (the page or any worker, each with its own heap) works on the group
 * through these words only, so each builds its own view over the same block. Kept apart so that
 * Lincheck can check it on its own (GroupStateTest in the jvm module).
 *
 * <p>Layout, from the block's first word:
 * <pre>
 * MAGIC          {@link #MAGIC_VALUE} while the group is open, 0 once closed
 * CANCELLED      0, or 1 once cancelled (explicitly or by the first failure)
 * FAILURE_STATE  0 no failure recorded, 1 being written, 2 written
 * CLASS_CHARS    the first failure's class name length, then MESSAGE_CHARS (-1: no message)
 * TEXT           class name then message, two chars per word, at most {@link #TEXT_CHARS} chars
 * PENDING        (word 128, its own cache line) tasks submitted and not yet ended; joiners wait on it
 * COMPLETED      (word 144, the next line) tasks whose body returned
 * FAILED         tasks whose body threw
 * SKIPPED        tasks never started because the group was cancelled
 * </pre>
 *
 * <p>The protocol. A submit {@link #enter}s (PENDING + 1) before it publishes its task; the task, when
 * it ends in any way, first adds to COMPLETED, FAILED or SKIPPED and then {@link #exit}s (PENDING - 1),
 * notifying the PENDING word when that brings it to 0. A joiner loads PENDING and futex-waits while it
 * holds that value: a notify wakes every waiter on the word whatever value it compared against, and a
 * change between its load and its wait makes the wait return at once, so a wake-up is never lost
 * (the futex's compare-and-sleep pairs with the exit's getAndAdd). Since every count is added before
 * the exit that may reach 0, a thread that sees PENDING 0 also sees every count and the failure record.
 * A task submitted by a task of the group enters before its parent exits, so PENDING does not reach 0
 * between them.
 */
public final class GroupState {
  // Three cache lines: what every task reads (magic, cancelled flag) and the failure record, written
  // rarely; PENDING, which the submitter and every ending task change; the counts, which ending tasks
  // change. Apart, a task's count does not evict the line its submitter's next enter needs, and the
  // flag's load before each task does not miss on every PENDING change.
  public static final int MAGIC = 0;
  public static final int CANCELLED = 1;
  public static final int FAILURE_STATE = 2;
  public static final int CLASS_CHARS = 3;
  public static final int MESSAGE_CHARS = 4;
  public static final int TEXT = 5;
  /** Characters of class name and message a failure record holds (the message is cut to fit). */
  public static final int TEXT_CHARS = 240;
  /** Words in a 64-byte cache line; a group's block starts on one. */
  public static final int LINE_WORDS = 16;
  public static final int PENDING = 128;
  public static final int COMPLETED = 144;
  public static final int FAILED = 145;
  public static final int SKIPPED = 146;
  /** Words of a group's block. */
  public static final int WORDS = 160;
  /** 'GRUP': the block holds an open group. */
  public static final int MAGIC_VALUE = 0x47525550;

  private static final int NO_FAILURE = 0;
  private static final int FAILURE_WRITING = 1;
  private static final int FAILURE_WRITTEN = 2;

  private final SharedWords words;
  private final int base;

  public GroupState(SharedWords words, int base) {
    this.words = words;
    this.base = base;
  }

  public int base() {
    return base;
  }

  /** Index of word {@code field} of this group. */
  public int index(int field) {
    return base + field;
  }

  /** Makes a new block an open group with nothing pending (before anyone else can see it). */
  public void initialize() {
    for (int i = 1; i < WORDS; i++) {
      // No other thread knows the block yet: its id reaches them only through a later submit or a
      // task argument, which the scheduler publishes after these stores.
      words.store(base + i, 0);
    }
    // The last store: a view that finds the magic finds the zeroed words (SC stores, in order).
    words.store(base + MAGIC, MAGIC_VALUE);
  }

  /** Whether the block still holds an open group (a load; a closed group's block may be reused). */
  public boolean isOpen() {
    return words.load(base + MAGIC) == MAGIC_VALUE;
  }

  /** Marks the group closed; its block goes back to the arena right after. */
  public void markClosed() {
    // A plain SC store: views that load the magic afterwards refuse the group (see isOpen).
    words.store(base + MAGIC, 0);
  }

  /**
   * A task is about to be published: counted pending before anyone can run it. Pairs with
   * {@link #exit}'s decrement, so PENDING cannot reach 0 while this task is queued or running.
   */
  public void enter() {
    words.getAndAdd(base + PENDING, 1);
  }

  /**
   * A task of the group ended (after its count was added). The getAndAdd that brings PENDING to 0
   * notifies the waiters; it pairs with {@link #pendingWait}'s futex compare (a waiter either sees the
   * new value or is woken).
   */
  public void exit() {
    if (words.getAndAdd(base + PENDING, -1) == 1) {
      words.notify(base + PENDING, Integer.MAX_VALUE);
    }
  }

  /** Counts a task that ended in {@code field} (COMPLETED, FAILED or SKIPPED); call before {@link #exit}. */
  public void count(int field) {
    // An RMW: tasks end on many threads at once. Ordered before the exit's getAndAdd, so whoever sees
    // PENDING 0 sees this count.
    words.getAndAdd(base + field, 1);
  }

  public int pending() {
    return words.load(base + PENDING);
  }

  /** The count in {@code field} (COMPLETED, FAILED or SKIPPED). */
  public int countOf(int field) {
    return words.load(base + field);
  }

  /** Whether tasks not yet started must be skipped (a load before each task's body). */
  public boolean isCancelled() {
    return words.load(base + CANCELLED) != 0;
  }

  /**
   * Cancels the group. An SC store: a task whose check (a load) comes after it skips its body; one
   * that checked before it runs, as does any task already running (it may poll {@link #isCancelled}).
   */
  public void cancel() {
    words.store(base + CANCELLED, 1);
  }

  /**
   * Blocks while PENDING holds {@code seen} (at most {@code timeoutNanos}, {@code < 0}: no limit);
   * returns at once if it already holds another value. The caller loads PENDING again afterwards.
   */
  public int pendingWait(int seen, long timeoutNanos) {
    // The futex compare pairs with exit()'s getAndAdd and notify: a decrement to 0 before this wait
    // starts makes the compare fail; one after it wakes us.
    return words.waitWhileEqual(base + PENDING, seen, timeoutNanos);
  }

  /**
   * Records the first failure's class name and message (later ones are only counted). Returns
   * whether this one was recorded. Call before {@link #count}ing the failure and before {@link #exit}.
   */
  public boolean recordFailure(String className, String message) {
    // Claims the record: exactly one failing task writes it. Pairs with the other failers' CAS.
    if (!words.compareAndSet(base + FAILURE_STATE, NO_FAILURE, FAILURE_WRITING)) {
      return false;
    }
    String name = className.length() > TEXT_CHARS ? className.substring(0, TEXT_CHARS) : className;
    int room = TEXT_CHARS - name.length();
    String text = message == null ? name : name + (message.length() > room ? message.substring(0, room) : message);
    for (int i = 0; i < text.length(); i += 2) {
      int low = text.charAt(i);
      int high = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      // Release stores: the FAILURE_WRITTEN store below publishes them.
      words.storeRelease(base + TEXT + i / 2, low | high << 16);
    }
    words.storeRelease(base + CLASS_CHARS, name.length());
    words.storeRelease(base + MESSAGE_CHARS, message == null ? -1 : text.length() - name.length());
    // Publishes the record to readers that load FAILURE_WRITTEN (and, through exit's getAndAdd, to
    // whoever sees the group done).
    words.store(base + FAILURE_STATE, FAILURE_WRITTEN);
    return true;
  }

  /** The first failure's class name, or null while none is written. */
  public String failureClassName() {
    if (words.load(base + FAILURE_STATE) != FAILURE_WRITTEN) {
      return null;
    }
    return text(0, words.load(base + CLASS_CHARS));
  }

  /** The first failure's message (cut to the record's room), or null (none written, or it had none). */
  public String failureMessage() {
    if (words.load(base + FAILURE_STATE) != FAILURE_WRITTEN) {
      return null;
    }
    int messageChars = words.load(base + MESSAGE_CHARS);
    return messageChars < 0 ? null : text(words.load(base + CLASS_CHARS), messageChars);
  }

  private String text(int from, int count) {
    char[] chars = new char[count];
    for (int i = 0; i < count; i++) {
      int at = from + i;
      int word = words.load(base + TEXT + at / 2);
      chars[i] = (char) ((at & 1) == 0 ? word & 0xFFFF : word >>> 16);
    }
    return new String(chars);
  }
}
