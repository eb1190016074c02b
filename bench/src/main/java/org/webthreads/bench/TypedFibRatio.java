package org.webthreads.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.webthreads.ThreadPool;
import org.webthreads.jvm.JvmThreads;

/**
 * Typed fib against positional fib on the same pool, in alternating rounds (so that a noisy machine
 * slows both alike): prints the median wall time and the total process CPU time of each and their
 * ratios as one JSON line (CPU time is the steadier figure when other processes share the cores).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.webthreads.bench.TypedFibRatio [threads] [n] [rounds]</pre>
 */
public final class TypedFibRatio {
  private TypedFibRatio() {
  }

  public static void main(String[] args) throws InterruptedException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 27;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    JvmThreads platform = JvmThreads.start(threads);
    ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
    long expected = Workloads.sequentialFib(n);
    for (int warm = 0; warm < 5; warm++) {
      check(expected, pool.submit(Workloads.FIB, n).join());
      check(expected, pool.submit(Workloads.TYPED_FIB, n).join());
    }
    long[] positional = new long[rounds];
    long[] typed = new long[rounds];
    long[] positionalCpu = new long[rounds];
    long[] typedCpu = new long[rounds];
    for (int round = 0; round < rounds; round++) {
      boolean typedFirst = round % 2 == 1;
      for (int i = 0; i < 2; i++) {
        boolean typedNow = typedFirst == (i == 0);
        long cpu = processCpuNanos();
        long wall = time(pool, typedNow, n, expected);
        cpu = processCpuNanos() - cpu;
        (typedNow ? typed : positional)[round] = wall;
        (typedNow ? typedCpu : positionalCpu)[round] = cpu;
      }
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    platform.close();
    double p = median(positional) / 1e6;
    double t = median(typed) / 1e6;
    double pc = Arrays.stream(positionalCpu).sum() / 1e6; // summed: the CPU clock ticks coarsely
    double tc = Arrays.stream(typedCpu).sum() / 1e6;
    System.out.printf("{\"threads\": %d, \"n\": %d, \"rounds\": %d, \"positionalMedianMs\": %.2f, "
        + "\"typedMedianMs\": %.2f, \"typedOverPositionalTime\": %.3f, \"positionalTotalCpuMs\": %.2f, "
        + "\"typedTotalCpuMs\": %.2f, \"typedOverPositionalCpu\": %.3f}%n", threads, n, rounds, p, t, t / p,
        pc, tc, tc / pc);
  }

  private static long time(ThreadPool pool, boolean typed, int n, long expected) {
    long start = System.nanoTime();
    long value = typed ? pool.submit(Workloads.TYPED_FIB, n).join() : pool.submit(Workloads.FIB, n).join();
    long elapsed = System.nanoTime() - start;
    check(expected, value);
    return elapsed;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void check(long expected, long value) {
    if (value != expected) {
      throw new IllegalStateException("fib = " + value + ", expected " + expected);
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
  }
}
