package org.webthreads.bench;

import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.webthreads.Codecs;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.TaskKind1;
import org.webthreads.ThreadPool;

/**
 * The work both schedulers run in the benchmarks, written once so that the two sides do exactly the
 * same thing: no-op tasks (with and without a completion count) and the recursive Fibonacci split.
 */
final class Workloads {
  /** A task that does nothing; its future completes with null. */
  static final TaskKind<Void> NOOP = TaskKind.register("bench.noop", (args, pool) -> null);

  /** A task that only counts itself done in the batch's {@link Countdown}. */
  static final TaskKind<Void> COUNTED_NOOP = TaskKind.register("bench.countedNoop", (args, pool) -> {
    Countdown.current.done();
    return null;
  });

  /** fib(n): forks fib(n-1) as a task, computes fib(n-2) in place, joins. */
  static final TaskKind<Long> FIB = TaskKind.register("bench.fib",
      (args, pool) -> fib(args.readInt(), pool));

  /** The same fib as a typed kind (one int argument: the no-boxing int path), for the typed/positional ratio. */
  static final TaskKind1<Integer, Long> TYPED_FIB = TaskKind1.register("bench.typedFib", Codecs.INT,
      (n, context) -> typedFib(n, context.pool()));

  private Workloads() {
  }

  static long fib(int n, ThreadPool pool) {
    if (n < 2) {
      return n;
    }
    TaskFuture<Long> left = pool.submit(FIB, n - 1);
    long right = fib(n - 2, pool);
    return left.join() + right;
  }

  static long typedFib(int n, ThreadPool pool) {
    if (n < 2) {
      return n;
    }
    TaskFuture<Long> left = pool.submit(TYPED_FIB, n - 1);
    long right = typedFib(n - 2, pool);
    return left.join() + right;
  }

  /** The same split as {@link #fib(int, ThreadPool)} on a ForkJoinPool. */
  static final class ForkJoinFib extends RecursiveTask<Long> {
    private final int n;

    ForkJoinFib(int n) {
      this.n = n;
    }

    @Override
    protected Long compute() {
      return fib(n);
    }

    private static long fib(int n) {
      if (n < 2) {
        return n;
      }
      ForkJoinFib left = new ForkJoinFib(n - 1);
      left.fork();
      long right = fib(n - 2);
      return left.join() + right;
    }
  }

  /** Plain recursion, for checking results. */
  static long sequentialFib(int n) {
    long a = 0;
    long b = 1;
    for (int i = 0; i < n; i++) {
      long next = a + b;
      a = b;
      b = next;
    }
    return a;
  }

  /**
   * Tasks one fib(n) operation creates: the root task plus one forked task per call with n >= 2.
   * Calls with n >= 2 number fib(n+1) - 1, so the total is fib(n+1).
   */
  static long tasksPerFib(int n) {
    return n < 2 ? 1 : sequentialFib(n + 1);
  }

  /**
   * Counts the tasks of one batch down to zero and wakes the thread that waits for the batch (no
   * spinning: on two cores a spinning waiter would take a worker's core).
   */
  static final class Countdown {
    /** The batch in flight: webthreads tasks travel as kind + arguments, so they find it here. */
    static volatile Countdown current;

    private final AtomicInteger remaining;
    private final Thread waiter = Thread.currentThread();

    Countdown(int tasks) {
      remaining = new AtomicInteger(tasks);
    }

    void done() {
      if (remaining.decrementAndGet() == 0) {
        LockSupport.unpark(waiter);
      }
    }

    void await() {
      while (remaining.get() != 0) {
        LockSupport.park(this);
      }
    }
  }
}
