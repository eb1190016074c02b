package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.PoolConfig;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Failures that fight back: an exception whose getMessage() throws, a fork/join chain deep enough to
 * overflow the stack, a message longer than the arena can hold. The class name always arrives, the
 * message stays bounded, and the worker lives on. Both ways of carrying an outcome are checked: into
 * the future object (one heap) and through the task slot (separate heaps, as in the browser).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileFailureTest {
  /** An exception whose getMessage() throws (as a buggy or hostile exception class may). */
  static final class PoisonedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage() is poisoned");
    }
  }

  static final TaskKind<Integer> THROWS_POISONED = TaskKind.register("HostileFailureTest.poisoned",
      (args, pool) -> {
        throw new PoisonedException();
      });

  static final AtomicInteger ran = new AtomicInteger();
  static final TaskKind<Integer> COUNTS = TaskKind.register("HostileFailureTest.counts", (args, pool) -> {
    ran.incrementAndGet();
    return 1;
  });

  /** Forks a poisoned child and joins it. */
  static final TaskKind<Integer> FORKS_POISONED = TaskKind.register("HostileFailureTest.forksPoisoned",
      (args, pool) -> pool.submit(THROWS_POISONED).join());

  /** A chain: each level forks the next and joins it; the last one throws. */
  static final TaskKind<Integer> CHAIN = TaskKind.register("HostileFailureTest.chain", (args, pool) -> {
    int left = args.readInt();
    if (left == 0) {
      throw new IllegalArgumentException("the bottom of the chain");
    }
    return pool.submit(HostileFailureTest.CHAIN, left - 1).join() + 1;
  });

  /** Throws with a message of the given length. */
  static final TaskKind<Integer> THROWS_LONG = TaskKind.register("HostileFailureTest.throwsLong",
      (args, pool) -> {
        throw new UnsupportedOperationException("y".repeat(args.readInt()));
      });

  private static TaskFailedException failureOf(TaskFuture<?> future) {
    TaskFailedException[] failure = new TaskFailedException[1];
    StressSupport.within("join of a failing task",
        () -> failure[0] = assertThrows(TaskFailedException.class, future::join));
    return failure[0];
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void anExceptionWhoseGetMessageThrowsStillArrivesAndTheWorkerLivesOn(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    TaskFailedException failure = failureOf(pool.submit(THROWS_POISONED));
    assertEquals(PoisonedException.class.getName(), failure.remoteClassName());
    TestAssertions.assertMessageContains(failure, "getMessage() threw java.lang.IllegalStateException");

    // execute(): reported, not fatal.
    ran.set(0);
    pool.execute(THROWS_POISONED);
    StressSupport.within("a task after a detached poisoned one", () -> assertEquals(1,
        pool.submit(COUNTS).join()));

    // The fork path: the child's failure reaches its joiner.
    TaskFailedException forked = failureOf(pool.submit(FORKS_POISONED));
    assertEquals(PoisonedException.class.getName(), forked.remoteClassName());
    assertEquals(1, forked.hops(), "thrown by the child, one join below");
    StressSupport.shutdownAndClose(pool, threads);
  }

  /**
   * A chain that overflows the stack: the failure that arrives is the innermost one (the
   * StackOverflowError where the stack ran out, or the bottom's exception), with the joins counted,
   * and the message stays short (it was 90k-280k characters, one nested message per level).
   */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void aDeepChainsFailureKeepsTheInnermostCauseAndABoundedMessage(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    for (int depth : new int[] {1_000, 100_000}) {
      TaskFailedException failure = failureOf(pool.submit(CHAIN, depth));
      assertTrue(failure.getMessage().length() < 600, () -> "message of " + failure.getMessage().length()
          + " characters: " + failure.getMessage().substring(0, 600));
      String cause = failure.remoteClassName();
      assertTrue(cause.equals(IllegalArgumentException.class.getName())
          || cause.equals(StackOverflowError.class.getName()), cause);
      if (cause.equals(IllegalArgumentException.class.getName())) {
        assertEquals(depth, failure.hops(), "every level joined the one below");
        TestAssertions.assertMessageContains(failure, "the bottom of the chain", depth + " joins below");
      } else {
        assertTrue(failure.hops() > 0 && failure.hops() < depth, "hops " + failure.hops());
      }
    }
    StressSupport.within("a task after the chains", () -> assertEquals(1, pool.submit(COUNTS).join()));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /**
   * Through the slot (separate heaps), with the arena too full for the message or even for the class
   * name: the class name still arrives.
   */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void theClassNameArrivesWhenTheArenaIsFull(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads,
        PoolConfig.defaults().withSlotCount(64).withArenaWords(1 << 12), threads.workerIds());
    TaskFailedException roomy = failureOf(pool.submit(THROWS_LONG, 1_500));
    assertEquals(UnsupportedOperationException.class.getName(), roomy.remoteClassName());
    assertEquals(1_500, roomy.remoteMessage().length());

    // Fill the arena but for a little room: the message no longer fits, the class name does.
    java.util.List<SharedIntArray> filler = new java.util.ArrayList<>();
    fill(pool, filler, 1024);
    TaskFailedException cramped = failureOf(pool.submit(THROWS_LONG, 1_900));
    assertEquals(UnsupportedOperationException.class.getName(), cramped.remoteClassName());
    if (heaps == Heaps.SEPARATE) {
      TestAssertions.assertMessageContains(cramped, "message not carried", "arena was full");
    }
    // No room at all: the class name alone, kept in the slot's own words.
    fill(pool, filler, 4);
    TaskFailedException full = failureOf(pool.submit(THROWS_LONG, 1_900));
    assertEquals(UnsupportedOperationException.class.getName(), full.remoteClassName());
    if (heaps == Heaps.SEPARATE) {
      TestAssertions.assertMessageContains(full, "arena was full when the task failed");
    }
    for (SharedIntArray array : filler) {
      array.free();
    }
    StressSupport.within("a task after", () -> assertEquals(1, pool.submit(COUNTS).join()));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /**
   * Allocates shared arrays that each take a whole arena block, largest blocks first, down to blocks
   * of {@code smallestBlock} words, until none fits.
   */
  private static void fill(ThreadPool pool, java.util.List<SharedIntArray> into, int smallestBlock) {
    for (int block = 1 << 14; block >= smallestBlock; block = block / 2) {
      while (true) {
        try {
          // A block holds its header word and, for 64 elements or more, up to 16 words of alignment.
          into.add(pool.newSharedIntArray(block - (block > 64 ? 17 : 1)));
        } catch (org.webthreads.ArenaFullException e) {
          break;
        }
      }
    }
  }
}
