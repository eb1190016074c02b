package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * SharedFloatArray: what its docs promise (the same memory in every task's view, exact float bits,
 * bulk copies, results) and SharedIntArray's lifetime rules (a second free, use after free, an array of
 * another pool or a freed one at submit).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedFloatArrayTest {
  /** Values whose bits must survive: signed zeros, infinities, a NaN payload, subnormals, extremes. */
  static final float[] SPECIAL = {0f, -0f, 1.5f, -2.75e-3f, Float.MIN_VALUE, -Float.MAX_VALUE,
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0x7fc01234), (float) Math.PI};

  /** Arguments: source, target, scale. Writes target[i] = source[i] * scale; returns the sum of the source. */
  static final TaskKind<Double> SCALE = TaskKind.register("SharedFloatArrayTest.scale", (args, pool) -> {
    SharedFloatArray source = args.readSharedFloatArray();
    SharedFloatArray target = args.readSharedFloatArray();
    float scale = args.readFloat();
    double sum = 0;
    for (int i = 0; i < source.length(); i++) {
      sum += source.get(i);
      target.set(i, source.get(i) * scale);
    }
    return sum;
  });

  /** Argument: length. Allocates a float array in the task, fills it with i / 4 and returns it. */
  static final TaskKind<SharedFloatArray> MAKE = TaskKind.register("SharedFloatArrayTest.make", (args, pool) -> {
    SharedFloatArray array = pool.newSharedFloatArray(args.readInt());
    for (int i = 0; i < array.length(); i++) {
      array.set(i, i / 4f);
    }
    return array;
  });

  /** Reads its argument as a SharedIntArray (a type error when it is a float array). */
  static final TaskKind<Integer> READ_AS_INTS = TaskKind.register("SharedFloatArrayTest.readAsInts",
      (args, pool) -> args.readSharedIntArray().length());

  /** Frees the float array it receives (its own view of it). */
  static final TaskKind<Integer> FREE = TaskKind.register("SharedFloatArrayTest.free", (args, pool) -> {
    args.readSharedFloatArray().free();
    return 1;
  });

  @Test
  void elementsKeepTheirExactBitsAndStartAtZero() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedFloatArray array = pool.newSharedFloatArray(SPECIAL.length);
    for (int i = 0; i < array.length(); i++) {
      assertEquals(0, Float.floatToRawIntBits(array.get(i)), "element " + i + " of a new array");
    }
    for (int i = 0; i < SPECIAL.length; i++) {
      array.set(i, SPECIAL[i]);
    }
    for (int i = 0; i < SPECIAL.length; i++) {
      assertEquals(Float.floatToRawIntBits(SPECIAL[i]), Float.floatToRawIntBits(array.get(i)), "element " + i);
    }
    float[] copy = array.toArray();
    for (int i = 0; i < SPECIAL.length; i++) {
      assertEquals(Float.floatToRawIntBits(SPECIAL[i]), Float.floatToRawIntBits(copy[i]), "copy " + i);
    }
    assertThrows(IndexOutOfBoundsException.class, () -> array.get(SPECIAL.length));
    assertThrows(IndexOutOfBoundsException.class, () -> array.set(-1, 1f));
    array.free();
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void bulkCopiesMoveExactlyTheRangeAndRefuseBadRanges() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedFloatArray array = pool.newSharedFloatArray(10);
    float[] source = {1, 2, 3, 4, 5};
    array.copyFrom(source, 1, 6, 4); // 2 3 4 5 into elements 6..9
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 2, 3, 4, 5}, array.toArray());
    float[] target = new float[6];
    array.copyTo(5, target, 1, 5);
    assertArrayEquals(new float[] {0, 0, 2, 3, 4, 5}, target);
    IndexOutOfBoundsException past = assertThrows(IndexOutOfBoundsException.class,
        () -> array.copyFrom(source, 0, 7, 4));
    TestAssertions.assertMessageContains(past, "7 .. 11", "length 10");
    assertThrows(IndexOutOfBoundsException.class, () -> array.copyTo(0, target, 3, 4));
    assertThrows(IndexOutOfBoundsException.class, () -> array.copyFrom(source, 3, 0, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> array.copyTo(-1, target, 0, 1));
    // nothing was written by the refused copies
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 2, 3, 4, 5}, array.toArray());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void tasksOnOtherThreadsSeeAndWriteTheSameMemory() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    int n = 5000;
    SharedFloatArray source = pool.newSharedFloatArray(n);
    SharedFloatArray target = pool.newSharedFloatArray(n);
    double expected = 0;
    for (int i = 0; i < n; i++) {
      source.set(i, i * 0.25f - 100);
      expected += i * 0.25f - 100;
    }
    assertEquals(expected, pool.submit(SCALE, source, target, -2f).join(), 0);
    for (int i = 0; i < n; i++) {
      assertEquals((i * 0.25f - 100) * -2f, target.get(i), 0, "element " + i);
    }
    // A float array made in a task comes back as a result: a view of the same memory.
    SharedFloatArray made = pool.submit(MAKE, 9).join();
    assertEquals(9, made.length());
    assertEquals(2f, made.get(8));
    made.set(0, 7f);
    pool.submit(SCALE, made, made, 3f).join();
    assertEquals(21f, made.get(0));
    assertEquals(6f, made.get(8)); // (8 / 4) * 3, written by the task through its own view
    made.free();
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void readingAFloatArrayAsAnIntArrayIsAnErrorNamingBoth() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedFloatArray floats = pool.newSharedFloatArray(4);
    TaskFailedException failed = assertThrows(TaskFailedException.class,
        () -> pool.submit(READ_AS_INTS, floats).join());
    assertTrue(failed.getMessage().contains("SharedFloatArray") && failed.getMessage().contains("SharedIntArray"),
        failed.getMessage());
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void aSecondFreeAndUseAfterFreeAreErrors() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedFloatArray array = pool.newSharedFloatArray(100);
    array.free();
    IllegalStateException twice = assertThrows(IllegalStateException.class, array::free);
    TestAssertions.assertMessageContains(twice, "freed", "newSharedFloatArray");
    assertThrows(IllegalStateException.class, () -> array.get(0), "use after free");
    assertThrows(IllegalStateException.class, () -> array.set(0, 1f), "use after free");
    assertThrows(IllegalStateException.class, () -> array.copyTo(0, new float[1], 0, 1), "use after free");
    IllegalArgumentException atSubmit = assertThrows(IllegalArgumentException.class,
        () -> pool.submit(FREE, array));
    TestAssertions.assertMessageContains(atSubmit, "argument 0", "SharedFloatArray", "freed");

    // Freed through a task's view, then through ours: the arena refuses.
    SharedFloatArray other = pool.newSharedFloatArray(100);
    assertEquals(1, pool.submit(FREE, other).join());
    IllegalStateException arena = assertThrows(IllegalStateException.class, other::free);
    TestAssertions.assertMessageContains(arena, "free already", "freed twice");

    // The next arrays do not alias each other.
    SharedFloatArray a = pool.newSharedFloatArray(100);
    SharedIntArray b = pool.newSharedIntArray(100);
    a.set(5, 1.5f);
    b.set(5, 2);
    assertEquals(1.5f, a.get(5));
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void anArrayOfAnotherPoolIsRefused() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool a = ThreadPool.create(threads, 1);
    ThreadPool b = ThreadPool.create(threads, 2);
    SharedFloatArray ofA = a.newSharedFloatArray(16);
    SharedFloatArray ofB = b.newSharedFloatArray(16);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> b.submit(SCALE, ofB, ofA, 1f));
    TestAssertions.assertMessageContains(refused, "argument 1", "another pool", "newSharedFloatArray");
    ofB.set(3, 4f);
    assertEquals(4.0, b.submit(SCALE, ofB, ofB, 2f).join(), 0);
    assertEquals(8f, ofB.get(3));
    a.shutdown();
    StressSupport.shutdownAndClose(b, threads);
  }
}
