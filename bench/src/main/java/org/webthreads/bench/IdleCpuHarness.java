package org.webthreads.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.webthreads.TaskFuture;
import org.webthreads.ThreadPool;
import org.webthreads.jvm.JvmThreads;

/**
 * (c) How much CPU an idle pool burns: starts a webthreads pool, runs some work (fork/join, a burst of
 * outside submissions, joins), then leaves it idle and measures the CPU time its worker threads (named
 * {@code webthreads-*}) use over the idle period, as a percentage of one core. The process's CPU time
 * over the same period (JIT, GC and the sleeping main thread included) is reported alongside.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.webthreads.bench.IdleCpuHarness
 * [threads=2] [seconds=5] [output.json]}. Prints one JSON object (and writes it to the file if given).
 */
public final class IdleCpuHarness {
  private IdleCpuHarness() {
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path output = args.length > 2 ? Path.of(args[2]) : null;

    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    if (!mx.isThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure per-thread CPU time");
    }
    mx.setThreadCpuTimeEnabled(true);

    try (JvmThreads platform = JvmThreads.start(threads)) {
      ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
      runSomeWork(pool);

      List<Thread> workers = new ArrayList<>();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().startsWith("webthreads-")) {
          workers.add(thread);
        }
      }
      if (workers.size() != threads) {
        throw new IllegalStateException("expected " + threads + " webthreads-* threads, found "
            + workers.size());
      }

      long workerCpuBefore = cpuOf(mx, workers);
      long processCpuBefore = processCpuNanos();
      long wallBefore = System.nanoTime();
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      long wall = System.nanoTime() - wallBefore;
      long workerCpu = cpuOf(mx, workers) - workerCpuBefore;
      long processCpu = processCpuNanos() - processCpuBefore;

      StringBuilder states = new StringBuilder();
      for (Thread worker : workers) {
        states.append(states.length() == 0 ? "" : ", ").append('"').append(worker.getState())
            .append('"');
      }
      String json = String.format(Locale.ROOT,
          "{\"idleCpuPercentOfOneCore\": %.4f, \"seconds\": %d, \"threads\": %d, "
              + "\"workerCpuMillis\": %.3f, \"processCpuPercentOfOneCore\": %.4f, "
              + "\"workerStates\": [%s]}",
          100.0 * workerCpu / wall, seconds, threads, workerCpu / 1e6,
          processCpu < 0 ? -1.0 : 100.0 * processCpu / wall, states);
      System.out.println(json);
      if (output != null) {
        Files.writeString(output, json + "\n", StandardCharsets.UTF_8);
      }
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Fork/join, a burst of fire-and-forget tasks from outside, and submit/join from outside. */
  private static void runSomeWork(ThreadPool pool) {
    for (int round = 0; round < 5; round++) {
      long fib = pool.submit(Workloads.FIB, 22).join();
      if (fib != Workloads.sequentialFib(22)) {
        throw new IllegalStateException("fib(22) = " + fib);
      }
      Workloads.Countdown countdown = new Workloads.Countdown(20_000);
      Workloads.Countdown.current = countdown;
      for (int i = 0; i < 20_000; i++) {
        pool.execute(Workloads.COUNTED_NOOP);
      }
      countdown.await();
      List<TaskFuture<Void>> futures = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        futures.add(pool.submit(Workloads.NOOP));
      }
      for (TaskFuture<Void> future : futures) {
        future.join();
      }
    }
  }

  private static long cpuOf(ThreadMXBean mx, List<Thread> threads) {
    long total = 0;
    for (Thread thread : threads) {
      long nanos = mx.getThreadCpuTime(thread.getId());
      if (nanos < 0) {
        throw new IllegalStateException("no CPU time for " + thread.getName() + " (it died?)");
      }
      total += nanos;
    }
    return total;
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }
}
