package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.webthreads.Platform;
import org.webthreads.PoolConfig;
import org.webthreads.PoolControl;
import org.webthreads.PoolConfig.QueueKind;
import org.webthreads.TaskFuture;
import org.webthreads.TaskInput;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.memory.SharedRegion;
import org.webthreads.memory.ForwardingSharedWords;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.LockFreeSharedQueue;
import org.webthreads.scheduler.PoolLayout;

/**
 * Every task runs exactly once, on real threads, under load: millions of tasks from outside the pool,
 * random spawn trees mixing joined and fire-and-forget children, ring overflow with stealing, JS tasks
 * interrupting the loops, both shared-queue kinds, and nested fork/join on a pool whose every thread
 * joins.
 *
 * <p>Each task marks its own counter (one per task id) and adds a mixed hash of its id to a checksum;
 * a lost task leaves a counter at 0, a doubled one a counter at 2, and the checksum catches both even if
 * they cancel out in a plain count. Waits go through latches counted down by the tasks, with a hang
 * detector ({@link StressSupport}) instead of sleeps; nothing here asserts on timing.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExactlyOnceStressTest {

  // ---- what the tasks report to ----

  /** The books of one test case; the task bodies find it through {@link #tracker}. */
  static final class Tracker {
    final AtomicIntegerArray counts;
    final AtomicLong checksum = new AtomicLong();
    final CountDownLatch done;
    final boolean recordThreads;
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    final AtomicInteger errorCount = new AtomicInteger();
    /** Thread name of the task that spawned the children of a ring-overflow round. */
    volatile String spawner;
    /** Counted down when a child runs on a thread other than {@link #spawner}. */
    final CountDownLatch otherThreadRan = new CountDownLatch(1);

    Tracker(int ids, int tasks, boolean recordThreads) {
      this.counts = new AtomicIntegerArray(ids);
      this.done = new CountDownLatch(tasks);
      this.recordThreads = recordThreads;
    }

    void ran(int id) {
      int before = counts.getAndIncrement(id);
      if (before != 0) {
        error("task " + id + " ran " + (before + 1) + " times");
      }
      checksum.addAndGet(StressSupport.mix(id));
      if (recordThreads) {
        String name = Thread.currentThread().getName();
        threads.add(name);
        String spawnedBy = spawner;
        if (spawnedBy != null && !spawnedBy.equals(name)) {
          otherThreadRan.countDown();
        }
      }
    }

    void error(String message) {
      if (errorCount.incrementAndGet() <= 20) {
        errors.add(message + " (on " + Thread.currentThread().getName() + ")");
      }
    }

    /** Every id in [from, to) ran exactly once, the checksum matches, and no task reported an error. */
    void verify(int from, int to) {
      assertTrue(errors.isEmpty(), () -> errorCount.get() + " task errors, first ones: " + errors);
      StringBuilder wrong = new StringBuilder();
      int wrongCount = 0;
      long expected = 0;
      for (int id = from; id < to; id++) {
        expected += StressSupport.mix(id);
        int count = counts.get(id);
        if (count != 1) {
          if (++wrongCount <= 20) {
            wrong.append(" id ").append(id).append(" ran ").append(count).append("x;");
          }
        }
      }
      int bad = wrongCount;
      assertEquals(0, bad, () -> bad + " tasks did not run exactly once:" + wrong);
      assertEquals(expected, checksum.get(), "checksum of the ids that ran");
    }
  }

  static volatile Tracker tracker;

  // ---- task kinds ----

  static int leafValue(int id) {
    return id ^ 0x5BD1E995;
  }

  /** A leaf: marks its id and returns a value derived from it. */
  static final TaskKind<Integer> LEAF = TaskKind.register("ExactlyOnceStressTest.leaf", (args, pool) -> {
    int id = args.readInt();
    Tracker t = tracker;
    t.ran(id);
    t.done.countDown();
    return leafValue(id);
  });

  static final TaskKind<Long> TREE = TaskKind.register("ExactlyOnceStressTest.tree",
      (args, pool) -> treeNode(args, pool, false));

  /** A tree node whose arguments carry a payload too large for the slot, so they live in the arena. */
  static final TaskKind<Long> TREE_BIG = TaskKind.register("ExactlyOnceStressTest.treeBig",
      (args, pool) -> treeNode(args, pool, true));

  /** Spawns children into its own ring, then blocks without helping: only thieves can run them. */
  static final TaskKind<Integer> STEAL_SPAWNER = TaskKind.register(
      "ExactlyOnceStressTest.stealSpawner", (args, pool) -> {
        int first = args.readInt();
        int count = args.readInt();
        Tracker t = tracker;
        t.spawner = Thread.currentThread().getName();
        for (int i = 0; i < count; i++) {
          pool.execute(LEAF, first + i);
        }
        StressSupport.await(t.done, "children that only other threads can run (by stealing)");
        return count;
      });

  /**
   * Spawns many children fast (half joined, half fire-and-forget) so that its small ring overflows into
   * the shared queue, waits without helping until another thread ran one, then joins (helping).
   */
  static final TaskKind<Integer> OVERFLOW_SPAWNER = TaskKind.register(
      "ExactlyOnceStressTest.overflowSpawner", (args, pool) -> {
        int first = args.readInt();
        int count = args.readInt();
        Tracker t = tracker;
        t.spawner = Thread.currentThread().getName();
        List<TaskFuture<Integer>> futures = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          int id = first + i;
          if ((i & 1) == 0) {
            futures.add(pool.submit(LEAF, id));
            ids.add(id);
          } else {
            pool.execute(LEAF, id);
          }
        }
        StressSupport.await(t.otherThreadRan, "a child of the overflowing ring on another thread");
        for (int i = 0; i < futures.size(); i++) {
          int value = futures.get(i).join();
          if (value != leafValue(ids.get(i))) {
            t.error("child " + ids.get(i) + " returned " + value);
          }
        }
        return futures.size();
      });

  /** fib with both calls forked and joined at every level; the join order alternates with n. */
  static final TaskKind<Long> FIB = TaskKind.register("ExactlyOnceStressTest.fib", (args, pool) -> {
    int n = args.readInt();
    if (n < 2) {
      return (long) n;
    }
    TaskFuture<Long> a = pool.submit(ExactlyOnceStressTest.FIB, n - 1);
    TaskFuture<Long> b = pool.submit(ExactlyOnceStressTest.FIB, n - 2);
    if ((n & 1) == 0) {
      long x = a.join(); // the older fork first: it sits under b in the ring
      return x + b.join();
    }
    long y = b.join();
    return a.join() + y;
  });

  static long fib(int n) {
    long a = 0;
    long b = 1;
    for (int i = 0; i < n; i++) {
      long c = a + b;
      a = b;
      b = c;
    }
    return a;
  }

  // ---- random spawn trees ----

  static final int MAX_FANOUT = 6;
  static final int DETACHED = 1;
  static final int BIG = 2;

  /**
   * The children of the node that owns ids [lo, hi) (its own id is lo), grown from {@code seed}: the ids
   * [lo + 1, hi) are split among 1..MAX_FANOUT children, so every id of the range is exactly one node.
   * Fills the arrays ({@code starts} gets count + 1 entries) and returns the child count.
   */
  static int plan(long seed, int lo, int hi, long[] seeds, int[] starts, int[] modes) {
    int at = lo + 1;
    int left = hi - at;
    if (left <= 0) {
      return 0;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int count = 1 + random.nextInt(Math.min(MAX_FANOUT, left));
    for (int c = 0; c < count; c++) {
      int childrenLeft = count - c;
      left = hi - at;
      int size;
      if (childrenLeft == 1) {
        size = left;
      } else {
        int max = Math.min(2 * (left / childrenLeft) - 1, left - (childrenLeft - 1));
        size = 1 + random.nextInt(Math.max(1, max));
      }
      seeds[c] = random.nextLong();
      starts[c] = at;
      modes[c] = (random.nextInt(4) == 0 ? DETACHED : 0) | (random.nextInt(32) == 0 ? BIG : 0);
      at += size;
    }
    starts[count] = hi;
    return count;
  }

  static int[] payloadFor(long seed) {
    int[] payload = new int[8 + (int) (seed & 7)];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (int) StressSupport.mix(seed + i);
    }
    return payload;
  }

  /** Marks the node, forks its children (joined or detached), joins in a seed-chosen order. */
  @SuppressWarnings("unchecked")
  static long treeNode(TaskInput args, ThreadPool pool, boolean big) {
    long seed = args.readLong();
    int lo = args.readInt();
    int hi = args.readInt();
    Tracker t = tracker;
    if (big) {
      int[] payload = args.readIntArray();
      if (!Arrays.equals(payload, payloadFor(seed))) {
        t.error("arena payload of node " + lo + " arrived corrupted");
      }
    }
    t.ran(lo);
    long[] seeds = new long[MAX_FANOUT];
    int[] starts = new int[MAX_FANOUT + 1];
    int[] modes = new int[MAX_FANOUT];
    int count = plan(seed, lo, hi, seeds, starts, modes);
    TaskFuture<Long>[] futures = new TaskFuture[count];
    for (int c = 0; c < count; c++) {
      boolean childBig = (modes[c] & BIG) != 0;
      Object[] childArgs = childBig
          ? new Object[] {seeds[c], starts[c], starts[c + 1], payloadFor(seeds[c])}
          : new Object[] {seeds[c], starts[c], starts[c + 1]};
      TaskKind<Long> kind = childBig ? TREE_BIG : TREE;
      if ((modes[c] & DETACHED) != 0) {
        pool.execute(kind, childArgs);
      } else {
        futures[c] = pool.submit(kind, childArgs);
      }
    }
    long joined = 1;
    boolean newestFirst = (seed & 1) == 0;
    for (int i = 0; i < count; i++) {
      int c = newestFirst ? count - 1 - i : i;
      if (futures[c] != null) {
        joined += futures[c].join();
      }
    }
    t.done.countDown();
    return joined;
  }

  /** What the root of a tree returns: the number of nodes reachable from it through joined edges. */
  static long expectedJoined(long seed, int lo, int hi) {
    ArrayDeque<long[]> stack = new ArrayDeque<>();
    stack.push(new long[] {seed, lo, hi});
    long[] seeds = new long[MAX_FANOUT];
    int[] starts = new int[MAX_FANOUT + 1];
    int[] modes = new int[MAX_FANOUT];
    long reached = 0;
    while (!stack.isEmpty()) {
      long[] node = stack.pop();
      reached++;
      int count = plan(node[0], (int) node[1], (int) node[2], seeds, starts, modes);
      for (int c = 0; c < count; c++) {
        if ((modes[c] & DETACHED) == 0) {
          stack.push(new long[] {seeds[c], starts[c], starts[c + 1]});
        }
      }
    }
    return reached;
  }

  // ---- helpers ----

  static ThreadPool newPool(JvmThreads threads, PoolConfig config) {
    return ThreadPool.create(threads, config, threads.workerIds());
  }

  /** Runs {@code body} on a new thread after all parties reach the barrier; records what it threw. */
  static Thread startSubmitter(String name, CyclicBarrier barrier, List<Throwable> failures,
      StressSupport.ThrowingRunnable body) {
    Thread thread = new Thread(() -> {
      try {
        barrier.await();
        body.run();
      } catch (Throwable t) {
        failures.add(t);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  static void assertNoFailures(List<Throwable> failures) {
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError(failures.size() + " submitter thread(s) failed");
      failures.forEach(error::addSuppressed);
      throw error;
    }
  }

  // ---- (a) a million tasks from outside the pool ----

  static Stream<Arguments> queuesAndHeaps() {
    return Stream.of(
        Arguments.of(QueueKind.LOCK_FREE, Heaps.SHARED),
        Arguments.of(QueueKind.LOCKED, Heaps.SHARED),
        Arguments.of(QueueKind.LOCK_FREE, Heaps.SEPARATE),
        Arguments.of(QueueKind.LOCKED, Heaps.SEPARATE));
  }

  @ParameterizedTest(name = "{0} queue, {1} heaps")
  @MethodSource("queuesAndHeaps")
  void millionTasksFromTheTestThread(QueueKind queueKind, Heaps heaps) {
    int n = 1_200_000;
    JvmThreads threads = heaps.start(3);
    ThreadPool pool = newPool(threads, PoolConfig.defaults().withQueue(queueKind));
    Tracker t = new Tracker(n, n, false);
    tracker = t;
    // Every fourth task keeps a future (joined at the end); the rest are fire-and-forget.
    List<TaskFuture<Integer>> futures = new ArrayList<>(n / 4 + 1);
    for (int id = 0; id < n; id++) {
      if ((id & 3) == 0) {
        futures.add(pool.submit(LEAF, id));
      } else {
        pool.execute(LEAF, id);
      }
    }
    StressSupport.await(t.done, n + " tasks submitted from outside");
    for (int i = 0; i < futures.size(); i++) {
      assertEquals(leafValue(4 * i), futures.get(i).join(), "value of task " + 4 * i);
    }
    t.verify(0, n);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest(name = "{0} queue, {1} heaps")
  @MethodSource("queuesAndHeaps")
  void millionTasksFromThreeConcurrentOutsideThreads(QueueKind queueKind, Heaps heaps)
      throws Exception {
    int perThread = 400_000;
    int submitters = 3; // the test thread and two more
    int n = perThread * submitters;
    JvmThreads threads = heaps.start(3);
    ThreadPool pool = newPool(threads, PoolConfig.defaults().withQueue(queueKind));
    Tracker t = new Tracker(n, n, false);
    tracker = t;
    CyclicBarrier start = new CyclicBarrier(submitters);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<List<TaskFuture<Integer>>> futures = new ArrayList<>();
    for (int s = 0; s < submitters; s++) {
      futures.add(new ArrayList<>());
    }
    List<Thread> others = new ArrayList<>();
    for (int s = 1; s < submitters; s++) {
      int from = s * perThread;
      List<TaskFuture<Integer>> mine = futures.get(s);
      others.add(startSubmitter("outside-submitter-" + s, start, failures,
          () -> submitRange(pool, from, from + perThread, mine)));
    }
    start.await();
    submitRange(pool, 0, perThread, futures.get(0));
    for (Thread other : others) {
      StressSupport.join(other, "an outside submitter");
    }
    assertNoFailures(failures);
    StressSupport.await(t.done, n + " tasks from three outside threads");
    for (int s = 0; s < submitters; s++) {
      List<TaskFuture<Integer>> list = futures.get(s);
      for (int i = 0; i < list.size(); i++) {
        int id = s * perThread + 8 * i;
        assertEquals(leafValue(id), list.get(i).join(), "value of task " + id);
      }
    }
    t.verify(0, n);
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** Every eighth task keeps a future, the others are fire-and-forget. */
  static void submitRange(ThreadPool pool, int from, int to, List<TaskFuture<Integer>> futures) {
    for (int id = from; id < to; id++) {
      if (((id - from) & 7) == 0) {
        futures.add(pool.submit(LEAF, id));
      } else {
        pool.execute(LEAF, id);
      }
    }
  }

  // ---- (b) random spawn trees ----

  static Stream<Arguments> treeConfigs() {
    return Stream.of(
        Arguments.of(QueueKind.LOCK_FREE, 256, 4, 1_000_000, true, Heaps.SHARED),
        Arguments.of(QueueKind.LOCKED, 256, 3, 1_000_000, true, Heaps.SHARED),
        Arguments.of(QueueKind.LOCK_FREE, 256, 3, 1_000_000, false, Heaps.SHARED),
        Arguments.of(QueueKind.LOCK_FREE, 256, 3, 1_000_000, true, Heaps.SEPARATE),
        Arguments.of(QueueKind.LOCKED, 256, 3, 1_000_000, false, Heaps.SEPARATE),
        // Tiny rings: (without private forks) most forks overflow into the shared queue and joins
        // help from it.
        Arguments.of(QueueKind.LOCK_FREE, 4, 3, 20_000, false, Heaps.SHARED),
        Arguments.of(QueueKind.LOCKED, 8, 4, 20_000, true, Heaps.SEPARATE));
  }

  static Stream<Arguments> tinyRingFullSizeConfigs() {
    return Stream.of(
        Arguments.of(QueueKind.LOCK_FREE, 4, 3, 300_000, false, Heaps.SHARED),
        Arguments.of(QueueKind.LOCKED, 8, 4, 300_000, true, Heaps.SEPARATE));
  }

  /**
   * The same trees at full size on tiny rings. A join helps by running the oldest task of the shared
   * queue, which is usually unrelated (near some root) and joins in turn, so without a bound the
   * nesting on one thread grew with the number of queued tasks instead of with the tree depth, until
   * threads died of StackOverflowError. Nesting is now bounded (ThreadPool.MAX_NESTED_TASKS).
   */
  @ParameterizedTest(name = "{0} queue, ring {1}, {2} threads, 2 trees of {3}, private forks {4}, {5} heaps")
  @MethodSource("tinyRingFullSizeConfigs")
  void randomSpawnTreesWithTinyRingsAtFullSize(QueueKind queueKind, int ringCapacity, int workers,
      int treeSize, boolean privateForks, Heaps heaps) throws Exception {
    randomSpawnTrees(queueKind, ringCapacity, workers, treeSize, privateForks, heaps);
  }

  @ParameterizedTest(name = "{0} queue, ring {1}, {2} threads, 2 trees of {3}, private forks {4}, {5} heaps")
  @MethodSource("treeConfigs")
  void randomSpawnTrees(QueueKind queueKind, int ringCapacity, int workers, int treeSize,
      boolean privateForks, Heaps heaps) throws Exception {
    int n = 2 * treeSize;
    JvmThreads threads = heaps.start(workers);
    ThreadPool pool = newPool(threads, PoolConfig.defaults().withQueue(queueKind)
        .withRingCapacity(ringCapacity).withPrivateForks(privateForks));
    Tracker t = new Tracker(n, n, false);
    tracker = t;
    long seed1 = 0x1234_5678_9ABCL ^ ringCapacity;
    long seed2 = 0x0FED_CBA9_8765L ^ workers;
    long expected1 = expectedJoined(seed1, 0, treeSize);
    long expected2 = expectedJoined(seed2, treeSize, n);
    CyclicBarrier start = new CyclicBarrier(2);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    long[] second = new long[1];
    Thread other = startSubmitter("outside-tree-root", start, failures, () -> {
      TaskFuture<Long> root = pool.submit(TREE, seed2, treeSize, n);
      second[0] = root.join();
    });
    start.await();
    TaskFuture<Long> root = pool.submit(TREE, seed1, 0, treeSize);
    StressSupport.await(t.done, "two random spawn trees of " + treeSize + " tasks");
    assertEquals(expected1, (long) root.join(), "nodes joined into the first root");
    StressSupport.join(other, "the second tree's submitter");
    assertNoFailures(failures);
    assertEquals(expected2, second[0], "nodes joined into the second root");
    t.verify(0, n);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void treePlanCoversEveryIdOnce() {
    // The test's own bookkeeping: the plan splits a range into disjoint children covering it.
    long[] seeds = new long[MAX_FANOUT];
    int[] starts = new int[MAX_FANOUT + 1];
    int[] modes = new int[MAX_FANOUT];
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 10_000; trial++) {
      int lo = random.nextInt(1000);
      int hi = lo + 1 + random.nextInt(50);
      int count = plan(random.nextLong(), lo, hi, seeds, starts, modes);
      if (hi - lo == 1) {
        assertEquals(0, count);
        continue;
      }
      assertTrue(count >= 1 && count <= MAX_FANOUT);
      assertEquals(lo + 1, starts[0]);
      assertEquals(hi, starts[count]);
      for (int c = 0; c < count; c++) {
        assertTrue(starts[c] < starts[c + 1], "every child owns at least its own id");
      }
    }
  }

  // ---- (c) ring overflow and stealing ----

  static Stream<Arguments> ringConfigs() {
    return Stream.of(
        Arguments.of(QueueKind.LOCK_FREE, 4, Heaps.SHARED),
        Arguments.of(QueueKind.LOCKED, 4, Heaps.SEPARATE),
        Arguments.of(QueueKind.LOCK_FREE, 8, Heaps.SEPARATE),
        Arguments.of(QueueKind.LOCKED, 8, Heaps.SHARED));
  }

  @ParameterizedTest(name = "{0} queue, ring {1}, {2} heaps")
  @MethodSource("ringConfigs")
  void ringOverflowAndStealing(QueueKind queueKind, int ringCapacity, Heaps heaps) {
    JvmThreads threads = heaps.start(3);
    ThreadPool pool = newPool(threads,
        PoolConfig.defaults().withQueue(queueKind).withRingCapacity(ringCapacity));
    Set<String> allThreads = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < 20; round++) {
      // Children that fit in the spawner's ring while it blocks without helping: only stealing can
      // run them, so this completes only if other threads steal.
      Tracker t = new Tracker(ringCapacity, ringCapacity, true);
      tracker = t;
      TaskFuture<Integer> spawner = pool.submit(STEAL_SPAWNER, 0, ringCapacity);
      StressSupport.await(t.done, "children in a blocked spawner's ring");
      assertEquals(ringCapacity, spawner.join());
      t.verify(0, ringCapacity);
      assertFalse(t.threads.contains(t.spawner),
          () -> "a child ran on its blocked spawner " + t.spawner + ": " + t.threads);
      allThreads.addAll(t.threads);
    }
    for (int round = 0; round < 6; round++) {
      // Thousands of children into a tiny ring: most move to the shared queue in half-ring batches.
      int count = 5000;
      Tracker t = new Tracker(count, count, true);
      tracker = t;
      TaskFuture<Integer> spawner = pool.submit(OVERFLOW_SPAWNER, 0, count);
      StressSupport.await(t.done, count + " children of an overflowing ring");
      assertEquals(count / 2, spawner.join());
      t.verify(0, count);
      // The spawner waited without helping until a child ran elsewhere, so at least two pool threads
      // ran tasks of this round: the spawner and that one (which may have run all the children).
      Set<String> ran = ConcurrentHashMap.newKeySet();
      ran.addAll(t.threads);
      ran.add(t.spawner);
      assertTrue(ran.size() > 1, () -> "tasks ran only on " + ran);
      allThreads.addAll(ran);
    }
    assertTrue(allThreads.size() > 1, () -> "tasks ran only on " + allThreads);
    StressSupport.shutdownAndClose(pool, threads);
  }

  // ---- (d) JS tasks interrupting the loops ----

  @ParameterizedTest(name = "{0} queue, {1} heaps")
  @MethodSource("queuesAndHeaps")
  void jsTasksInterleavedWithPureTasks(QueueKind queueKind, Heaps heaps) throws Exception {
    int workers = 3;
    int treeSize = 400_000;
    int posts = 20_000;
    int leafEvery = 8; // every eighth JS task submits a pure task itself
    int leaves = (posts + leafEvery - 1) / leafEvery;
    JvmThreads threads = heaps.start(workers);
    ThreadPool pool = newPool(threads, PoolConfig.defaults().withQueue(queueKind));
    Tracker t = new Tracker(treeSize + leaves, treeSize + leaves, false);
    tracker = t;
    AtomicIntegerArray jsRuns = new AtomicIntegerArray(posts);
    CountDownLatch jsDone = new CountDownLatch(posts);
    CountDownLatch quarterPosted = new CountDownLatch(posts / 4);
    Semaphore inFlight = new Semaphore(64); // paces the poster without sleeping
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Thread poster = new Thread(() -> {
      try {
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < posts; i++) {
          inFlight.acquire();
          int index = i;
          int target = 1 + random.nextInt(workers);
          threads.post(target, () -> {
            int before = jsRuns.getAndIncrement(index);
            if (before != 0) {
              t.error("JS task " + index + " ran " + (before + 1) + " times");
            }
            String name = Thread.currentThread().getName();
            if (!name.equals("webthreads-" + target)) {
              t.error("JS task " + index + " posted to thread " + target + " ran on " + name);
            }
            if (index % leafEvery == 0) {
              pool.execute(LEAF, treeSize + index / leafEvery);
            }
            inFlight.release();
            jsDone.countDown();
          });
          quarterPosted.countDown();
        }
      } catch (Throwable e) {
        failures.add(e);
      }
    }, "js-poster");
    poster.setDaemon(true);
    poster.start();
    StressSupport.await(quarterPosted, "the first quarter of the JS tasks posted");
    TaskFuture<Long> root = pool.submit(TREE, 42L, 0, treeSize);
    StressSupport.await(jsDone, posts + " JS tasks");
    StressSupport.join(poster, "the JS poster");
    assertNoFailures(failures);
    StressSupport.await(t.done, "pure tasks running between JS tasks");
    assertEquals(expectedJoined(42L, 0, treeSize), (long) root.join());
    for (int i = 0; i < posts; i++) {
      assertEquals(1, jsRuns.get(i), "runs of JS task " + i);
    }
    t.verify(0, treeSize + leaves);
    StressSupport.shutdownAndClose(pool, threads);
  }

  // ---- (f) nested fork/join on a full pool ----

  @ParameterizedTest
  @EnumSource(QueueKind.class)
  void nestedForkJoinOnAFullPoolDoesNotDeadlock(QueueKind queueKind) {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = newPool(threads, PoolConfig.defaults().withQueue(queueKind));
    // Several roots at once, so both threads are deep in joins of different trees.
    int[] ns = {27, 21, 24, 18, 23};
    List<TaskFuture<Long>> roots = new ArrayList<>();
    for (int n : ns) {
      roots.add(pool.submit(FIB, n));
    }
    StressSupport.within("fib joins on two threads", () -> {
      for (int i = 0; i < ns.length; i++) {
        assertEquals(fib(ns[i]), (long) roots.get(i).join(), "fib(" + ns[i] + ")");
      }
    });
    StressSupport.shutdownAndClose(pool, threads);

    JvmThreads one = JvmThreads.start(1);
    ThreadPool single = newPool(one, PoolConfig.defaults().withQueue(queueKind));
    TaskFuture<Long> root = single.submit(FIB, 22);
    StressSupport.within("fib joins on one thread", () -> assertEquals(fib(22), (long) root.join()));
    StressSupport.shutdownAndClose(single, one);
  }

  // ---- a joiner behind a producer that is between claiming and publishing a queue cell ----

  /** Shared words that can stall one thread's stores into a range and report one thread's load. */
  static final class HookedWords extends ForwardingSharedWords {
    volatile Thread stallThread;
    volatile int stallFrom;
    volatile int stallTo;
    final CountDownLatch stalled = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile Thread watchThread;
    volatile int watchIndex = -1;
    final CountDownLatch watched = new CountDownLatch(1);

    HookedWords(int length) {
      super(new JvmSharedWords(length));
    }

    @Override
    public int load(int index) {
      if (index == watchIndex && Thread.currentThread() == watchThread) {
        watchThread = null;
        watched.countDown();
      }
      return delegate.load(index);
    }

    @Override
    public void store(int index, int value) {
      stallIfWatched(index);
      delegate.store(index, value);
    }

    @Override
    public void storeRelease(int index, int value) {
      stallIfWatched(index);
      delegate.storeRelease(index, value);
    }

    /** The chosen thread's first store into the chosen range waits for {@link #release}. */
    private void stallIfWatched(int index) {
      if (Thread.currentThread() == stallThread && index >= stallFrom && index < stallTo) {
        stallThread = null;
        stalled.countDown();
        boolean interrupted = false;
        while (true) {
          try {
            release.await();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** The JVM platform's threads over {@link HookedWords}. */
  static final class HookedPlatform implements Platform {
    final JvmThreads threads;
    volatile HookedWords words;

    HookedPlatform(JvmThreads threads) {
      this.threads = threads;
    }

    @Override
    public int[] workerIds() {
      return threads.workerIds();
    }

    @Override
    public SharedRegion allocate(int count) {
      words = new HookedWords(count);
      return new SharedRegion(words, 0);
    }

    @Override
    public void startWorkers(PoolControl pool, int[] threadIds) {
      threads.startWorkers(pool, threadIds);
    }
  }

  static volatile HookedWords hooked;
  static volatile int hookedEnqueueIndex;

  static final TaskKind<Integer> DOUBLE = TaskKind.register("ExactlyOnceStressTest.double",
      (args, pool) -> 2 * args.readInt());

  /**
   * Waits until an outside producer has claimed a shared-queue cell (and stalls before publishing it),
   * forks more children than its ring holds, so that the oldest go to the shared queue behind that
   * cell, and joins the oldest.
   */
  static final TaskKind<Integer> FORK_BEHIND_STALLED_PRODUCER = TaskKind.register(
      "ExactlyOnceStressTest.forkBehindStalledProducer", (args, pool) -> {
        int children = args.readInt();
        HookedWords words = hooked;
        StressSupport.await(words.stalled, "the outside producer claiming a queue cell");
        List<TaskFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < children; i++) {
          futures.add(pool.submit(DOUBLE, i));
        }
        // Report when this thread next looks at the enqueue position: only a pop that found the head
        // cell claimed but unpublished does (the answer BUSY).
        words.watchIndex = hookedEnqueueIndex;
        words.watchThread = Thread.currentThread();
        int sum = 0;
        for (TaskFuture<Integer> future : futures) {
          sum += future.join(); // the first one sits in the shared queue behind the stalled cell
        }
        return sum;
      });

  /**
   * A pool thread joins a child that its own ring overflowed into the shared queue, behind a cell an
   * outside thread has claimed but not yet published. The pop answers BUSY, and the joiner must not go
   * to sleep on the child for good: the producer's wake-up after publishing only reaches parked
   * threads, never joiners.
   */
  @Test
  void joinerIsNotStrandedBehindAnOutsideProducerMidPush() {
    JvmThreads threads = JvmThreads.start(1);
    HookedPlatform platform = new HookedPlatform(threads);
    // Private forks off: the children must go through the ring and overflow into the shared queue.
    ThreadPool pool = ThreadPool.create(platform, PoolConfig.defaults().withQueue(QueueKind.LOCK_FREE)
        .withRingCapacity(4).withSlotCount(1024).withArenaWords(1 << 12).withPrivateForks(false), 1);
    HookedWords words = platform.words;
    hooked = words;
    PoolLayout layout = PoolLayout.read(PoolControl.of(pool).words(), PoolControl.of(pool).base());
    hookedEnqueueIndex = layout.queueBase;
    int children = 5; // ring of 4: the fifth push moves the two oldest and itself to the queue
    TaskFuture<Integer> parent = pool.submit(FORK_BEHIND_STALLED_PRODUCER, children);

    Thread producer = new Thread(() -> pool.execute(DOUBLE, 100), "outside-producer");
    producer.setDaemon(true);
    words.stallFrom = layout.queueBase;
    words.stallTo = layout.queueBase + LockFreeSharedQueue.wordsFor(layout.queueCapacity);
    words.stallThread = producer;
    producer.start();
    StressSupport.await(words.watched, "the joiner finding the queue head claimed but unpublished");
    words.release.countDown();
    StressSupport.join(producer, "the outside producer");

    CountDownLatch joined = new CountDownLatch(1);
    int[] sum = new int[1];
    Thread joiner = new Thread(() -> {
      sum[0] = parent.join();
      joined.countDown();
    }, "test-parent-join");
    joiner.setDaemon(true);
    joiner.start();
    boolean finished;
    try {
      finished = joined.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    String dump = finished ? "" : StressSupport.threadDump();
    if (!finished) {
      pool.shutdownNow(); // cancels the queued children, which wakes the stranded joiner
      StressSupport.closeQuietly(threads);
      fail("hang: the pool thread sleeps in join() on a child that sits in the shared queue; the "
          + "producer published the cell ahead of it after the joiner saw BUSY, and its wake-up went "
          + "to parked threads only\n" + dump);
    }
    assertEquals(2 * (0 + 1 + 2 + 3 + 4), sum[0]);
    StressSupport.shutdownAndClose(pool, threads);
  }
}
