package org.webthreads.check;

import org.webthreads.LoopExit;
import org.webthreads.Platform;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Runs the whole core on one thread: a pool of one worker whose loop the main thread runs after
 * shutdown. The build compiles this class with TeaVM to WebAssembly GC, which proves that the core uses
 * nothing TeaVM lacks; the JVM tests run it too.
 */
public final class CoreSmokeCheck {
  static final TaskKind<Long> FIB = TaskKind.register("check.fib", (args, pool) -> {
    int n = args.readInt();
    if (n < 2) {
      return (long) n;
    }
    TaskFuture<Long> left = pool.submit(CoreSmokeCheck.FIB, n - 1);
    long right = pool.submit(CoreSmokeCheck.FIB, n - 2).join();
    return left.join() + right;
  });
  static final TaskKind<String> CONCAT = TaskKind.register("check.concat",
      (args, pool) -> args.readString() + args.readLong() + args.readDouble());
  static final TaskKind<Integer> SUM = TaskKind.register("check.sum", (args, pool) -> {
    SharedIntArray array = args.readSharedIntArray();
    int sum = 0;
    for (int i = 0; i < array.length(); i++) {
      sum += array.get(i);
    }
    return sum;
  });

  private CoreSmokeCheck() {
  }

  /** Returns a line describing the results; throws if any is wrong. */
  public static String run() {
    SingleThreadWords words = new SingleThreadWords(1 << 21);
    Platform platform = new SingleThreadPlatform(words, false);
    ThreadPool pool = ThreadPool.create(platform,
        org.webthreads.PoolConfig.defaults().withSlotCount(4096).withArenaWords(1 << 16), 1);
    SharedIntArray array = pool.newSharedIntArray(10);
    for (int i = 0; i < 10; i++) {
      array.set(i, i);
    }
    TaskFuture<Long> fib = pool.submit(FIB, 15);
    TaskFuture<String> concat = pool.submit(CONCAT, "x", 42L, 0.5);
    TaskFuture<Integer> sum = pool.submit(SUM, array);
    pool.shutdown();
    LoopExit exit = org.webthreads.PoolControl.of(pool).runWorker(1);
    String line = "fib(15)=" + fib.join() + " concat=" + concat.join() + " sum=" + sum.join()
        + " exit=" + exit;
    if (fib.join() != 610 || !concat.join().equals("x420.5") || sum.join() != 45
        || exit != LoopExit.SHUTDOWN) {
      throw new IllegalStateException("core smoke check failed: " + line);
    }
    return line;
  }

  public static void main(String[] args) {
    System.out.println(run());
  }
}
