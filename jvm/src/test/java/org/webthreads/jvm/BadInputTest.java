package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.webthreads.ArenaFullException;
import org.webthreads.PoolConfig;
import org.webthreads.PoolShutdownException;
import org.webthreads.SharedIntArray;
import org.webthreads.SlotsExhaustedException;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.UnknownTaskKindException;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.TaskSlots;

/**
 * Every rejected input gives an error that names the problem and the fix, and leaves the pool usable;
 * shutdown loses nothing; the JVM futex keeps its contract.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputTest {

  // ---- task kinds (names unique in the test suite) ----

  static final TaskKind<Integer> ECHO = TaskKind.register("BadInputTest.echo",
      (args, pool) -> args.readInt());

  /** Blocks every task of this kind until the test opens {@link #gate}; returns its argument. */
  static volatile CountDownLatch gate = new CountDownLatch(0);
  static volatile CountDownLatch gateReached = new CountDownLatch(0);

  static final TaskKind<Integer> GATED = TaskKind.register("BadInputTest.gated", (args, pool) -> {
    int value = args.readInt();
    gateReached.countDown();
    StressSupport.await(gate, "the test opening the gate");
    return value;
  });

  /** After the gate, forks a child and joins it: allowed even once the pool is shut down. */
  static final TaskKind<Integer> GATED_PARENT = TaskKind.register("BadInputTest.gatedParent",
      (args, pool) -> {
        int value = args.readInt();
        StressSupport.await(gate, "the test opening the gate");
        return pool.submit(ECHO, value).join() + 1;
      });

  static final AtomicInteger countedRuns = new AtomicInteger();
  static final TaskKind<Integer> COUNTED = TaskKind.register("BadInputTest.counted", (args, pool) -> {
    countedRuns.incrementAndGet();
    return 1;
  });

  static volatile CountDownLatch blockersStarted = new CountDownLatch(0);
  static volatile CountDownLatch blockersSpawned = new CountDownLatch(0);

  /**
   * Waits until every blocker runs (so no pool thread is free to steal), forks children into its own
   * ring, then blocks until the gate opens.
   */
  static final TaskKind<Integer> BLOCKER = TaskKind.register("BadInputTest.blocker", (args, pool) -> {
    int children = args.readInt();
    blockersStarted.countDown();
    StressSupport.await(blockersStarted, "all blockers running");
    for (int i = 0; i < children; i++) {
      pool.execute(COUNTED);
    }
    blockersSpawned.countDown();
    StressSupport.await(gate, "the test opening the gate");
    return 1;
  });

  /** A small fork/join tree: 2^depth leaves, each counted; returns the number of leaves. */
  static final TaskKind<Integer> NEST = TaskKind.register("BadInputTest.nest", (args, pool) -> {
    int depth = args.readInt();
    if (depth == 0) {
      countedRuns.incrementAndGet();
      return 1;
    }
    TaskFuture<Integer> left = pool.submit(BadInputTest.NEST, depth - 1);
    int right = pool.submit(BadInputTest.NEST, depth - 1).join();
    return left.join() + right;
  });

  static final TaskKind<Object> RETURNS_MAP = TaskKind.register("BadInputTest.returnsMap",
      (args, pool) -> new HashMap<String, Integer>());

  static final TaskKind<Integer> THROWS = TaskKind.register("BadInputTest.throws", (args, pool) -> {
    throw new IllegalStateException(args.readString());
  });

  static final TaskKind<Integer> THROWS_WITHOUT_MESSAGE = TaskKind.register(
      "BadInputTest.throwsWithoutMessage", (args, pool) -> {
        throw new UnsupportedOperationException();
      });

  static final TaskKind<String> READS_STRING = TaskKind.register("BadInputTest.readsString",
      (args, pool) -> args.readString());

  static final TaskKind<Integer> READS_TWO_INTS = TaskKind.register("BadInputTest.readsTwoInts",
      (args, pool) -> args.readInt() + args.readInt());

  static final TaskKind<int[]> RETURNS_ARRAY = TaskKind.register("BadInputTest.returnsArray",
      (args, pool) -> new int[args.readInt()]);

  static final TaskKind<Integer> SUM_ARRAY = TaskKind.register("BadInputTest.sumArray",
      (args, pool) -> {
        int sum = 0;
        for (int v : args.readIntArray()) {
          sum += v;
        }
        return sum;
      });

  /** Submits a child and joins it, from a pool thread. */
  static final TaskKind<Integer> SPAWNS_CHILD = TaskKind.register("BadInputTest.spawnsChild",
      (args, pool) -> pool.submit(ECHO, args.readInt()).join());

  /** Submits a fire-and-forget child: that needs a slot at once, even on a pool thread. */
  static final TaskKind<Integer> EXECUTES_CHILD = TaskKind.register("BadInputTest.executesChild",
      (args, pool) -> {
        pool.execute(ECHO, args.readInt());
        return 0;
      });

  static final TaskKind<Integer> VICTIM = TaskKind.register("BadInputTest.victim", (args, pool) -> 1);

  static final TaskKind<Integer> DUPLICATE = TaskKind.register("BadInputTest.duplicate",
      (args, pool) -> 1);

  // ---- helpers ----

  static void assertMessageContains(Throwable error, String... parts) {
    String message = error.getMessage();
    assertNotNull(message, () -> error.getClass().getName() + " without a message");
    for (String part : parts) {
      assertTrue(message.contains(part),
          () -> "message of " + error.getClass().getSimpleName() + " lacks \"" + part + "\": " + message);
    }
  }

  static <T extends Throwable> T assertThrowsWith(Class<T> type, Executable call, String... parts) {
    T error = assertThrows(type, call);
    assertMessageContains(error, parts);
    return error;
  }

  /** Joins on a helper thread with the hang detector (join itself has no timeout). */
  static <R> R joinWithin(TaskFuture<R> future) {
    Object[] result = new Object[1];
    StressSupport.within("join of " + future.kind().name(), () -> result[0] = future.join());
    @SuppressWarnings("unchecked")
    R value = (R) result[0];
    return value;
  }

  /** The failure join() reports, waited for with the hang detector. */
  static TaskFailedException failureOf(TaskFuture<?> future) {
    TaskFailedException[] failure = new TaskFailedException[1];
    StressSupport.within("join of " + future.kind().name(), () -> {
      failure[0] = assertThrows(TaskFailedException.class, future::join);
    });
    return failure[0];
  }

  static PoolConfig small() {
    return PoolConfig.defaults().withSlotCount(1024).withArenaWords(1 << 14);
  }

  // ---- ThreadPool.create ----

  @Test
  void createRejectsBadThreadIds() {
    JvmThreads threads = JvmThreads.start(2);
    try {
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads),
          "at least one worker thread id", "pass ids returned by the platform");
      assertThrowsWith(IllegalArgumentException.class,
          () -> ThreadPool.create(threads, (int[]) null), "at least one worker thread id");
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads, 1, 0),
          "thread id 0 is the main thread", "pass only worker ids");
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads, 2, 1, 2),
          "thread id 2 appears twice", "give each worker id once");
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads, 1, 99),
          "unknown thread id 99", "[1, 2]");
      assertThrowsWith(IllegalArgumentException.class, () -> ThreadPool.create(threads, -3),
          "unknown thread id -3");

      // None of the rejected calls took a thread: a pool over both still starts and works.
      ThreadPool pool = ThreadPool.create(threads, small(), 1, 2);
      assertEquals(5, joinWithin(pool.submit(ECHO, 5)));

      // A thread that serves a live pool cannot join another one ...
      IllegalArgumentException busy = assertThrowsWith(IllegalArgumentException.class,
          () -> ThreadPool.create(threads, small(), 2), "thread 2 already serves another pool",
          "shut that pool down", "choose other ids");
      assertInstanceOf(IllegalArgumentException.class, busy);
      assertEquals(7, joinWithin(pool.submit(ECHO, 7)), "the first pool is unharmed");
      // ... until that pool has terminated.
      pool.shutdown();
      assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
      ThreadPool next = ThreadPool.create(threads, small(), 2);
      assertEquals(9, joinWithin(next.submit(ECHO, 9)));
      StressSupport.shutdownAndClose(next, threads);
    } finally {
      StressSupport.closeQuietly(threads);
    }
  }

  @Test
  void configAndPlatformRejectBadSizes() {
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withRingCapacity(6), "power of two", "was 6");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withRingCapacity(1024), "between 2 and 512");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withSlotCount(0), "slot count must be between 1", "was 0");
    assertThrowsWith(IllegalArgumentException.class,
        () -> PoolConfig.defaults().withArenaWords(10), "at least 64 words", "was 10");
    assertThrowsWith(IllegalArgumentException.class, () -> JvmThreads.start(0),
        "at least one worker thread");
    JvmThreads threads = JvmThreads.start(1);
    try {
      assertThrowsWith(IllegalArgumentException.class, () -> threads.post(2, () -> { }),
          "unknown thread id 2");
      ThreadPool pool = ThreadPool.create(threads, small(), 1);
      assertThrowsWith(IllegalArgumentException.class, () -> pool.signalJsPending(5),
          "thread 5 is not in this pool", "[1]");
      assertThrowsWith(NullPointerException.class, () -> pool.submit(null, 1), "task kind is null");
      StressSupport.shutdownAndClose(pool, threads);
    } finally {
      StressSupport.closeQuietly(threads);
    }
  }

  // ---- shutdown ----

  @Test
  void submitAfterShutdownIsRejectedAndEarlierTasksStillComplete() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    gate = new CountDownLatch(1);
    gateReached = new CountDownLatch(2);
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      futures.add(pool.submit(GATED, i));
    }
    TaskFuture<Integer> parent = pool.submit(GATED_PARENT, 41);
    StressSupport.await(gateReached, "both pool threads blocked at the gate");
    pool.shutdown();
    assertTrue(pool.isShutdown());
    assertFalse(pool.isTerminated(), "queued tasks are still to run");

    PoolShutdownException rejected = assertThrowsWith(PoolShutdownException.class,
        () -> pool.submit(ECHO, 1), "'BadInputTest.echo'", "shut down", "accepts no new tasks",
        "still run", "create a new ThreadPool");
    assertInstanceOf(IllegalStateException.class, rejected);
    assertThrowsWith(PoolShutdownException.class, () -> pool.execute(COUNTED), "shut down");

    gate.countDown();
    for (int i = 0; i < futures.size(); i++) {
      assertEquals(i, joinWithin(futures.get(i)), "task submitted before shutdown()");
    }
    assertEquals(42, joinWithin(parent), "a task forking after shutdown()");
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    assertTrue(pool.isTerminated());
    StressSupport.closeQuietly(threads);
  }

  @Test
  void shutdownNowCancelsQueuedTasksAndCountsThem() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    countedRuns.set(0);
    gate = new CountDownLatch(1);
    blockersStarted = new CountDownLatch(2);
    blockersSpawned = new CountDownLatch(2);
    int inRings = 10;
    TaskFuture<Integer> blockerA = pool.submit(BLOCKER, inRings);
    TaskFuture<Integer> blockerB = pool.submit(BLOCKER, inRings);
    StressSupport.await(blockersSpawned, "both blockers running with children in their rings");
    // Both pool threads are blocked in user code: nothing below can start.
    int queuedWithFutures = 400;
    int queuedDetached = 100;
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < queuedWithFutures; i++) {
      futures.add(pool.submit(COUNTED));
      if (i < queuedDetached) {
        pool.execute(COUNTED);
      }
    }
    int cancelled = pool.shutdownNow();
    assertEquals(queuedWithFutures + queuedDetached + 2 * inRings, cancelled,
        "tasks queued in the shared queue and in both rings");
    assertThrowsWith(PoolShutdownException.class, () -> pool.submit(ECHO, 1), "shut down",
        "cancelled");

    gate.countDown();
    assertEquals(1, joinWithin(blockerA), "a running task finishes");
    assertEquals(1, joinWithin(blockerB), "a running task finishes");
    for (TaskFuture<Integer> future : futures) {
      StressSupport.within("join of a cancelled task", () -> {
        CancellationException e = assertThrows(CancellationException.class, future::join);
        assertMessageContains(e, "'BadInputTest.counted'", "cancelled", "shutdownNow()");
      });
      assertTrue(future.isDone());
      assertTrue(future.isCancelled());
      assertTrue(future.isCompletedExceptionally());
    }
    assertEquals(0, countedRuns.get(), "no cancelled task ran");
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    StressSupport.closeQuietly(threads);
  }

  @Test
  void shutdownNowDuringForkJoinLosesNothing() throws Exception {
    JvmThreads threads = JvmThreads.start(3);
    ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults(), threads.workerIds());
    countedRuns.set(0);
    int depth = 5; // 32 leaves per root
    List<TaskFuture<Integer>> roots = new CopyOnWriteArrayList<>();
    CountDownLatch someRan = new CountDownLatch(1);
    CyclicBarrier start = new CyclicBarrier(2);
    int[] cancelledByCall = new int[1];
    Thread stopper = new Thread(() -> {
      try {
        start.await();
        while (countedRuns.get() < 5000) {
          Thread.onSpinWait(); // stop in the middle of the run, not at a fixed time
        }
        cancelledByCall[0] = pool.shutdownNow();
        someRan.countDown();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, "stopper");
    stopper.setDaemon(true);
    stopper.start();
    start.await();
    int rejected = 0;
    for (int i = 0; i < 5000; i++) {
      try {
        roots.add(pool.submit(NEST, depth));
      } catch (PoolShutdownException e) {
        rejected++;
        break;
      }
    }
    StressSupport.join(stopper, "the shutdownNow() caller");
    StressSupport.await(someRan, "shutdownNow()");
    int completed = 0;
    int cancelled = 0;
    int failedByCancelledChild = 0;
    for (TaskFuture<Integer> root : roots) {
      Object[] outcome = new Object[1];
      StressSupport.within("join of a root after shutdownNow()", () -> {
        try {
          outcome[0] = root.join();
        } catch (CancellationException | TaskFailedException e) {
          outcome[0] = e;
        }
      });
      if (outcome[0] instanceof Integer) {
        assertEquals(1 << depth, outcome[0], "a root that completed has all its leaves");
        completed++;
      } else if (outcome[0] instanceof CancellationException) {
        cancelled++;
      } else {
        TaskFailedException e = (TaskFailedException) outcome[0];
        assertEquals(CancellationException.class.getName(), e.remoteClassName(),
            () -> "a root may only fail because a child of it was cancelled: " + e.getMessage());
        failedByCancelledChild++;
      }
    }
    assertEquals(roots.size(), completed + cancelled + failedByCancelledChild);
    assertTrue(completed > 0, "some roots completed before shutdownNow()");
    assertTrue(cancelledByCall[0] >= 0);
    assertTrue(rejected <= 1);
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS),
        "the pool terminates after shutdownNow()");
    StressSupport.closeQuietly(threads);
  }

  // ---- arguments and results ----

  @Test
  void unsupportedArgumentTypeIsRejectedAtSubmit() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), 1);
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(ECHO, new HashMap<>()),
        "task 'BadInputTest.echo' argument 0", "java.util.HashMap", "cannot be carried",
        "Integer", "String", "int[]", "SharedIntArray");
    assertThrowsWith(IllegalArgumentException.class,
        () -> pool.execute(READS_TWO_INTS, 1, new Object()), "argument 1", "java.lang.Object",
        "SharedIntArray");
    assertThrowsWith(IllegalArgumentException.class,
        () -> pool.submit(ECHO, 1, List.of(2)), "argument 1", "List");
    // Nothing was queued, and the pool works on.
    assertEquals(3, joinWithin(pool.submit(READS_TWO_INTS, 1, 2)));
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void unsupportedResultTypeFailsTheTask() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), 1);
    TaskFailedException e = failureOf(pool.submit(RETURNS_MAP));
    assertEquals(IllegalArgumentException.class.getName(), e.remoteClassName());
    assertMessageContains(e, "task 'BadInputTest.returnsMap'", "returned a value",
        "cannot be carried", "SharedIntArray");
    // The type is the problem: the message must name it, as the argument check does.
    assertTrue(e.remoteMessage().contains("java.util.HashMap"),
        () -> "the error does not say which type was returned: " + e.remoteMessage());
    assertEquals(4, joinWithin(pool.submit(ECHO, 4)));
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void taskExceptionArrivesWithClassNameAndMessage() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, small(), threads.workerIds());
    TaskFuture<Integer> future = pool.submit(THROWS, "boom 42");
    TaskFailedException e = failureOf(future);
    assertEquals("java.lang.IllegalStateException", e.remoteClassName());
    assertEquals("boom 42", e.remoteMessage());
    assertMessageContains(e, "task 'BadInputTest.throws'", "java.lang.IllegalStateException",
        "boom 42");
    assertTrue(future.isCompletedExceptionally());
    assertFalse(future.isCancelled());
    // get() reports the same failure as the cause of an ExecutionException.
    ExecutionException wrapped = assertThrows(ExecutionException.class, future::get);
    TaskFailedException cause = assertInstanceOf(TaskFailedException.class, wrapped.getCause());
    assertEquals("boom 42", cause.remoteMessage());

    // A long message travels through the arena, unchanged up to 2,000 characters.
    String longMessage = "x".repeat(1996) + " end";
    assertEquals(longMessage, failureOf(pool.submit(THROWS, longMessage)).remoteMessage());
    // A longer one is cut there, saying how much was left out.
    assertEquals("x".repeat(2000) + "... (1004 more characters)",
        failureOf(pool.submit(THROWS, "x".repeat(3000) + " end")).remoteMessage());

    TaskFailedException bare = failureOf(pool.submit(THROWS_WITHOUT_MESSAGE));
    assertEquals("java.lang.UnsupportedOperationException", bare.remoteClassName());
    assertNull(bare.remoteMessage());
    assertEquals("task 'BadInputTest.throwsWithoutMessage' failed with "
        + "java.lang.UnsupportedOperationException", bare.getMessage());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void readingAnArgumentAsTheWrongTypeNamesPositionAndTypes() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), 1);
    TaskFailedException first = failureOf(pool.submit(READS_STRING, 7));
    assertEquals(IllegalArgumentException.class.getName(), first.remoteClassName());
    assertMessageContains(first, "task 'BadInputTest.readsString' argument 0", "int",
        "read as String");

    TaskFailedException second = failureOf(pool.submit(READS_TWO_INTS, 7, "seven"));
    assertMessageContains(second, "argument 1", "is a String", "read as int");

    TaskFailedException missing = failureOf(pool.submit(READS_TWO_INTS, 7));
    assertMessageContains(missing, "argument 1 was read", "only 1 were passed");
    StressSupport.shutdownAndClose(pool, threads);
  }

  // ---- unknown task kinds ----

  @Test
  void unknownTaskKindMessage() {
    // On the JVM every thread shares one registry, so a kind that one thread knows and another does
    // not cannot arise through the API; the message is checked on the exception itself ...
    UnknownTaskKindException e = new UnknownTaskKindException(0xCAFE, 3);
    assertMessageContains(e, "unknown task kind id cafe", "on thread 3",
        "register every TaskKind", "before submitting tasks of that kind");
  }

  @Test
  void unknownTaskKindFailsTheTask() {
    // ... and end to end by overwriting a queued task's kind word in shared memory (as a worker whose
    // copy of the program lacks a kind would see it), through the pool's public layout.
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), 1);
    gate = new CountDownLatch(1);
    gateReached = new CountDownLatch(1);
    TaskFuture<Integer> blocker = pool.submit(GATED, 5);
    StressSupport.await(gateReached, "the only pool thread blocked at the gate");
    TaskFuture<Integer> victim = pool.submit(VICTIM);

    SharedWords words = pool.words();
    PoolLayout layout = PoolLayout.read(words, pool.base());
    int victimSlot = -1;
    for (int slot = 1; slot <= layout.slotCount; slot++) {
      int at = layout.slotsBase + slot * TaskSlots.SLOT_WORDS;
      if (words.load(at + TaskSlots.KIND) == VICTIM.id()
          && (words.load(at + TaskSlots.STATE) & TaskSlots.OUTCOME_MASK) == TaskSlots.PENDING) {
        assertEquals(-1, victimSlot, "one queued victim");
        victimSlot = slot;
      }
    }
    assertTrue(victimSlot > 0, "found the queued task's slot");
    int bogus = 0x0BADC0DE;
    words.store(layout.slotsBase + victimSlot * TaskSlots.SLOT_WORDS + TaskSlots.KIND, bogus);
    gate.countDown();

    assertEquals(5, joinWithin(blocker));
    TaskFailedException e = failureOf(victim);
    assertEquals(UnknownTaskKindException.class.getName(), e.remoteClassName());
    assertMessageContains(e, "unknown task kind id badc0de", "on thread 1",
        "register every TaskKind");
    assertEquals(6, joinWithin(pool.submit(ECHO, 6)), "the pool works on");
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void duplicateTaskKindNameIsRejected() {
    assertEquals("BadInputTest.duplicate", DUPLICATE.name());
    assertThrowsWith(IllegalStateException.class,
        () -> TaskKind.register("BadInputTest.duplicate", (args, pool) -> 2),
        "task kind 'BadInputTest.duplicate' is registered twice", "register each kind once");
    assertThrowsWith(IllegalArgumentException.class, () -> TaskKind.register("", (args, pool) -> 1),
        "non-empty name");
    assertThrowsWith(IllegalArgumentException.class,
        () -> TaskKind.register("BadInputTest.noBody", null), "needs a body");
  }

  // ---- the arena ----

  @Test
  void fullArenaIsReportedAndThePoolWorksOn() {
    JvmThreads threads = JvmThreads.start(1);
    // 64 words: 34 usable after the arena's header, so 31 payload words at most.
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(64), 1);
    assertThrowsWith(ArenaFullException.class, () -> pool.newSharedIntArray(1000),
        "shared arena full", "cannot allocate 1000 words", "Raise PoolConfig.arenaWords",
        "free shared arrays");
    // Too large an argument: nothing is queued and the slot goes back. Far more attempts than
    // slots, so a slot leaked per failure would show.
    for (int i = 0; i < 50; i++) {
      assertThrowsWith(ArenaFullException.class, () -> pool.submit(SUM_ARRAY, new int[100]),
          "Raise PoolConfig.arenaWords");
    }
    assertEquals(0, pool.arenaWordsInUse(), "failed submits left nothing in the arena");
    // An array that fits, with an argument block in the arena, repeatedly: the space is reused.
    for (int i = 0; i < 20; i++) {
      assertEquals(45, joinWithin(pool.submit(SUM_ARRAY, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})));
    }
    assertEquals(11, joinWithin(pool.submit(ECHO, 11)));
    StressSupport.shutdownAndClose(pool, threads);

    // Filling an arena with a shared array, then freeing it. (A fresh pool: the arena never splits
    // or merges blocks, so a 64-word arena that once held a 16-word block has no room for 32.)
    JvmThreads threads2 = JvmThreads.start(1);
    ThreadPool pool2 = ThreadPool.create(threads2,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(64), 1);
    SharedIntArray array = pool2.newSharedIntArray(20);
    assertThrowsWith(ArenaFullException.class, () -> pool2.newSharedIntArray(3), "arena full",
        "32 are in use");
    array.free();
    SharedIntArray again = pool2.newSharedIntArray(20);
    again.set(19, 5);
    assertEquals(5, again.get(19));
    again.free();
    assertEquals(0, pool2.arenaWordsInUse());
    assertEquals(12, joinWithin(pool2.submit(ECHO, 12)));
    StressSupport.shutdownAndClose(pool2, threads2);
  }

  /** Results travel through the arena where threads have heaps of their own (the browser). */
  @Test
  void resultTooLargeForTheArenaFailsTheTaskWithTheArenaError() {
    JvmThreads threads = JvmThreads.startEmulatingSeparateHeaps(1);
    // About 990 usable words: a 600-int result does not fit, the error text does.
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(64).withArenaWords(1024), 1);
    TaskFailedException e = failureOf(pool.submit(RETURNS_ARRAY, 600));
    assertEquals(ArenaFullException.class.getName(), e.remoteClassName());
    assertMessageContains(e, "Raise PoolConfig.arenaWords");
    assertEquals(0, pool.arenaWordsInUse(), "nothing left behind in the arena");
    assertEquals(100, joinWithin(pool.submit(RETURNS_ARRAY, 100)).length);
    StressSupport.shutdownAndClose(pool, threads);
  }

  // ---- task slots ----

  @Test
  void moreJoinedTasksThanSlotsFromOutsideAllComplete() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(1 << 12), threads.workerIds());
    // The submitter holds every future; when the 8 slots are taken it waits for its oldest task.
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      futures.add(pool.submit(ECHO, i));
    }
    for (int i = 0; i < futures.size(); i++) {
      assertEquals(i, joinWithin(futures.get(i)));
    }
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void moreFireAndForgetTasksThanSlotsFromOutsideAllComplete() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(1 << 12), threads.workerIds());
    countedRuns.set(0);
    int tasks = 2000;
    StressSupport.within("2000 execute() calls on 8 slots", () -> {
      for (int i = 0; i < tasks; i++) {
        pool.execute(COUNTED);
      }
    });
    pool.shutdown();
    assertTrue(pool.awaitTermination(StressSupport.HANG_SECONDS, TimeUnit.SECONDS));
    assertEquals(tasks, countedRuns.get());
    StressSupport.closeQuietly(threads);
  }

  @Test
  void twoOutsideThreadsShareFewSlots() throws Exception {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(1 << 12), threads.workerIds());
    CyclicBarrier start = new CyclicBarrier(2);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Runnable submitter = () -> {
      try {
        start.await();
        for (int i = 0; i < 1000; i++) {
          TaskFuture<Integer> future = pool.submit(ECHO, i);
          if (future.join() != i) {
            throw new AssertionError("wrong value");
          }
        }
      } catch (Throwable t) {
        failures.add(t);
      }
    };
    Thread a = new Thread(submitter, "outside-a");
    Thread b = new Thread(submitter, "outside-b");
    a.setDaemon(true);
    b.setDaemon(true);
    a.start();
    b.start();
    StressSupport.join(a, "outside submitter a");
    StressSupport.join(b, "outside submitter b");
    assertTrue(failures.isEmpty(), () -> "submitters failed: " + failures);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void shortLivedOutsideThreadsDoNotLeakSlots() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(128).withArenaWords(1 << 12), 1);
    // Each thread submits and joins one task, then ends. More threads than slots / 64.
    for (int i = 0; i < 10; i++) {
      int value = i;
      StressSupport.within("outside thread " + i, () -> assertEquals(value,
          pool.submit(ECHO, value).join()));
    }
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void poolThreadForkingWithFreeSlotsLeftSucceeds() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(8).withArenaWords(1 << 12), 1);
    // One task holds one of 8 slots; its child needs a second one, and 7 are free.
    assertEquals(3, joinWithin(pool.submit(SPAWNS_CHILD, 3)));
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void slotsReallyExhaustedOnAPoolThreadIsReported() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(1).withArenaWords(1 << 12), 1);
    // The task holds the only slot. A fork it joins needs none (a private fork, run when joined)...
    assertEquals(3, joinWithin(pool.submit(SPAWNS_CHILD, 3)));
    // ...but a fire-and-forget child does, and a pool thread never blocks for a slot: it fails.
    TaskFailedException e = failureOf(pool.submit(EXECUTES_CHILD, 3));
    assertEquals(SlotsExhaustedException.class.getName(), e.remoteClassName());
    assertMessageContains(e, "cannot submit task 'BadInputTest.echo'", "all 1 task slots",
        "join futures you hold", "execute()", "raise PoolConfig.slotCount", "WebFutures.whenSlotFree");
    assertEquals(4, joinWithin(pool.submit(ECHO, 4)), "the pool works on");
    StressSupport.shutdownAndClose(pool, threads);
  }

  // ---- the JVM futex ----

  @Test
  void futexReturnsNotEqualWhenTheWordDiffers() {
    JvmSharedWords words = new JvmSharedWords(128);
    words.store(5, 1);
    assertEquals(SharedWords.NOT_EQUAL, words.waitWhileEqual(5, 2, -1));
    assertEquals(SharedWords.NOT_EQUAL, words.waitWhileEqual(5, 0, 1_000_000));
  }

  @Test
  void futexTimesOut() {
    JvmSharedWords words = new JvmSharedWords(128);
    words.store(5, 1);
    assertEquals(SharedWords.TIMED_OUT, words.waitWhileEqual(5, 1, 1_000));
    assertEquals(SharedWords.TIMED_OUT, words.waitWhileEqual(5, 1, 0));
    assertEquals(0, words.notify(5, Integer.MAX_VALUE), "a timed-out waiter is no longer queued");
  }

  @Test
  void futexWakesOnNotifyOfItsIndexOnly() throws Exception {
    JvmSharedWords words = new JvmSharedWords(128);
    words.store(5, 1);
    int[] result = {-1};
    Thread waiter = new Thread(() -> result[0] = words.waitWhileEqual(5, 1, -1), "futex-waiter");
    waiter.setDaemon(true);
    waiter.start();
    // WAITING means it is inside the futex wait (the only waiting call it makes).
    while (waiter.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertEquals(0, words.notify(5 + 64, Integer.MAX_VALUE), "same bucket, other index");
    assertTrue(waiter.isAlive());
    assertEquals(1, words.notify(5, Integer.MAX_VALUE));
    StressSupport.join(waiter, "the futex waiter");
    assertEquals(SharedWords.WOKEN, result[0]);

    // With a timeout too, and two waiters woken one at a time.
    int[] results = {-1, -1};
    Thread[] waiters = new Thread[2];
    for (int k = 0; k < 2; k++) {
      int slot = k;
      waiters[k] = new Thread(() -> results[slot] = words.waitWhileEqual(5, 1, TimeUnit.MINUTES
          .toNanos(10)), "futex-waiter-" + k);
      waiters[k].setDaemon(true);
      waiters[k].start();
    }
    for (Thread w : waiters) {
      while (w.getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
    }
    assertEquals(1, words.notify(5, 1));
    assertEquals(1, words.notify(5, 1));
    assertEquals(0, words.notify(5, 1));
    for (Thread w : waiters) {
      StressSupport.join(w, "a futex waiter");
    }
    assertEquals(SharedWords.WOKEN, results[0]);
    assertEquals(SharedWords.WOKEN, results[1]);
  }

  @Test
  void futexNeverMissesAStoreFollowedByNotify() {
    JvmSharedWords words = new JvmSharedWords(128);
    int rounds = 20_000;
    Thread waiter = new Thread(() -> {
      for (int i = 0; i < rounds; i++) {
        while (words.load(0) == i) {
          words.waitWhileEqual(0, i, -1);
        }
        words.store(64, i + 1); // ack (another bucket index would do too)
        words.notify(64, 1);
      }
    }, "futex-ping");
    waiter.setDaemon(true);
    waiter.start();
    for (int i = 0; i < rounds; i++) {
      words.store(0, i + 1);
      words.notify(0, 1);
      while (words.load(64) == i) {
        words.waitWhileEqual(64, i, -1);
      }
    }
    StressSupport.join(waiter, "the ping-pong partner");
    assertEquals(rounds, words.load(64));
  }
}
