package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.CommonTaskKinds.ECHO;
import static org.webthreads.jvm.CommonTaskKinds.GATED;
import static org.webthreads.jvm.CommonTaskKinds.gate;
import static org.webthreads.jvm.CommonTaskKinds.gateReached;
import static org.webthreads.jvm.TestAssertions.assertMessageContains;
import static org.webthreads.jvm.TestAssertions.assertThrowsWith;
import static org.webthreads.jvm.TestAssertions.failureOf;
import static org.webthreads.jvm.TestAssertions.joinWithin;
import static org.webthreads.jvm.TestAssertions.small;

import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.SharedIntArray;
import org.webthreads.PoolControl;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.UnknownTaskKindException;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.TaskSlots;

/**
 * What a task does wrong reaches its caller as a clear error: arguments and results of types that
 * cannot cross threads, exceptions (class name and message), arguments read as the wrong type,
 * unknown and duplicate task kinds.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskErrorsTest {
  static final TaskKind<Object> RETURNS_MAP = TaskKind.register("TaskErrorsTest.returnsMap",
      (args, pool) -> new HashMap<String, Integer>());

  static final TaskKind<Integer> THROWS = TaskKind.register("TaskErrorsTest.throws", (args, pool) -> {
    throw new IllegalStateException(args.readString());
  });

  static final TaskKind<Integer> THROWS_WITHOUT_MESSAGE = TaskKind.register(
      "TaskErrorsTest.throwsWithoutMessage", (args, pool) -> {
        throw new UnsupportedOperationException();
      });

  static final TaskKind<String> READS_STRING = TaskKind.register("TaskErrorsTest.readsString",
      (args, pool) -> args.readString());

  static final TaskKind<Integer> READS_TWO_INTS = TaskKind.register("TaskErrorsTest.readsTwoInts",
      (args, pool) -> args.readInt() + args.readInt());

  static final TaskKind<Integer> VICTIM = TaskKind.register("TaskErrorsTest.victim", (args, pool) -> 1);

  static final TaskKind<Integer> DUPLICATE = TaskKind.register("TaskErrorsTest.duplicate",
      (args, pool) -> 1);


  @Test
  void unsupportedArgumentTypeIsRejectedAtSubmit() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), 1);
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(ECHO, new HashMap<>()),
        "task 'CommonTaskKinds.echo' argument 0", "java.util.HashMap", "cannot be carried",
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
    assertMessageContains(e, "task 'TaskErrorsTest.returnsMap'", "returned a value",
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
    assertMessageContains(e, "task 'TaskErrorsTest.throws'", "java.lang.IllegalStateException",
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
    assertEquals("task 'TaskErrorsTest.throwsWithoutMessage' failed with "
        + "java.lang.UnsupportedOperationException", bare.getMessage());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void readingAnArgumentAsTheWrongTypeNamesPositionAndTypes() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, small(), 1);
    TaskFailedException first = failureOf(pool.submit(READS_STRING, 7));
    assertEquals(IllegalArgumentException.class.getName(), first.remoteClassName());
    assertMessageContains(first, "task 'TaskErrorsTest.readsString' argument 0", "int",
        "read as String");

    TaskFailedException second = failureOf(pool.submit(READS_TWO_INTS, 7, "seven"));
    assertMessageContains(second, "argument 1", "is a String", "read as int");

    TaskFailedException missing = failureOf(pool.submit(READS_TWO_INTS, 7));
    assertMessageContains(missing, "argument 1 was read", "only 1 were passed");
    StressSupport.shutdownAndClose(pool, threads);
  }


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

    SharedWords words = PoolControl.of(pool).words();
    PoolLayout layout = PoolLayout.read(words, PoolControl.of(pool).base());
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
    assertEquals("TaskErrorsTest.duplicate", DUPLICATE.name());
    assertThrowsWith(IllegalStateException.class,
        () -> TaskKind.register("TaskErrorsTest.duplicate", (args, pool) -> 2),
        "task kind 'TaskErrorsTest.duplicate' is registered twice", "register each kind once");
    assertThrowsWith(IllegalArgumentException.class, () -> TaskKind.register("", (args, pool) -> 1),
        "non-empty name");
    assertThrowsWith(IllegalArgumentException.class,
        () -> TaskKind.register("noBody", null), "needs a body");
  }
}
