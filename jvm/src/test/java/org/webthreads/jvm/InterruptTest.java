package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Interrupts, as the docs promise them: an interrupt of a pool thread belongs to the task running
 * then and is cleared after it; it never ends a worker thread or loses a pool; {@code join()} waits
 * on through an interrupt and keeps the status set; {@code get()} ends its wait with
 * InterruptedException.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InterruptTest {
  /** Interrupts its own thread and returns, as code that restores the flag after catching it does. */
  static final TaskKind<Integer> RESTORES_INTERRUPT = TaskKind.register("InterruptTest.restores",
      (args, pool) -> {
        Thread.currentThread().interrupt();
        return 1;
      });

  /** Reports whether its thread starts interrupted, then sleeps a little (fails if interrupted). */
  static final TaskKind<Integer> SLEEPS = TaskKind.register("InterruptTest.sleeps", (args, pool) -> {
    runner = Thread.currentThread();
    boolean interrupted = Thread.currentThread().isInterrupted();
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      throw new IllegalStateException("the task started with its thread interrupted", e);
    }
    return interrupted ? 1 : 0;
  });

  static volatile CountDownLatch started = new CountDownLatch(0);
  static volatile Thread runner;

  /** Waits on a latch nobody opens, until interrupted: then fails with the InterruptedException. */
  static final TaskKind<Integer> WAITS_FOR_INTERRUPT = TaskKind.register("InterruptTest.waits",
      (args, pool) -> {
        runner = Thread.currentThread();
        started.countDown();
        new CountDownLatch(1).await();
        return 0;
      });

  /** Returns once element 0 of its shared array is set. */
  static final TaskKind<Integer> GATED = TaskKind.register("InterruptTest.gated", (args, pool) -> {
    SharedIntArray gate = args.readSharedIntArray();
    started.countDown();
    while (gate.get(0) == 0) {
      gate.awaitChange(0, 0);
    }
    return 7;
  });

  @Test
  void anInterruptRestoredByATaskDoesNotReachTheNextTask() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    for (int i = 0; i < 20; i++) {
      assertEquals(1, pool.submit(RESTORES_INTERRUPT).join());
      assertEquals(0, pool.submit(SLEEPS).join(), "the next task started interrupted");
    }
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** After tasks that restored the flag, the worker survives the pool's shutdown and serves a new pool. */
  @Test
  void theWorkerOutlivesTheInterruptAndServesTheNextPool() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool first = ThreadPool.create(threads, threads.workerIds());
    assertEquals(1, first.submit(RESTORES_INTERRUPT).join());
    first.shutdown();
    assertTrue(first.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    ThreadPool second = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("a task on the next pool", () -> assertEquals(0, second.submit(SLEEPS).join()));
    StressSupport.shutdownAndClose(second, threads);
  }

  /** Interrupting an idle worker from outside neither ends it nor loses its pool. */
  @Test
  void anOutsideInterruptOfAnIdleWorkerLosesNothing() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    started = new CountDownLatch(1);
    assertEquals(0, pool.submit(SLEEPS).join());
    Thread worker = runner;
    for (int i = 0; i < 10; i++) {
      worker.interrupt();
      StressSupport.within("a task after an interrupt", () -> assertEquals(0, pool.submit(SLEEPS).join()));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    worker.interrupt();
    ThreadPool next = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("a task on the next pool", () -> assertEquals(0, next.submit(SLEEPS).join()));
    assertTrue(worker.isAlive());
    StressSupport.shutdownAndClose(next, threads);
  }

  /** Interrupting a worker in a task reaches that task (here: it fails), and the worker serves on. */
  @Test
  void anInterruptDuringATaskReachesThatTaskOnly() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    started = new CountDownLatch(1);
    TaskFuture<Integer> waiting = pool.submit(WAITS_FOR_INTERRUPT);
    StressSupport.await(started, "the task waiting for an interrupt");
    runner.interrupt();
    TaskFailedException failure = assertThrows(TaskFailedException.class, waiting::join);
    assertEquals(InterruptedException.class.getName(), failure.remoteClassName());
    assertEquals(0, pool.submit(SLEEPS).join(), "the next task does not start interrupted");
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** get() ends its wait when the waiting thread is interrupted; the task goes on and completes. */
  @Test
  void getEndsItsWaitOnInterrupt() throws Exception {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray gate = pool.newSharedIntArray(1);
    started = new CountDownLatch(1);
    TaskFuture<Integer> future = pool.submit(GATED, gate);
    StressSupport.await(started, "the gated task");
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, future::get, "interrupted before the wait");
    assertFalse(Thread.currentThread().isInterrupted(), "get() clears the status it reports");

    Thread me = Thread.currentThread();
    Thread interrupter = new Thread(() -> {
      awaitWaiting(me); // blocked in get()
      me.interrupt();
    });
    interrupter.start();
    assertThrows(InterruptedException.class, future::get, "interrupted while waiting");
    StressSupport.join(interrupter, "the interrupter");
    assertFalse(future.isDone(), "the task goes on");

    gate.set(0, 1);
    gate.notifyWaiters(0);
    assertEquals(7, future.get());
    // Done: get() returns the value even with the status set, and leaves it set.
    Thread.currentThread().interrupt();
    assertEquals(7, future.get());
    assertTrue(Thread.interrupted());
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** join() waits on through an interrupt and returns with the status still set. */
  @Test
  void joinWaitsOnThroughAnInterrupt() throws ExecutionException {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray gate = pool.newSharedIntArray(1);
    started = new CountDownLatch(1);
    TaskFuture<Integer> future = pool.submit(GATED, gate);
    StressSupport.await(started, "the gated task");
    Thread me = Thread.currentThread();
    Thread helper = new Thread(() -> {
      awaitWaiting(me); // blocked in join()
      me.interrupt();
      // Open the gate only once the interrupt is in: join() must not have returned for it.
      gate.set(0, 1);
      gate.notifyWaiters(0);
    });
    helper.start();
    assertEquals(7, future.join());
    assertTrue(Thread.interrupted(), "join() keeps the interrupt status");
    StressSupport.join(helper, "the helper");
    StressSupport.shutdownAndClose(pool, threads);
  }

  /**
   * Until {@code thread} blocks (in the futex wait of get() or join()). No event announces that a
   * thread has blocked, so this looks, yielding in between, as the java.util.concurrent TCK does.
   */
  private static void awaitWaiting(Thread thread) {
    while (thread.getState() != Thread.State.WAITING) {
      Thread.yield();
    }
  }
}
