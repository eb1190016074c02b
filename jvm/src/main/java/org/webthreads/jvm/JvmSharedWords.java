package org.webthreads.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.webthreads.memory.SharedWords;

/**
 * {@code SharedWords} over JVM memory: an {@code int[]} through a VarHandle (volatile, sequentially
 * consistent
 * accesses, and release stores for {@link #storeRelease}) and a futex emulation.
 *
 * <p>The futex: waiters of an index queue up in one of 64 buckets, each a monitor. A waiter compares the
 * word and enqueues itself under the bucket's lock; a notifier takes the same lock, marks up to
 * {@code count} waiters of that index as notified and wakes the bucket. A waiter returns
 * {@link #WOKEN} only when it was marked, so spurious wake-ups of {@code Object.wait} never leak out:
 * a test that relies on notifications really tests them. A store that precedes a notify is seen by any
 * waiter that enqueues after the notifier released the lock, because the waiter reads the word under
 * that lock.
 *
 * <p>{@link #waitAsync} is the JVM's {@code Atomics.waitAsync}: an asynchronous waiter queues up like a
 * blocking one, and the notify that marks it hands its callback, after the bucket's lock is released, to
 * {@code ForkJoinPool.commonPool()}; no thread waits for it.
 */
public final class JvmSharedWords implements SharedWords {
  private static final int BUCKETS = 64;

  /** Volatile, release, CAS and add on an int[]: the same as AtomicIntegerArray without its extra object. */
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

  private final int[] array;
  private final Bucket[] buckets = new Bucket[BUCKETS];

  /**
   * {@code length} zeroed words in one {@code int[]}.
   *
   * @param length how many words
   */
  public JvmSharedWords(int length) {
    this.array = new int[length];
    for (int i = 0; i < BUCKETS; i++) {
      buckets[i] = new Bucket();
    }
  }

  @Override
  public int length() {
    return array.length;
  }

  @Override
  public int load(int index) {
    return (int) INTS.getVolatile(array, index);
  }

  @Override
  public void store(int index, int value) {
    INTS.setVolatile(array, index, value);
  }

  @Override
  public void storeRelease(int index, int value) {
    // A plain store on x86 (no fence): see SharedWords.storeRelease for when callers may use it.
    INTS.setRelease(array, index, value);
  }

  @Override
  public boolean compareAndSet(int index, int expected, int value) {
    return INTS.compareAndSet(array, index, expected, value);
  }

  @Override
  public int getAndAdd(int index, int delta) {
    return (int) INTS.getAndAdd(array, index, delta);
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    Bucket bucket = buckets[index & (BUCKETS - 1)];
    boolean interrupted = false;
    try {
      synchronized (bucket) {
        if ((int) INTS.getVolatile(array, index) != expected) {
          return NOT_EQUAL;
        }
        Waiter waiter = new Waiter(index);
        bucket.add(waiter);
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        while (!waiter.notified) {
          try {
            if (timeoutNanos < 0) {
              bucket.wait();
            } else {
              long left = deadline - System.nanoTime();
              if (left <= 0) {
                bucket.remove(waiter);
                return TIMED_OUT;
              }
              TimeUnit.NANOSECONDS.timedWait(bucket, left);
            }
          } catch (InterruptedException e) {
            interrupted = true; // keep waiting: returning now would be a spurious wake-up
          }
        }
        return WOKEN;
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public int waitWhileEqualInterruptibly(int index, int expected) {
    Bucket bucket = buckets[index & (BUCKETS - 1)];
    synchronized (bucket) {
      if ((int) INTS.getVolatile(array, index) != expected) {
        return NOT_EQUAL;
      }
      if (Thread.currentThread().isInterrupted()) {
        return INTERRUPTED;
      }
      Waiter waiter = new Waiter(index);
      bucket.add(waiter);
      while (!waiter.notified) {
        try {
          bucket.wait();
        } catch (InterruptedException e) {
          if (!waiter.notified) {
            bucket.remove(waiter);
          }
          // The caller reads the interrupt status: keep it set.
          Thread.currentThread().interrupt();
          return waiter.notified ? WOKEN : INTERRUPTED;
        }
      }
      return WOKEN;
    }
  }

  /**
   * Runs {@code callback} (on {@code ForkJoinPool.commonPool()}) once word {@code index} is notified,
   * or soon if it does not hold {@code expected} now: as {@code Atomics.waitAsync} does, without a
   * thread waiting. The callback may run for a notify that changed nothing: it should look again.
   *
   * @param index the word to watch
   * @param expected the value it holds while there is nothing new
   * @param callback runs once, on the common pool
   */
  public void waitAsync(int index, int expected, Runnable callback) {
    Bucket bucket = buckets[index & (BUCKETS - 1)];
    synchronized (bucket) {
      if ((int) INTS.getVolatile(array, index) == expected) {
        Waiter waiter = new Waiter(index);
        waiter.callback = callback;
        bucket.add(waiter);
        return;
      }
    }
    CALLBACKS.execute(callback);
  }

  /** Where the callbacks of {@link #waitAsync} run: never on the notifying (pool) thread. */
  private static final Executor CALLBACKS = ForkJoinPool.commonPool();

  @Override
  public int notify(int index, int count) {
    Bucket bucket = buckets[index & (BUCKETS - 1)];
    List<Runnable> callbacks = null;
    int woken;
    synchronized (bucket) {
      woken = bucket.markNotified(index, count);
      if (woken > 0) {
        callbacks = bucket.takeCallbacks();
        bucket.notifyAll();
      }
    }
    if (callbacks != null) {
      for (Runnable callback : callbacks) {
        CALLBACKS.execute(callback);
      }
    }
    return woken;
  }

  @Override
  public boolean canWait() {
    return true;
  }

  private static final class Waiter {
    final int index;
    boolean notified;
    Waiter next;
    /** Set for an asynchronous waiter ({@link #waitAsync}): what to run once notified. */
    Runnable callback;

    Waiter(int index) {
      this.index = index;
    }
  }

  /** FIFO list of waiters; guarded by its own monitor. */
  private static final class Bucket {
    private Waiter head;
    private Waiter tail;
    /** Callbacks of asynchronous waiters marked by the last markNotified, to run outside the lock. */
    private List<Runnable> markedCallbacks;

    List<Runnable> takeCallbacks() {
      List<Runnable> taken = markedCallbacks;
      markedCallbacks = null;
      return taken;
    }

    void add(Waiter waiter) {
      if (tail == null) {
        head = waiter;
      } else {
        tail.next = waiter;
      }
      tail = waiter;
    }

    void remove(Waiter waiter) {
      Waiter previous = null;
      for (Waiter w = head; w != null; previous = w, w = w.next) {
        if (w == waiter) {
          unlink(previous, w);
          return;
        }
      }
    }

    int markNotified(int index, int count) {
      int marked = 0;
      Waiter previous = null;
      Waiter w = head;
      while (w != null && marked < count) {
        Waiter next = w.next;
        if (w.index == index) {
          w.notified = true;
          if (w.callback != null) {
            if (markedCallbacks == null) {
              markedCallbacks = new ArrayList<>();
            }
            markedCallbacks.add(w.callback);
          }
          unlink(previous, w);
          marked++;
        } else {
          previous = w;
        }
        w = next;
      }
      return marked;
    }

    private void unlink(Waiter previous, Waiter w) {
      if (previous == null) {
        head = w.next;
      } else {
        previous.next = w.next;
      }
      if (tail == w) {
        tail = previous;
      }
      w.next = null;
    }
  }
}
