package org.webthreads.memory;

/**
 * A mutual-exclusion lock in one shared word, after Drepper's "Futexes Are Tricky" (mutex 2).
 *
 * <p>Word values: 0 unlocked, 1 locked with no waiter, 2 locked and some thread may be waiting. A
 * thread that finds the lock taken marks it 2 and waits on the word; {@link #unlock} wakes one waiter
 * only when the word was 2, so an uncontended lock/unlock is one compareAndSet and one getAndAdd.
 *
 * <p>A thread that may not block (the browser's main thread) retries the acquisition instead of
 * waiting; critical sections guarded by this lock are a few dozen instructions long.
 */
public final class FutexMutex {
  private static final int UNLOCKED = 0;
  private static final int LOCKED = 1;
  private static final int CONTENDED = 2;

  private final SharedWords words;
  private final int index;

  public FutexMutex(SharedWords words, int index) {
    this.words = words;
    this.index = index;
  }

  public void lock() {
    // Fast path. The successful CAS is the acquire; it pairs with the release in unlock().
    if (words.compareAndSet(index, UNLOCKED, LOCKED)) {
      return;
    }
    boolean mayWait = words.canWait();
    // Slow path: announce contention by setting 2, so the holder's unlock knows to notify. Setting 2
    // even when we then take the lock is conservative: it costs at most one unneeded notify.
    int observed = exchange(CONTENDED);
    while (observed != UNLOCKED) {
      if (mayWait) {
        // Sleeps only while the word is still 2; an unlock that stores 0 before this point makes the
        // wait return at once (the futex compare pairs with unlock's store + notify).
        words.waitWhileEqual(index, CONTENDED, -1);
      }
      observed = exchange(CONTENDED);
    }
  }

  public boolean tryLock() {
    return words.compareAndSet(index, UNLOCKED, LOCKED);
  }

  public void unlock() {
    // The decrement releases the lock when nobody announced contention (1 -> 0). Otherwise the word
    // was 2: store 0 (the release) and wake one waiter, which re-announces 2 as it retries.
    if (words.getAndAdd(index, -1) != LOCKED) {
      words.store(index, UNLOCKED);
      words.notify(index, 1);
    }
  }

  private int exchange(int value) {
    while (true) {
      int current = words.load(index);
      if (words.compareAndSet(index, current, value)) {
        return current;
      }
    }
  }
}
