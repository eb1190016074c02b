package org.webthreads.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.webthreads.ThreadPool;
import org.webthreads.jvm.JvmThreads;

/**
 * (b) Fine-grained recursive fork/join: fib(n) where every call with n >= 2 forks fib(n-1) as a task
 * and computes fib(n-2) in place, so one operation creates fib(n+1) tasks (n = 32: 3.5 million). The
 * score is operations (whole fib(n) computations) per second; multiply by
 * {@link Workloads#tasksPerFib} for tasks per second ({@link BenchSummary} does).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FibBenchmark {
  @State(Scope.Benchmark)
  public static class Webthreads {
    @Param("2")
    public int threads;

    @Param("32")
    public int n;

    JvmThreads platform;
    ThreadPool pool;

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

    @Param("32")
    public int n;

    ForkJoinPool pool;

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

  @Benchmark
  public long webthreadsFib(Webthreads state) {
    return check(state.n, state.pool.submit(Workloads.FIB, state.n).join());
  }

  /** webthreadsFib with a typed kind (TaskKind1 of Codecs.INT): should score what webthreadsFib scores. */
  @Benchmark
  public long typedWebthreadsFib(Webthreads state) {
    return check(state.n, state.pool.submit(Workloads.TYPED_FIB, state.n).join());
  }

  @Benchmark
  public long forkJoinFib(ForkJoin state) {
    return check(state.n, state.pool.invoke(new Workloads.ForkJoinFib(state.n)));
  }

  private static long check(int n, long result) {
    if (result != Workloads.sequentialFib(n)) {
      throw new IllegalStateException("fib(" + n + ") = " + result + ", expected "
          + Workloads.sequentialFib(n));
    }
    return result;
  }
}
