package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/** What SharedIntArray's docs promise about misuse: each case is an error, never silent damage. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedArrayMisuseTest {
  /** Writes its second argument into element 0 of the array. */
  static final TaskKind<Integer> WRITE = TaskKind.register("SharedArrayMisuseTest.write", (args, pool) -> {
    SharedIntArray array = args.readSharedIntArray();
    array.set(0, args.readInt());
    return 1;
  });

  /** Frees the array it receives (its own view of it). */
  static final TaskKind<Integer> FREE = TaskKind.register("SharedArrayMisuseTest.free", (args, pool) -> {
    args.readSharedIntArray().free();
    return 1;
  });

  @Test
  void aSecondFreeIsAnErrorAndTheNextAllocationsDoNotAlias() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray array = pool.newSharedIntArray(100);
    array.free();
    IllegalStateException twice = assertThrows(IllegalStateException.class, array::free);
    TestAssertions.assertMessageContains(twice, "freed");
    assertThrows(IllegalStateException.class, () -> array.get(0), "use after free");
    assertThrows(IllegalStateException.class, () -> array.set(0, 1), "use after free");

    SharedIntArray a = pool.newSharedIntArray(100);
    SharedIntArray b = pool.newSharedIntArray(100);
    a.set(5, 1);
    b.set(5, 2);
    assertEquals(1, a.get(5), "two live arrays share memory");
    a.free();
    b.free();
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** Freed through a task's view, then through the submitter's: the arena itself refuses. */
  @Test
  void aFreeThroughAnotherViewIsSeenByTheArena() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedIntArray array = pool.newSharedIntArray(100);
    assertEquals(1, pool.submit(FREE, array).join());
    IllegalStateException twice = assertThrows(IllegalStateException.class, array::free);
    TestAssertions.assertMessageContains(twice, "free already", "freed twice");
    // A task that frees it a second time (through a view of its own) fails with that error.
    SharedIntArray other = pool.newSharedIntArray(100);
    assertEquals(1, pool.submit(FREE, other).join());
    TaskFailedException failed = assertThrows(TaskFailedException.class,
        () -> pool.submit(FREE, other).join());
    assertEquals(IllegalStateException.class.getName(), failed.remoteClassName());
    // This object was freed itself: passing it to a task is refused at submit.
    IllegalArgumentException freed = assertThrows(IllegalArgumentException.class,
        () -> pool.submit(FREE, array));
    TestAssertions.assertMessageContains(freed, "argument 0", "freed");
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** An array of pool A passed to a task of pool B is refused at submit; B is unharmed. */
  @Test
  void anArrayOfAnotherPoolIsRefused() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool a = ThreadPool.create(threads, 1);
    ThreadPool b = ThreadPool.create(threads, 2);
    SharedIntArray ofA = a.newSharedIntArray(16);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> b.submit(WRITE, ofA, 7));
    TestAssertions.assertMessageContains(refused, "argument 0", "another pool", "newSharedIntArray");
    SharedIntArray ofB = b.newSharedIntArray(16);
    assertEquals(1, b.submit(WRITE, ofB, 7).join());
    assertEquals(7, ofB.get(0));
    assertEquals(1, a.submit(WRITE, ofA, 9).join());
    assertEquals(9, ofA.get(0));
    a.shutdown();
    StressSupport.shutdownAndClose(b, threads);
  }
}
