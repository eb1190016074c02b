package org.webthreads;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * How a {@link TaskFuture}'s state changes: with a compare-and-set where Java objects cross threads
 * (the JVM, where any thread may hold a future and the thread that ends its task completes it), and
 * with a plain compare and store where each thread has a heap of its own (the browser's workers: a
 * future is only ever touched by the thread that created it). The state decides between completion
 * and {@link TaskFuture#cancel()}; see {@link TaskFuture#state}.
 */
abstract class FutureStates {
  abstract boolean compareAndSet(TaskFuture<?> future, int expected, int update);

  static FutureStates of(Pool pool) {
    return pool.futureStates;
  }

  static FutureStates forPlatform(Platform platform) {
    return platform.javaObjectsCrossThreads() ? new Atomic() : new Confined();
  }

  /**
   * The JVM: one atomic step. Its volatile semantics publish the future's fields written before it to
   * any thread that reads the state afterwards (as the volatile store it replaces did), and it orders
   * completion against cancel(): whichever CAS comes first decides. Created only where objects cross
   * threads, so the browser never initialises the (reflective) updater.
   */
  private static final class Atomic extends FutureStates {
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final AtomicIntegerFieldUpdater<TaskFuture> STATE =
        AtomicIntegerFieldUpdater.newUpdater(TaskFuture.class, "state");

    @Override
    boolean compareAndSet(TaskFuture<?> future, int expected, int update) {
      return STATE.compareAndSet(future, expected, update);
    }
  }

  /** One thread per heap: nobody else can change the state between the compare and the store. */
  private static final class Confined extends FutureStates {
    @Override
    boolean compareAndSet(TaskFuture<?> future, int expected, int update) {
      if (future.state != expected) {
        return false;
      }
      future.state = update;
      return true;
    }
  }
}
