package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.PoolConfig;
import org.webthreads.PoolShutdownException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * The contract of {@link ThreadPool#shutdown()} under a race with outside submitters: a submit either
 * throws {@link PoolShutdownException} or its task runs (never cancelled, never dropped), whichever
 * queue the pool uses; and the pool still terminates.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownAcceptanceTest {
  static final AtomicLong executed = new AtomicLong();

  static final TaskKind<Integer> NOOP = TaskKind.register("ShutdownAcceptanceTest.noop",
      (args, pool) -> 1);
  static final TaskKind<Void> COUNT = TaskKind.register("ShutdownAcceptanceTest.count", (args, pool) -> {
    executed.incrementAndGet();
    return null;
  });

  private static final int ROUNDS = 30;
  private static final int SUBMITTERS = 3;

  /**
   * Three outside threads submit until they are refused while the main thread calls shutdown(): every
   * future they got completes normally. (Before the acceptance protocol, with the lock-free queue, 22
   * of 30 rounds had cancelled futures: a worker left while a submitter's queue cell was claimed but
   * not yet published.)
   */
  @ParameterizedTest
  @EnumSource(PoolConfig.QueueKind.class)
  void everyAcceptedSubmitRunsAcrossShutdown(PoolConfig.QueueKind queue) throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      JvmThreads threads = JvmThreads.start(2);
      ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withQueue(queue),
          threads.workerIds());
      ConcurrentLinkedQueue<TaskFuture<Integer>> accepted = new ConcurrentLinkedQueue<>();
      CountDownLatch started = new CountDownLatch(SUBMITTERS);
      List<Thread> submitters = new ArrayList<>();
      for (int s = 0; s < SUBMITTERS; s++) {
        Thread submitter = new Thread(() -> {
          started.countDown();
          try {
            while (true) {
              accepted.add(pool.submit(NOOP));
            }
          } catch (PoolShutdownException expected) {
            // refused: the loop ends
          }
        }, "submitter-" + s);
        submitter.start();
        submitters.add(submitter);
      }
      StressSupport.await(started, "submitters running");
      Thread.sleep(2); // let them get going; any delay gives the same contract
      pool.shutdown();
      for (Thread submitter : submitters) {
        StressSupport.join(submitter, "submitter");
      }
      int[] cancelled = new int[1];
      StressSupport.within("joins", () -> {
        for (TaskFuture<Integer> future : accepted) {
          try {
            future.join();
          } catch (CancellationException e) {
            cancelled[0]++;
          }
        }
      });
      assertEquals(0, cancelled[0], "round " + round + ": futures cancelled by shutdown() out of "
          + accepted.size() + " accepted");
      assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
      StressSupport.closeQuietly(threads);
    }
  }

  /** The same race with execute(): every task accepted runs exactly once (none dropped silently). */
  @ParameterizedTest
  @EnumSource(PoolConfig.QueueKind.class)
  void everyAcceptedExecuteRunsAcrossShutdown(PoolConfig.QueueKind queue) throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      JvmThreads threads = JvmThreads.start(2);
      ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withQueue(queue),
          threads.workerIds());
      executed.set(0);
      AtomicInteger accepted = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(SUBMITTERS);
      List<Thread> submitters = new ArrayList<>();
      for (int s = 0; s < SUBMITTERS; s++) {
        Thread submitter = new Thread(() -> {
          started.countDown();
          try {
            while (true) {
              pool.execute(COUNT);
              accepted.incrementAndGet();
            }
          } catch (PoolShutdownException expected) {
            // refused: the loop ends
          }
        }, "submitter-" + s);
        submitter.start();
        submitters.add(submitter);
      }
      StressSupport.await(started, "submitters running");
      Thread.sleep(2);
      pool.shutdown();
      for (Thread submitter : submitters) {
        StressSupport.join(submitter, "submitter");
      }
      assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
      assertEquals(accepted.get(), executed.get(), "round " + round + ": tasks accepted by execute()"
          + " and run");
      StressSupport.closeQuietly(threads);
    }
  }
}
