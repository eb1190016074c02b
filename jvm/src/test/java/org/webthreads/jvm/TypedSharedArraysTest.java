package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.ArenaTooSmallException;
import org.webthreads.SharedByteArray;
import org.webthreads.SharedDoubleArray;
import org.webthreads.SharedIntArray;
import org.webthreads.SharedLongArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * SharedLongArray, SharedDoubleArray and SharedByteArray (and the whole-array copies every shared array
 * has): a round trip through tasks on both heap modes (the task's view is the same memory, an array
 * made in a task comes back as a result), exact bits, bulk copies and their range errors, 8-byte
 * alignment of 64-bit elements, use after free, and the lifetime rules at submit.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TypedSharedArraysTest {
  static final long[] LONGS = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL, 1L << 32, 0x1234_5678_9ABC_DEF0L};
  static final double[] DOUBLES = {0.0, -0.0, Math.PI, -1e-310, Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
      Double.longBitsToDouble(0x7FF8_0000_DEAD_BEEFL)};
  static final byte[] BYTES = {0, -1, 127, -128, 1, 0x55, (byte) 0xAA};

  /**
   * Arguments: a long, a double and a byte array. Checks each holds the constants above (a failure
   * names the element), then writes element i := f(constant) (long: ~x, double: -x, byte: x ^ 0x0F) and
   * returns the number of elements it checked.
   */
  static final TaskKind<Integer> CHECK_AND_REWRITE = TaskKind.register("TypedSharedArraysTest.rewrite",
      (args, pool) -> {
        SharedLongArray longs = args.readSharedLongArray();
        SharedDoubleArray doubles = args.readSharedDoubleArray();
        SharedByteArray bytes = args.readSharedByteArray();
        for (int i = 0; i < LONGS.length; i++) {
          expect(longs.get(i) == LONGS[i], "long " + i + " = " + longs.get(i));
          longs.set(i, ~LONGS[i]);
        }
        for (int i = 0; i < DOUBLES.length; i++) {
          expect(Double.doubleToRawLongBits(doubles.get(i)) == Double.doubleToRawLongBits(DOUBLES[i]),
              "double " + i + " = " + doubles.get(i));
          doubles.set(i, -DOUBLES[i]);
        }
        for (int i = 0; i < BYTES.length; i++) {
          expect(bytes.get(i) == BYTES[i], "byte " + i + " = " + bytes.get(i));
          bytes.set(i, (byte) (BYTES[i] ^ 0x0F));
        }
        return LONGS.length + DOUBLES.length + BYTES.length;
      });

  /** Argument: length. Makes a long, a double and a byte array in the task and returns them by kind. */
  static final TaskKind<Object> MAKE = TaskKind.register("TypedSharedArraysTest.make", (args, pool) -> {
    int type = args.readInt();
    int length = args.readInt();
    if (type == 0) {
      SharedLongArray made = pool.newSharedLongArray(length);
      for (int i = 0; i < length; i++) {
        made.set(i, (long) i << 40);
      }
      return made;
    }
    if (type == 1) {
      SharedDoubleArray made = pool.newSharedDoubleArray(length);
      for (int i = 0; i < length; i++) {
        made.set(i, i / 8.0);
      }
      return made;
    }
    SharedByteArray made = pool.newSharedByteArray(length);
    for (int i = 0; i < length; i++) {
      made.set(i, (byte) (i * 3));
    }
    return made;
  });

  /** Reads its argument as a SharedLongArray (a type error for any other array). */
  static final TaskKind<Integer> READ_AS_LONGS = TaskKind.register("TypedSharedArraysTest.readAsLongs",
      (args, pool) -> args.readSharedLongArray().length());

  private static void expect(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("the task saw " + what);
    }
  }

  @ParameterizedTest(name = "{0} heaps")
  @EnumSource(Heaps.class)
  void tasksSeeAndWriteTheSameMemoryAndArraysComeBackAsResults(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedLongArray longs = pool.newSharedLongArray(LONGS.length);
    SharedDoubleArray doubles = pool.newSharedDoubleArray(DOUBLES.length);
    SharedByteArray bytes = pool.newSharedByteArray(BYTES.length);
    longs.copyFrom(LONGS);
    doubles.copyFrom(DOUBLES);
    bytes.copyFrom(BYTES);
    int checked = TestAssertions.joinWithin(pool.submit(CHECK_AND_REWRITE, longs, doubles, bytes));
    assertEquals(LONGS.length + DOUBLES.length + BYTES.length, checked);
    for (int i = 0; i < LONGS.length; i++) {
      assertEquals(~LONGS[i], longs.get(i), "long " + i);
    }
    for (int i = 0; i < DOUBLES.length; i++) {
      assertEquals(Double.doubleToRawLongBits(-DOUBLES[i]), Double.doubleToRawLongBits(doubles.get(i)), "double " + i);
    }
    for (int i = 0; i < BYTES.length; i++) {
      assertEquals((byte) (BYTES[i] ^ 0x0F), bytes.get(i), "byte " + i);
    }

    SharedLongArray madeLongs = (SharedLongArray) TestAssertions.joinWithin(pool.submit(MAKE, 0, 5));
    SharedDoubleArray madeDoubles = (SharedDoubleArray) TestAssertions.joinWithin(pool.submit(MAKE, 1, 9));
    SharedByteArray madeBytes = (SharedByteArray) TestAssertions.joinWithin(pool.submit(MAKE, 2, 13));
    assertArrayEquals(new long[] {0, 1L << 40, 2L << 40, 3L << 40, 4L << 40}, madeLongs.toArray());
    assertEquals(1.0, madeDoubles.get(8));
    assertEquals(9, madeDoubles.length());
    assertEquals(13, madeBytes.length());
    assertEquals((byte) 36, madeBytes.get(12));
    madeLongs.free();
    madeDoubles.free();
    madeBytes.free();
    longs.free();
    doubles.free();
    bytes.free();
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void newArraysAreZeroedAndSixtyFourBitElementsStartOnEightBytes() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    // Dirty the arena first, so that a block is reused: zeroing must not rely on fresh memory.
    SharedIntArray dirty = pool.newSharedIntArray(300);
    for (int i = 0; i < 300; i++) {
      dirty.set(i, -1);
    }
    dirty.free();
    for (int length : new int[] {0, 1, 2, 3, 7, 63, 64, 65, 100, 127, 128, 255, 1000}) {
      SharedLongArray longs = pool.newSharedLongArray(length);
      SharedDoubleArray doubles = pool.newSharedDoubleArray(length);
      SharedByteArray bytes = pool.newSharedByteArray(length);
      assertEquals(0, longs.handle() % 2, "long array of " + length + " at word " + longs.handle());
      assertEquals(0, doubles.handle() % 2, "double array of " + length + " at word " + doubles.handle());
      assertArrayEquals(new long[length], longs.toArray(), "new long array of " + length);
      assertArrayEquals(new double[length], doubles.toArray(), "new double array of " + length);
      assertArrayEquals(new byte[length], bytes.toArray(), "new byte array of " + length);
      // Every element is its own memory: fill all three, nothing overlaps.
      for (int i = 0; i < length; i++) {
        longs.set(i, -i - 1L);
        doubles.set(i, i + 0.5);
        bytes.set(i, (byte) (i + 1));
      }
      for (int i = 0; i < length; i++) {
        assertEquals(-i - 1L, longs.get(i));
        assertEquals(i + 0.5, doubles.get(i));
        assertEquals((byte) (i + 1), bytes.get(i));
      }
      longs.free();
      doubles.free();
      bytes.free();
    }
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void bulkCopiesMoveExactlyTheRangeForEveryType() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedLongArray longs = pool.newSharedLongArray(6);
    longs.copyFrom(new long[] {9, 8, 7, -6, 5}, 1, 2, 3); // 8 7 -6 into 2..4
    assertArrayEquals(new long[] {0, 0, 8, 7, -6, 0}, longs.toArray());
    long[] longTarget = new long[5];
    longs.copyTo(3, longTarget, 1, 3);
    assertArrayEquals(new long[] {0, 7, -6, 0, 0}, longTarget);
    long[] firstFour = new long[4];
    longs.copyTo(firstFour);
    assertArrayEquals(new long[] {0, 0, 8, 7}, firstFour);

    SharedDoubleArray doubles = pool.newSharedDoubleArray(4);
    doubles.copyFrom(new double[] {1.5, -2.5});
    doubles.copyFrom(new double[] {7, 8, 9}, 2, 3, 1);
    assertArrayEquals(new double[] {1.5, -2.5, 0, 9}, doubles.toArray());
    double[] doubleTarget = new double[3];
    doubles.copyTo(1, doubleTarget, 0, 3);
    assertArrayEquals(new double[] {-2.5, 0, 9}, doubleTarget);

    // Bytes: every alignment of start and end within the packed words, against a plain byte[] model.
    int n = 23;
    SharedByteArray bytes = pool.newSharedByteArray(n);
    byte[] model = new byte[n];
    byte next = 1;
    for (int to = 0; to < n; to++) {
      for (int count = 0; count <= n - to; count++) {
        byte[] source = new byte[count + 2];
        for (int i = 0; i < source.length; i++) {
          source[i] = next++;
        }
        bytes.copyFrom(source, 1, to, count);
        System.arraycopy(source, 1, model, to, count);
        assertArrayEquals(model, bytes.toArray(), "copyFrom(" + to + ", " + count + ")");
        byte[] out = new byte[count + 3];
        bytes.copyTo(to, out, 2, count);
        for (int i = 0; i < count; i++) {
          assertEquals(model[to + i], out[2 + i], "copyTo(" + to + ", " + count + ") element " + i);
        }
        assertEquals(0, out[0]);
        assertEquals(0, out[1]);
      }
    }

    // Whole-array forms of the int array too.
    SharedIntArray ints = pool.newSharedIntArray(3);
    ints.copyFrom(new int[] {4, 5});
    int[] intTarget = new int[3];
    ints.copyTo(intTarget);
    assertArrayEquals(new int[] {4, 5, 0}, intTarget);
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void badRangesAreRefusedWithTheRangeInTheMessageAndWriteNothing() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedLongArray longs = pool.newSharedLongArray(4);
    SharedDoubleArray doubles = pool.newSharedDoubleArray(4);
    SharedByteArray bytes = pool.newSharedByteArray(5);
    longs.copyFrom(new long[] {1, 2, 3, 4});
    TestAssertions.assertThrowsWith(IndexOutOfBoundsException.class,
        () -> longs.copyFrom(new long[] {9, 9, 9}, 0, 2, 3), "2 .. 5", "SharedLongArray of length 4");
    TestAssertions.assertThrowsWith(IndexOutOfBoundsException.class,
        () -> longs.copyTo(0, new long[2], 1, 2), "do not fit long[2]");
    TestAssertions.assertThrowsWith(IndexOutOfBoundsException.class,
        () -> longs.copyFrom(new long[5]), "0 .. 5", "length 4");
    TestAssertions.assertThrowsWith(IndexOutOfBoundsException.class, () -> longs.get(4),
        "index 4", "SharedLongArray of length 4");
    assertThrows(IndexOutOfBoundsException.class, () -> longs.getAndAdd(-1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> longs.compareAndSet(4, 0, 1));
    assertArrayEquals(new long[] {1, 2, 3, 4}, longs.toArray());

    TestAssertions.assertThrowsWith(IndexOutOfBoundsException.class,
        () -> doubles.copyFrom(new double[3], 2, 0, 2), "do not fit double[3]");
    TestAssertions.assertThrowsWith(IndexOutOfBoundsException.class, () -> doubles.set(-1, 1),
        "index -1", "SharedDoubleArray");
    assertThrows(IndexOutOfBoundsException.class, () -> doubles.copyTo(new double[5]));
    assertArrayEquals(new double[4], doubles.toArray());

    bytes.copyFrom(new byte[] {1, 2, 3, 4, 5});
    TestAssertions.assertThrowsWith(IndexOutOfBoundsException.class,
        () -> bytes.copyFrom(new byte[] {9, 9}, 0, 4, 2), "4 .. 6", "SharedByteArray of length 5");
    TestAssertions.assertThrowsWith(IndexOutOfBoundsException.class, () -> bytes.get(5), "index 5");
    assertThrows(IndexOutOfBoundsException.class, () -> bytes.copyTo(0, new byte[4], 0, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> bytes.set(5, (byte) 1));
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, bytes.toArray());

    TestAssertions.assertThrowsWith(IllegalArgumentException.class, () -> pool.newSharedLongArray(-1),
        "negative array length -1");
    TestAssertions.assertThrowsWith(ArenaTooSmallException.class, () -> pool.newSharedLongArray(1 << 30),
        "a SharedLongArray of 1073741824 elements needs 2147483649 words", "No pool can hold that much",
        "split the data");
    TestAssertions.assertThrowsWith(ArenaTooSmallException.class,
        () -> pool.newSharedDoubleArray(Integer.MAX_VALUE), "a SharedDoubleArray of 2147483647 elements",
        "No pool can hold that much");
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest(name = "{0} heaps")
  @EnumSource(Heaps.class)
  void useAfterFreeIsAnErrorForEveryType(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    SharedLongArray longs = pool.newSharedLongArray(8);
    SharedDoubleArray doubles = pool.newSharedDoubleArray(8);
    SharedByteArray bytes = pool.newSharedByteArray(8);
    longs.free();
    doubles.free();
    bytes.free();
    assertTrue(longs.isFreed() && doubles.isFreed() && bytes.isFreed());
    TestAssertions.assertThrowsWith(IllegalStateException.class, longs::free, "SharedLongArray", "freed",
        "newSharedLongArray");
    TestAssertions.assertThrowsWith(IllegalStateException.class, () -> longs.get(0), "freed");
    TestAssertions.assertThrowsWith(IllegalStateException.class, () -> longs.getAndAdd(0, 1), "freed");
    TestAssertions.assertThrowsWith(IllegalStateException.class, () -> longs.compareAndSet(0, 0, 1), "freed");
    TestAssertions.assertThrowsWith(IllegalStateException.class, longs::toArray, "freed");
    TestAssertions.assertThrowsWith(IllegalStateException.class, () -> doubles.set(0, 1), "SharedDoubleArray",
        "freed", "newSharedDoubleArray");
    TestAssertions.assertThrowsWith(IllegalStateException.class, () -> doubles.copyFrom(new double[1]), "freed");
    TestAssertions.assertThrowsWith(IllegalStateException.class, () -> bytes.get(0), "SharedByteArray", "freed");
    TestAssertions.assertThrowsWith(IllegalStateException.class, () -> bytes.compareAndSet(0, (byte) 0, (byte) 1),
        "freed");
    TestAssertions.assertThrowsWith(IllegalStateException.class, () -> bytes.copyTo(new byte[0]), "freed");
    TestAssertions.assertThrowsWith(IllegalArgumentException.class,
        () -> pool.submit(CHECK_AND_REWRITE, longs, doubles, bytes), "argument 0", "SharedLongArray", "freed");

    // A task's view freed it: our second free is caught by the arena.
    SharedLongArray viaTask = pool.newSharedLongArray(4);
    assertEquals(4, TestAssertions.joinWithin(pool.submit(FREE_LONGS, viaTask)));
    TestAssertions.assertThrowsWith(IllegalStateException.class, viaTask::free, "free already");
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** Frees the long array it receives (its own view of it); returns its length. */
  static final TaskKind<Integer> FREE_LONGS = TaskKind.register("TypedSharedArraysTest.freeLongs", (args, pool) -> {
    SharedLongArray array = args.readSharedLongArray();
    array.free();
    return array.length();
  });

  @Test
  void readingAnArrayAsAnotherTypeAndArraysOfAnotherPoolAreRefused() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool a = ThreadPool.create(threads, 1);
    ThreadPool b = ThreadPool.create(threads, 2);
    SharedDoubleArray doubles = b.newSharedDoubleArray(4);
    TaskFailedException failed = TestAssertions.failureOf(b.submit(READ_AS_LONGS, doubles));
    TestAssertions.assertMessageContains(failed, "SharedDoubleArray", "SharedLongArray");
    SharedByteArray ofA = a.newSharedByteArray(4);
    TestAssertions.assertThrowsWith(IllegalArgumentException.class, () -> b.submit(READ_AS_LONGS, ofA),
        "argument 0", "SharedByteArray of another pool", "newSharedByteArray");
    SharedLongArray longsOfB = b.newSharedLongArray(3);
    assertEquals(3, TestAssertions.joinWithin(b.submit(READ_AS_LONGS, longsOfB)));
    assertFalse(longsOfB.isFreed());
    a.shutdown();
    StressSupport.shutdownAndClose(b, threads);
  }
}
