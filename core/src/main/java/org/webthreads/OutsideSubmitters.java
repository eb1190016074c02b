package org.webthreads;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import org.webthreads.scheduler.SlotMagazine;

/**
 * The submit state ({@link SubmitterState}) of each thread outside the pool that submitted to it: its
 * slot cache and, where futures are harvested, its unharvested futures.
 *
 * <p>The pool holds the states, keyed weakly by thread. A ThreadLocal holding the state itself would
 * keep the pool alive for as long as the thread lives (the state tracks futures, which refer to the
 * pool), and with it the pool's shared memory. The first outside thread (usually the only one: the
 * browser's page) is found with one field read; others through a ThreadLocal of weak references.
 */
final class OutsideSubmitters {
  private final Pool pool;
  private final Map<Thread, SubmitterState> states = new WeakHashMap<>();
  private volatile First first;
  private final ThreadLocal<WeakReference<SubmitterState>> mine = new ThreadLocal<>();

  OutsideSubmitters(Pool pool) {
    this.pool = pool;
  }

  /** The calling thread's state, made on its first submit. */
  SubmitterState current() {
    Thread me = Thread.currentThread();
    First known = first;
    if (known != null && known.thread == me) {
      return known.state;
    }
    WeakReference<SubmitterState> ref = mine.get();
    SubmitterState state = ref == null ? null : ref.get();
    if (state != null) {
      return state;
    }
    synchronized (states) {
      state = states.get(me);
      if (state == null) {
        PoolShared shared = pool.shared;
        // Outside threads on a platform whose threads may end keep no slot cache (see SlotMagazine).
        state = new SubmitterState(new SlotMagazine(shared.words, shared.freeList,
            shared.platform.outsideThreadsAreLongLived()), shared.layout.ringCapacity);
        states.put(me, state);
      }
      if (first == null) {
        first = new First(me, state);
      }
    }
    mine.set(new WeakReference<>(state));
    return state;
  }

  /** An outside thread and its state (see {@link #first}). */
  private static final class First {
    final Thread thread;
    final SubmitterState state;

    First(Thread thread, SubmitterState state) {
      this.thread = thread;
      this.state = state;
    }
  }
}
