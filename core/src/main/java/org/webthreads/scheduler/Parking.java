package org.webthreads.scheduler;

import org.webthreads.memory.SharedWords;

/**
 * Putting idle pool threads to sleep and waking them, without ever losing a wake-up and without
 * spinning.
 *
 * <p>Shared state: one idle word {@code [degraded:1 | searching:15 | sleeping:16]} and a park word per
 * thread ({@link #AWAKE}, {@link #SLEEPING}, {@link #WOKEN}, {@link #WOKEN_TO_SEARCH}, {@link #LOST}). A
 * <em>searching</em> thread is one that was woken for new work and has not found a task yet (as in
 * Tokio's idle.rs). Each thread adjusts the counts only for itself, so they are always exact sums of
 * per-thread states (while every thread lives; see {@link #retire}); wakers only flip park words.
 *
 * <p>The protocol is a Dekker pair over sequentially consistent words:
 * <ul>
 *   <li>A thread going to sleep marks its park word {@code SLEEPING}, counts itself as a sleeper in the
 *       idle word, then looks at every queue once more; it sleeps only if that re-check finds nothing,
 *       and it sleeps on its park word while it still reads {@code SLEEPING}.
 *   <li>A submitter first publishes its task, then reads the idle word ({@link #notifyWork}). If some
 *       thread is counted as sleeping and none as searching, it flips one park word from
 *       {@code SLEEPING} to {@code WOKEN_TO_SEARCH} with a CAS and notifies that word.
 * </ul>
 * Either the submitter's read of the idle word comes after the sleeper's count, so it sees a sleeper
 * (whose park word was already {@code SLEEPING}; if it is no longer, that thread is awake and will look
 * at the queues) and wakes it; or it comes before, so the sleeper's re-check comes after the task was
 * published and finds it. A wake that lands between the re-check and the wait changes the park word, and
 * the futex wait returns at once.
 *
 * <p>Skipping the wake while a thread is searching keeps a burst of submissions from waking every
 * sleeper: the searcher, once it finds a task, wakes the next sleeper if it was the last searcher
 * ({@link #foundWork}), so threads join one by one while work lasts.
 *
 * <p>A thread that stops for good (a browser worker terminated or failed) is {@link #retire}d by the
 * thread that learns of it: its park word becomes {@link #LOST}, so no waker picks it again, and the idle
 * word is marked {@link #DEGRADED}. Its own share of the counts stays (nobody can tell whether it died
 * just before or after adjusting them), so from then on a submitter wakes a sleeper whenever one is
 * counted, searcher or not: a dead thread counted as searching would otherwise stop every wake-up.
 */
public final class Parking {
  public static final int AWAKE = 0;
  public static final int SLEEPING = 1;
  /** Woken for something other than queued tasks (a JS task, shutdown). */
  public static final int WOKEN = 2;
  /** Woken because a task was published: the thread counts itself as a searcher. */
  public static final int WOKEN_TO_SEARCH = 3;
  /** The thread stopped for good ({@link #retire}); never woken again. */
  public static final int LOST = 4;

  private static final int SLEEPER = 1;
  private static final int SEARCHER = 1 << 16;
  /** Idle-word flag: a thread was retired, its share of the counts is unknown (see the class comment). */
  private static final int DEGRADED = 1 << 31;

  private final SharedWords words;
  private final int idleIndex;
  private final int[] parkIndex;
  private int nextVictim;

  public Parking(SharedWords words, int idleIndex, int[] parkIndex) {
    this.words = words;
    this.idleIndex = idleIndex;
    this.parkIndex = parkIndex;
  }

  public static int sleepers(int idle) {
    return idle & 0xFFFF;
  }

  public static int searchers(int idle) {
    return (idle >>> 16) & 0x7FFF;
  }

  /** Whether the searcher count can no longer be trusted to mean "someone is looking" (see retire). */
  private static boolean searchersUnreliable(int idle) {
    return (idle & DEGRADED) != 0;
  }

  public int idleWord() {
    return words.load(idleIndex);
  }

  /** Submitter side: call after publishing a task. Wakes one sleeper when nobody is searching. */
  public void notifyWork() {
    // Pairs with the sleeper's getAndAdd in prepareSleep (see the class comment).
    int idle = words.load(idleIndex);
    if ((searchers(idle) == 0 || searchersUnreliable(idle)) && sleepers(idle) > 0) {
      wakeOne();
    }
  }

  /**
   * Wakes one sleeping thread as a searcher. Returns false when none was found asleep (each one seen
   * was already woken or had cancelled its sleep; those are awake and will look at the queues).
   */
  public boolean wakeOne() {
    int count = parkIndex.length;
    int start = nextVictim;
    for (int i = 0; i < count; i++) {
      int k = start + i < count ? start + i : start + i - count;
      int park = parkIndex[k];
      // The CAS decides who moves this thread out of SLEEPING: us, another waker, or the thread itself
      // (cancelSleep); the futex notify pairs with the thread's waitWhileEqual(SLEEPING).
      if (words.load(park) == SLEEPING && words.compareAndSet(park, SLEEPING, WOKEN_TO_SEARCH)) {
        words.notify(park, 1);
        nextVictim = k + 1 < count ? k + 1 : 0;
        return true;
      }
    }
    return false;
  }

  /**
   * Wakes thread {@code poolIndex} if it sleeps, without making it a searcher (for JS tasks and
   * shutdown: the thread has something other than queued tasks to look at). The caller must have
   * published that something (JS-pending counter, run state) before calling.
   */
  public void wake(int poolIndex) {
    int park = parkIndex[poolIndex];
    if (words.compareAndSet(park, SLEEPING, WOKEN)) {
      words.notify(park, 1);
    }
  }

  /**
   * Thread side, step 1: announce the intent to sleep. {@code searching} says whether the thread was
   * counted as a searcher, which it stops being. The caller must then re-check every queue (and its
   * JS-pending counter and the run state) and call either {@link #cancelSleep} or {@link #sleep}.
   */
  public void prepareSleep(int poolIndex, boolean searching) {
    // The park word first: a waker that sees us counted in the idle word must find us SLEEPING.
    words.store(parkIndex[poolIndex], SLEEPING);
    // Pairs with the submitter's load in notifyWork; our re-check comes after this in the total order.
    words.getAndAdd(idleIndex, SLEEPER - (searching ? SEARCHER : 0));
  }

  /**
   * Thread side, step 2a: the re-check found something. Returns whether the thread is now a searcher
   * (a waker got to it first and woke it to search).
   */
  public boolean cancelSleep(int poolIndex) {
    // Races with wakeOne()/wake() for the same transition out of SLEEPING; see wakeOne.
    if (words.compareAndSet(parkIndex[poolIndex], SLEEPING, AWAKE)) {
      words.getAndAdd(idleIndex, -SLEEPER);
      return false;
    }
    return afterWake(poolIndex);
  }

  /** Thread side, step 2b: sleeps until woken. Returns whether the thread is now a searcher. */
  public boolean sleep(int poolIndex) {
    int park = parkIndex[poolIndex];
    // The futex compare makes "still SLEEPING" and "start waiting" one step with respect to the
    // waker's CAS + notify, so a wake between our re-check and this call is not lost.
    while (words.load(park) == SLEEPING) {
      words.waitWhileEqual(park, SLEEPING, -1);
    }
    return afterWake(poolIndex);
  }

  private boolean afterWake(int poolIndex) {
    int park = parkIndex[poolIndex];
    boolean searching = words.load(park) == WOKEN_TO_SEARCH;
    // Only this thread moves its word out of a WOKEN state, so a plain store.
    words.store(park, AWAKE);
    // Recount ourselves: no longer a sleeper, a searcher if woken for a task.
    words.getAndAdd(idleIndex, (searching ? SEARCHER : 0) - SLEEPER);
    return searching;
  }

  /**
   * A searching thread found a task (or is leaving the loop). If it was the last searcher and others
   * sleep, wake the next one, so that a burst of work brings threads up one after another.
   */
  public void foundWork() {
    int before = words.getAndAdd(idleIndex, -SEARCHER);
    if ((searchers(before) == 1 || searchersUnreliable(before)) && sleepers(before) > 0) {
      wakeOne();
    }
  }

  /**
   * Takes thread {@code poolIndex}, which stopped for good, out of the protocol (called once, by the
   * thread that repairs the pool): its park word becomes {@link #LOST}; if a waker had just woken it to
   * search, that wake-up is passed to another sleeper; the idle word is marked degraded (see the class
   * comment). Finally one sleeper is woken to look at the queues, the lost thread's ring included.
   */
  public void retire(int poolIndex) {
    int park = parkIndex[poolIndex];
    int before;
    do {
      before = words.load(park);
      // Races with a waker's CAS out of SLEEPING: either it wins (we see WOKEN_TO_SEARCH and pass the
      // wake on below) or we do (its CAS fails and it moves on to the next thread).
    } while (!words.compareAndSet(park, before, LOST));
    int idle;
    do {
      idle = words.load(idleIndex);
      // A CAS rather than an add: the flag must be set once, and threads keep adding to the counts.
    } while ((idle & DEGRADED) == 0 && !words.compareAndSet(idleIndex, idle, idle | DEGRADED));
    // With the flag set, the submitters and searchers that come after wake sleepers on their own; this
    // wake covers what was published before (the lost thread's ring, a wake-up it was given).
    wakeOne();
  }

  /** Wakes every sleeping thread (the run state changed). */
  public void wakeAll() {
    for (int k = 0; k < parkIndex.length; k++) {
      wake(k);
    }
  }
}
