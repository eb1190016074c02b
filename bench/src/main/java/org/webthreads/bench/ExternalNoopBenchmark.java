package org.webthreads.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.webthreads.TaskFuture;
import org.webthreads.ThreadPool;
import org.webthreads.jvm.JvmThreads;

/**
 * (a) No-op tasks submitted from outside the pool: the benchmark thread submits a batch of
 * {@link #BATCH} tasks, then waits until all have run. Scores are tasks per second.
 *
 * <ul>
 *   <li>{@code *Execute}: fire-and-forget ({@code ThreadPool.execute} / {@code ForkJoinPool.execute});
 *       each task counts itself down and the last one wakes the benchmark thread;
 *   <li>{@code *SubmitJoinAll}: keeps every future and joins them all in submission order.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ExternalNoopBenchmark.BATCH)
public class ExternalNoopBenchmark {
  public static final int BATCH = 100_000;

  @State(Scope.Benchmark)
  public static class Webthreads {
    @Param("2")
    public int threads;

    JvmThreads platform;
    ThreadPool pool;
    final TaskFuture<?>[] futures = new TaskFuture<?>[BATCH];

    @Setup
    public void setUp() {
      platform = JvmThreads.start(threads);
      pool = ThreadPool.create(platform, platform.workerIds());
    }

    @TearDown
    public void tearDown() throws InterruptedException {
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
      platform.close();
    }
  }

  @State(Scope.Benchmark)
  public static class ForkJoin {
    @Param("2")
    public int threads;

    ForkJoinPool pool;
    final ForkJoinTask<?>[] futures = new ForkJoinTask<?>[BATCH];

    @Setup
    public void setUp() {
      pool = new ForkJoinPool(threads);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
      pool.shutdown();
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  private static final Runnable NOOP = () -> { };

  @Benchmark
  public void webthreadsExecute(Webthreads state) {
    Workloads.Countdown countdown = new Workloads.Countdown(BATCH);
    Workloads.Countdown.current = countdown;
    ThreadPool pool = state.pool;
    for (int i = 0; i < BATCH; i++) {
      pool.execute(Workloads.COUNTED_NOOP);
    }
    countdown.await();
  }

  @Benchmark
  public void forkJoinExecute(ForkJoin state) {
    Workloads.Countdown countdown = new Workloads.Countdown(BATCH);
    Runnable task = countdown::done;
    ForkJoinPool pool = state.pool;
    for (int i = 0; i < BATCH; i++) {
      pool.execute(task);
    }
    countdown.await();
  }

  @Benchmark
  public void webthreadsSubmitJoinAll(Webthreads state) {
    TaskFuture<?>[] futures = state.futures;
    ThreadPool pool = state.pool;
    for (int i = 0; i < BATCH; i++) {
      futures[i] = pool.submit(Workloads.NOOP);
    }
    for (int i = 0; i < BATCH; i++) {
      futures[i].join();
      futures[i] = null;
    }
  }

  @Benchmark
  public void forkJoinSubmitJoinAll(ForkJoin state) {
    ForkJoinTask<?>[] futures = state.futures;
    ForkJoinPool pool = state.pool;
    for (int i = 0; i < BATCH; i++) {
      futures[i] = pool.submit(NOOP);
    }
    for (int i = 0; i < BATCH; i++) {
      futures[i].join();
      futures[i] = null;
    }
  }
}
