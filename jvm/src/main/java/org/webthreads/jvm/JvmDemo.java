package org.webthreads.jvm;

import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * A first look at webthreads on the JVM: counts the primes below a bound by recursive fork/join on a
 * pool of all cores, then once more on a single thread, and prints both times.
 */
public final class JvmDemo {
  static final TaskKind<Integer> COUNT_PRIMES = TaskKind.register("demo.countPrimes", (args, pool) -> {
    int from = args.readInt();
    int to = args.readInt();
    if (to - from <= 2_000) {
      return countPrimes(from, to);
    }
    int middle = (from + to) >>> 1;
    TaskFuture<Integer> left = pool.submit(JvmDemo.COUNT_PRIMES, from, middle);
    int right = pool.submit(JvmDemo.COUNT_PRIMES, middle, to).join();
    return left.join() + right;
  });

  private JvmDemo() {
  }

  static int countPrimes(int from, int to) {
    int count = 0;
    for (int n = Math.max(from, 2); n < to; n++) {
      boolean prime = true;
      for (int d = 2; d * d <= n; d++) {
        if (n % d == 0) {
          prime = false;
          break;
        }
      }
      count += prime ? 1 : 0;
    }
    return count;
  }

  /**
   * Counts the primes below the bound, in parallel and then on one thread, and prints the two times.
   *
   * @param args the bound, optionally (default 5,000,000)
   * @throws Exception when a task fails
   */
  public static void main(String[] args) throws Exception {
    int bound = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    int threads = Runtime.getRuntime().availableProcessors();
    try (JvmThreads platform = JvmThreads.start(threads)) {
      ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
      pool.submit(COUNT_PRIMES, 0, bound / 10).join(); // warm-up
      long start = System.nanoTime();
      int parallel = pool.submit(COUNT_PRIMES, 0, bound).join();
      long parallelNanos = System.nanoTime() - start;
      start = System.nanoTime();
      int serial = countPrimes(0, bound);
      long serialNanos = System.nanoTime() - start;
      System.out.printf("primes below %d: %d on %d webthreads workers in %.0f ms; %d on one thread in"
          + " %.0f ms (speed-up %.2fx)%n", bound, parallel, threads, parallelNanos / 1e6, serial,
          serialNanos / 1e6, (double) serialNanos / parallelNanos);
      pool.shutdown();
      pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
