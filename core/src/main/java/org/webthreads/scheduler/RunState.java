package org.webthreads.scheduler;

import org.webthreads.memory.SharedWords;

/**
 * A pool's run state and the acceptance of outside submissions, in one shared word:
 * {@code [state:2 | outside submits in flight:30]}.
 *
 * <p>The contract it keeps: a submission from outside the pool either is refused (the pool was shut
 * down) or its task is seen by a pool thread that has not left. A submitter <em>enters</em> with one
 * getAndAdd of +1 on the word, which also tells it the state: the submission is accepted exactly when
 * that state was {@link #RUNNING}. It then publishes the task and <em>exits</em> with a getAndAdd of -1.
 * A pool thread leaves the pool only after it has loaded the word, seen a state other than RUNNING
 * with no submitter in flight, and then found no task anywhere.
 *
 * <p>Why nothing accepted is lost: the shutdown CAS and every enter are read-modify-writes of this one
 * word, so they are totally ordered. An accepted enter precedes the shutdown, so until its exit every
 * load that shows the new state also shows the submitter in flight, and no thread leaves. A thread that
 * loads the word after the exit finds the task, which was published before the exit. A thread that saw
 * the submitter in flight looks again; it sleeps only with the usual re-check (see {@link Parking}),
 * and an exit that sees a state other than RUNNING wakes every pool thread after its decrement, so
 * either the re-check sees the changed word or the wake finds the thread asleep.
 *
 * <p>The previous protocol (a load of the state at the start of a submit, and a check of the
 * active-thread count after the push) let a thread leave while a submitter's queue cell was claimed but
 * not yet published, and the last thread to leave then cancelled tasks that {@code shutdown()} had
 * promised to run.
 *
 * <p>Pool threads do not enter: their own submissions go to their own ring (or the shared queue)
 * while they run, and they do not leave while they hold work.
 */
public final class RunState {
  /** Accepting tasks. */
  public static final int RUNNING = 0;
  /** {@code shutdown()}: no new outside tasks; queued ones still run. */
  public static final int SHUTDOWN = 1 << 30;
  /** {@code shutdownNow()}, or the last thread was lost: queued tasks are cancelled (or failed). */
  public static final int STOP = 2 << 30;

  private static final int STATE_MASK = 3 << 30;
  private static final int IN_FLIGHT_MASK = ~STATE_MASK;

  private final SharedWords words;
  private final int index;

  public RunState(SharedWords words, int index) {
    this.words = words;
    this.index = index;
  }

  /** The state part of a value of the word: RUNNING, SHUTDOWN or STOP. */
  public static int state(int word) {
    return word & STATE_MASK;
  }

  /** The in-flight outside submissions of a value of the word. */
  public static int inFlight(int word) {
    return word & IN_FLIGHT_MASK;
  }

  /** A pool thread that loaded {@code word} and then found no task may leave the pool. */
  public static boolean mayLeave(int word) {
    return state(word) != RUNNING && inFlight(word) == 0;
  }

  /** The word's index (pool threads load it; it is the one word of this protocol). */
  public int index() {
    return index;
  }

  /** The current value of the word. */
  public int load() {
    return words.load(index);
  }

  /** The current state: RUNNING, SHUTDOWN or STOP. */
  public int current() {
    return state(words.load(index));
  }

  /**
   * An outside submitter enters. Returns whether the submission is accepted (the pool was RUNNING);
   * either way the caller must call {@link #exit} exactly once afterwards.
   */
  public boolean enter() {
    // Pairs with the shutdown CAS (both RMWs of this word: one of them comes first) and with a pool
    // thread's load before it decides to leave (it sees us in flight).
    return state(words.getAndAdd(index, 1)) == RUNNING;
  }

  /**
   * The outside submitter is done: its task (if accepted) is published. Returns true when the pool is
   * no longer running: the caller must then wake every pool thread (one may be waiting for this exit
   * before it leaves).
   */
  public boolean exit() {
    // After the publication: a thread that loads the word after this sees the task in the queues.
    return state(words.getAndAdd(index, -1)) != RUNNING;
  }

  /** RUNNING to SHUTDOWN; returns false when the pool was already shut down. */
  public boolean shutdown() {
    while (true) {
      int word = words.load(index);
      if (state(word) != RUNNING) {
        return false;
      }
      // Keeps the in-flight count; a failed CAS means a submitter entered or left: look again.
      if (words.compareAndSet(index, word, SHUTDOWN | inFlight(word))) {
        return true;
      }
    }
  }

  /** Any state to STOP; returns the state before. */
  public int stop() {
    while (true) {
      int word = words.load(index);
      if (state(word) == STOP) {
        return STOP;
      }
      if (words.compareAndSet(index, word, STOP | inFlight(word))) {
        return state(word);
      }
    }
  }
}
