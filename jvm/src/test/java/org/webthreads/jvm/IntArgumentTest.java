package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/** submit/execute with one int argument (no boxing) encode exactly what the Object... forms encode. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IntArgumentTest {
  static final AtomicInteger executed = new AtomicInteger();
  static volatile CountDownLatch executedLatch;

  static final TaskKind<Integer> NEGATE = TaskKind.register("IntArgumentTest.negate",
      (args, pool) -> -args.readInt());

  static final TaskKind<Long> AS_LONG = TaskKind.register("IntArgumentTest.asLong",
      (args, pool) -> args.readLong());

  static final TaskKind<Void> RECORD = TaskKind.register("IntArgumentTest.record", (args, pool) -> {
    executed.addAndGet(args.readInt());
    executedLatch.countDown();
    return null;
  });

  /** Forks with the int forms from a pool thread (the ring path) and joins. */
  static final TaskKind<Integer> FORKS = TaskKind.register("IntArgumentTest.forks", (args, pool) -> {
    int n = args.readInt();
    TaskFuture<Integer> a = pool.submit(NEGATE, n);
    TaskFuture<Integer> b = pool.submit(NEGATE, (Object) (n + 1));
    return a.join() + b.join();
  });

  @Test
  void intFormsMatchTheObjectForms() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("int submits", () -> {
      assertEquals(-7, pool.submit(NEGATE, 7).join());
      assertEquals(Integer.MAX_VALUE, pool.submit(NEGATE, -Integer.MAX_VALUE).join());
      assertEquals(-(10 + 11), pool.submit(FORKS, 10).join());
      TaskFailedException wrongType =
          assertThrows(TaskFailedException.class, () -> pool.submit(AS_LONG, 3).join());
      assertTrue(wrongType.getMessage().contains("but was read as"), wrongType.getMessage());
      executedLatch = new CountDownLatch(2);
      pool.execute(RECORD, 40);
      pool.execute(RECORD, 2);
      StressSupport.await(executedLatch, "two executed int tasks");
      assertEquals(42, executed.get());
    });
    assertThrows(NullPointerException.class, () -> pool.submit(null, 1));
    StressSupport.shutdownAndClose(pool, threads);
  }
}
