package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.TestAssertions.assertMessageContains;
import static org.webthreads.jvm.TestAssertions.small;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.PoolConfig;
import org.webthreads.PoolControl;
import org.webthreads.RemoteStackTrace;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * JvmFutures and completion listeners, on one heap and on emulated separate heaps: a TaskFuture as a
 * CompletableFuture (value, failure with its cause or stack text, cancellation by shutdownNow, chains,
 * adapters nobody keeps, outside cancellation), the pool as an Executor, Callable submission, and
 * listeners that throw.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JvmFuturesTest {
  static final TaskKind<Integer> ECHO = TaskKind.register("JvmFuturesTest.echo", (args, pool) -> args.readInt());

  /** The last exception THROWS threw, to check that the cause is that very object. */
  static final AtomicReference<Throwable> lastThrown = new AtomicReference<>();

  static final TaskKind<Integer> THROWS = TaskKind.register("JvmFuturesTest.throws", (args, pool) -> {
    throwFromNamedMethod(args.readString());
    return 0;
  });

  /** Joins a THROWS task, so its failure passes up through one join. */
  static final TaskKind<Integer> JOINS_THROWER = TaskKind.register("JvmFuturesTest.joinsThrower",
      (args, pool) -> pool.submit(THROWS, args.readString()).join());

  /** Recurses {@code depth} frames, then throws: a stack trace longer than is carried. */
  static final TaskKind<Integer> THROWS_DEEP = TaskKind.register("JvmFuturesTest.throwsDeep",
      (args, pool) -> recurseThenThrow(args.readInt()));

  /** An exception whose getStackTrace() throws. */
  static final class BrokenTraceException extends RuntimeException {
    BrokenTraceException() {
      super("broken trace");
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      throw new IllegalStateException("no trace for you");
    }
  }

  static final TaskKind<Integer> THROWS_HOSTILE = TaskKind.register("JvmFuturesTest.throwsHostile",
      (args, pool) -> {
        if (args.readInt() == 0) {
          throw new BrokenTraceException();
        }
        IllegalStateException a = new IllegalStateException("a");
        IllegalArgumentException b = new IllegalArgumentException("b");
        a.initCause(b);
        b.initCause(a); // a cycle of causes
        throw a;
      });

  static volatile CountDownLatch started = new CountDownLatch(0);
  static volatile CountDownLatch release = new CountDownLatch(0);

  /** Blocks its worker until the test opens {@link #release}; returns its argument. */
  static final TaskKind<Integer> BLOCKS = TaskKind.register("JvmFuturesTest.blocks", (args, pool) -> {
    int value = args.readInt();
    started.countDown();
    StressSupport.await(release, "the test releasing the blocking task");
    return value;
  });

  static void throwFromNamedMethod(String message) {
    IllegalStateException thrown = new IllegalStateException(message);
    lastThrown.set(thrown);
    throw thrown;
  }

  static int recurseThenThrow(int depth) {
    if (depth == 0) {
      throw new IllegalArgumentException("deep");
    }
    return recurseThenThrow(depth - 1) + 1;
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    Object[] value = new Object[1];
    StressSupport.within("CompletableFuture.get", () -> value[0] = future.get());
    @SuppressWarnings("unchecked")
    T result = (T) value[0];
    return result;
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    Throwable[] failure = new Throwable[1];
    StressSupport.within("CompletableFuture.get", () -> failure[0] = assertThrows(ExecutionException.class,
        future::get).getCause());
    return failure[0];
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void completesWithTheValue(Heaps heaps) throws Exception {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    CompletableFuture<Integer> future = JvmFutures.toCompletableFuture(pool.submit(ECHO, 42));
    assertEquals(42, get(future));
    assertFalse(future.isCompletedExceptionally());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void oneHeapFailureHasTheThrownExceptionAsCauseWithItsStackTrace() throws Exception {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    Throwable failure = failureOf(JvmFutures.toCompletableFuture(pool.submit(THROWS, "boom")));
    TaskFailedException failed = assertInstanceOf(TaskFailedException.class, failure);
    assertSame(lastThrown.get(), failed.getCause());
    assertEquals("boom", failed.getCause().getMessage());
    assertEquals("throwFromNamedMethod", failed.getCause().getStackTrace()[0].getMethodName());
    String trace = failed.remoteStackTrace();
    assertTrue(trace.startsWith("java.lang.IllegalStateException: boom\n\tat "), trace);
    assertTrue(trace.contains("throwFromNamedMethod"), trace);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void separateHeapsFailureCarriesTheStackAsText() throws Exception {
    JvmThreads threads = JvmThreads.startEmulatingSeparateHeaps(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    Throwable failure = failureOf(JvmFutures.toCompletableFuture(pool.submit(THROWS, "boom")));
    TaskFailedException failed = assertInstanceOf(TaskFailedException.class, failure);
    RemoteStackTrace remote = assertInstanceOf(RemoteStackTrace.class, failed.getCause());
    String trace = failed.remoteStackTrace();
    assertEquals(trace, remote.trace());
    assertTrue(trace.startsWith("java.lang.IllegalStateException: boom\n\tat "), trace);
    assertTrue(trace.contains("JvmFuturesTest.throwFromNamedMethod"), trace);
    StringWriter printed = new StringWriter();
    failed.printStackTrace(new PrintWriter(printed));
    assertTrue(printed.toString().contains("Caused by: java.lang.IllegalStateException: boom\n\tat "),
        printed.toString());
    assertTrue(printed.toString().contains("throwFromNamedMethod"), printed.toString());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aFailureThroughAJoinKeepsTheInnermostCause(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    TaskFailedException failed = assertInstanceOf(TaskFailedException.class,
        failureOf(JvmFutures.toCompletableFuture(pool.submit(JOINS_THROWER, "inner"))));
    assertEquals(1, failed.hops());
    assertEquals("java.lang.IllegalStateException", failed.remoteClassName());
    if (heaps == Heaps.SHARED) {
      assertSame(lastThrown.get(), failed.getCause());
    } else {
      assertInstanceOf(RemoteStackTrace.class, failed.getCause());
    }
    assertTrue(failed.remoteStackTrace().startsWith("java.lang.IllegalStateException: inner\n"));
    assertTrue(failed.remoteStackTrace().contains("throwFromNamedMethod"), failed.remoteStackTrace());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void theStackTextIsBounded(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    TaskFailedException failed = assertInstanceOf(TaskFailedException.class,
        failureOf(JvmFutures.toCompletableFuture(pool.submit(THROWS_DEEP, 3000))));
    String trace = failed.remoteStackTrace();
    assertTrue(trace.length() < 4200, "length " + trace.length());
    assertTrue(trace.endsWith("\n\t... (cut at 4000 characters)\n"), trace.substring(trace.length() - 100));
    assertTrue(trace.contains("recurseThenThrow"));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** A getStackTrace() that throws, and causes that loop, give a bounded text and hurt nobody. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void hostileTracesArriveBounded(Heaps heaps) throws Exception {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    TaskFailedException broken = assertInstanceOf(TaskFailedException.class,
        failureOf(JvmFutures.toCompletableFuture(pool.submit(THROWS_HOSTILE, 0))));
    assertTrue(broken.remoteStackTrace().startsWith(BrokenTraceException.class.getName() + ": broken trace\n"),
        broken.remoteStackTrace());
    assertTrue(broken.remoteStackTrace().contains("(reading the stack trace threw java.lang.IllegalStateException)"),
        broken.remoteStackTrace());
    TaskFailedException looped = assertInstanceOf(TaskFailedException.class,
        failureOf(JvmFutures.toCompletableFuture(pool.submit(THROWS_HOSTILE, 1))));
    String trace = looped.remoteStackTrace();
    assertTrue(trace.contains("Caused by: java.lang.IllegalArgumentException: b\n"), trace);
    assertTrue(trace.length() < 4200, "length " + trace.length());
    assertEquals(1, get(JvmFutures.toCompletableFuture(pool.submit(ECHO, 1))));
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void shutdownNowCancelsTheAdaptedFuturesOfQueuedTasks(Heaps heaps) throws Exception {
    started = new CountDownLatch(1);
    release = new CountDownLatch(1);
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    CompletableFuture<Integer> running = JvmFutures.toCompletableFuture(pool.submit(BLOCKS, 7));
    StressSupport.await(started, "the blocking task starting");
    List<CompletableFuture<Integer>> queued = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      queued.add(JvmFutures.toCompletableFuture(pool.submit(ECHO, i)));
    }
    assertEquals(50, pool.shutdownNow());
    release.countDown();
    assertEquals(7, get(running));
    for (CompletableFuture<Integer> future : queued) {
      // A cancelled CompletableFuture's get() throws the CancellationException itself.
      Throwable[] failure = new Throwable[1];
      StressSupport.within("CompletableFuture.get", () -> failure[0] = assertThrows(
          CancellationException.class, future::get));
      assertTrue(future.isCancelled());
      assertMessageContains(failure[0], "shutdownNow");
    }
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    threads.close();
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void thenApplyAndThenComposeChain(Heaps heaps) throws Exception {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    CompletableFuture<Integer> chain = JvmFutures.toCompletableFuture(pool.submit(ECHO, 20))
        .thenApply(x -> x + 1)
        .thenCompose(x -> JvmFutures.toCompletableFuture(pool.submit(ECHO, x * 2)))
        .thenApplyAsync(x -> x + 100);
    assertEquals(142, get(chain));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** Adapters nobody keeps, many more than the pool has slots: every task runs, no slot is held. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void droppedAdaptersHoldNoSlot(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(64).withArenaWords(1 << 12), threads.workerIds());
    AtomicInteger completed = new AtomicInteger();
    StressSupport.within("5,000 adapted submits on 64 slots", () -> {
      for (int i = 0; i < 5_000; i++) {
        JvmFutures.toCompletableFuture(pool.submit(ECHO, i));
      }
      CompletableFuture<Integer> last = JvmFutures.toCompletableFuture(pool.submit(ECHO, -1));
      last.thenRun(completed::incrementAndGet);
      assertEquals(-1, last.get());
    });
    assertEquals(1, completed.get());
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** Completing or cancelling the CompletableFuture settles only that object: the task runs on. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void cancellingTheAdapterLeavesTheTaskAndPoolAlone(Heaps heaps) throws Exception {
    started = new CountDownLatch(1);
    release = new CountDownLatch(1);
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    TaskFuture<Integer> task = pool.submit(BLOCKS, 5);
    CompletableFuture<Integer> adapted = JvmFutures.toCompletableFuture(task);
    CompletableFuture<Integer> other = JvmFutures.toCompletableFuture(task);
    StressSupport.await(started, "the blocking task starting");
    assertTrue(adapted.cancel(true));
    assertTrue(other.complete(99));
    release.countDown();
    assertEquals(5, TestAssertions.joinWithin(task));
    assertTrue(adapted.isCancelled());
    assertEquals(99, get(other));
    assertEquals(6, get(JvmFutures.toCompletableFuture(pool.submit(ECHO, 6))));
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void theExecutorRunsEachRunnableOnce(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    Executor executor = JvmFutures.executor(pool);
    int count = 20_000;
    AtomicIntegerArray runs = new AtomicIntegerArray(count);
    CountDownLatch all = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      int index = i;
      executor.execute(() -> {
        runs.incrementAndGet(index);
        all.countDown();
      });
    }
    StressSupport.await(all, "every Runnable");
    pool.shutdown();
    StressSupport.within("termination", () -> assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS,
        TimeUnit.SECONDS)));
    for (int i = 0; i < count; i++) {
      assertEquals(1, runs.get(i), "runs of Runnable " + i);
    }
    RejectedExecutionException refused = assertThrows(RejectedExecutionException.class,
        () -> executor.execute(() -> { }));
    assertMessageContains(refused, "shut down");
    threads.close();
  }

  /** Callables return any object (it never leaves the heap) and fail with the very exception. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void callablesReturnAnyObjectAndKeepTheirCheckedException(Heaps heaps) throws Exception {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    Map<String, Integer> map = new HashMap<>();
    assertSame(map, get(JvmFutures.submit(pool, () -> map)));
    IOException io = new IOException("disk");
    TaskFailedException failed = assertInstanceOf(TaskFailedException.class,
        failureOf(JvmFutures.submit(pool, () -> {
          throw io;
        })));
    assertEquals("java.io.IOException", failed.remoteClassName());
    if (heaps == Heaps.SHARED) {
      assertSame(io, failed.getCause());
    } else {
      assertTrue(failed.remoteStackTrace().startsWith("java.io.IOException: disk\n\tat "));
    }
    assertNull(get(JvmFutures.submit(pool, () -> { })));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** A listener that throws is reported; the worker that ran it, and the other listeners, go on. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aListenerThatThrowsDoesNotKillTheWorker(Heaps heaps) throws Exception {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    AtomicInteger laterListeners = new AtomicInteger();
    List<CompletableFuture<Integer>> adapted = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      TaskFuture<Integer> future = pool.submit(ECHO, i);
      PoolControl.onCompletion(future, () -> {
        throw new IllegalStateException("listener failure (expected by the test)");
      });
      PoolControl.onCompletion(future, () -> {
        throw new StackOverflowError("listener error (expected by the test)");
      });
      PoolControl.onCompletion(future, laterListeners::incrementAndGet);
      adapted.add(JvmFutures.toCompletableFuture(future));
    }
    for (int i = 0; i < 200; i++) {
      assertEquals(i, get(adapted.get(i)));
    }
    assertEquals(200, laterListeners.get());
    assertEquals(1, get(JvmFutures.toCompletableFuture(pool.submit(ECHO, 1))));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** A listener added to a finished future runs at once, on the adding thread, exactly once. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aListenerOnAFinishedFutureRunsAtOnce(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    TaskFuture<Integer> future = pool.submit(ECHO, 3);
    assertEquals(3, TestAssertions.joinWithin(future));
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    AtomicInteger runs = new AtomicInteger();
    PoolControl.onCompletion(future, () -> {
      ranOn.set(Thread.currentThread());
      runs.incrementAndGet();
    });
    assertSame(Thread.currentThread(), ranOn.get());
    assertTrue(future.isDone());
    assertEquals(1, runs.get());
    CompletableFuture<Integer> late = JvmFutures.toCompletableFuture(future);
    assertTrue(late.isDone());
    assertEquals(3, late.join());
    assertThrows(NullPointerException.class, () -> PoolControl.onCompletion(future, null));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** Listeners race with completion: each runs exactly once, whoever wins. */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void listenersAddedDuringCompletionRunOnce(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    int count = 20_000;
    AtomicIntegerArray runs = new AtomicIntegerArray(count);
    CountDownLatch all = new CountDownLatch(count);
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    StressSupport.within("listeners on 20,000 futures", () -> {
      for (int i = 0; i < count; i++) {
        int index = i;
        TaskFuture<Integer> future = pool.submit(ECHO, i);
        PoolControl.onCompletion(future, () -> {
          runs.incrementAndGet(index);
          all.countDown();
        });
        futures.add(future);
      }
      for (TaskFuture<Integer> future : futures) {
        future.join(); // with separate heaps the harvest runs the listener
      }
    });
    StressSupport.await(all, "every listener");
    for (int i = 0; i < count; i++) {
      assertEquals(1, runs.get(i), "runs of listener " + i);
    }
    StressSupport.shutdownAndClose(pool, threads);
  }
}
