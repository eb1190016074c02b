package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.Codec;
import org.webthreads.Codecs;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskKind1;
import org.webthreads.TaskKind2;
import org.webthreads.ThreadPool;

/**
 * Every built-in codec and a user record codec (with a nested record) carry their values to another
 * thread and back exactly, on one heap and on separate heaps; String and Java arrays carry null.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CodecRoundTripTest {
  record Point(double x, double y) {
  }

  record Segment(Point from, Point to, String label) {
  }

  static final Codec<Point> POINT = Codec.of("Point", 2,
      (p, out) -> {
        out.writeDouble(p.x());
        out.writeDouble(p.y());
      },
      in -> new Point(in.readDouble(), in.readDouble()));

  /** A record of records: the nested codecs count as their widths (2 + 2 + 1). */
  static final Codec<Segment> SEGMENT = Codec.of("Segment", 5,
      (s, out) -> {
        out.write(POINT, s.from());
        out.write(POINT, s.to());
        out.writeString(s.label());
      },
      in -> new Segment(POINT.read(in), POINT.read(in), in.readString()));

  static final TaskKind1<Integer, Integer> INT = echo(Codecs.INT);
  static final TaskKind1<Long, Long> LONG = echo(Codecs.LONG);
  static final TaskKind1<Double, Double> DOUBLE = echo(Codecs.DOUBLE);
  static final TaskKind1<Float, Float> FLOAT = echo(Codecs.FLOAT);
  static final TaskKind1<Boolean, Boolean> BOOLEAN = echo(Codecs.BOOLEAN);
  static final TaskKind1<String, String> STRING = echo(Codecs.STRING);
  static final TaskKind1<int[], int[]> INT_ARRAY = echo(Codecs.INT_ARRAY);
  static final TaskKind1<long[], long[]> LONG_ARRAY = echo(Codecs.LONG_ARRAY);
  static final TaskKind1<double[], double[]> DOUBLE_ARRAY = echo(Codecs.DOUBLE_ARRAY);
  static final TaskKind1<float[], float[]> FLOAT_ARRAY = echo(Codecs.FLOAT_ARRAY);
  static final TaskKind1<byte[], byte[]> BYTE_ARRAY = echo(Codecs.BYTE_ARRAY);

  /** Returns what its codec read, as the positional result (the types a result can be). */
  private static <T> TaskKind1<T, T> echo(Codec<T> codec) {
    return TaskKind1.register("CodecRoundTripTest.echo." + codec.name(), codec, (value, context) -> value);
  }

  /** Adds 1 to every element of its shared arrays (through the task's own view); returns their lengths. */
  static final TaskKind2<SharedIntArray, SharedFloatArray, String> BUMP = TaskKind2.register(
      "CodecRoundTripTest.bump", Codecs.SHARED_INT_ARRAY, Codecs.SHARED_FLOAT_ARRAY, (ints, floats, context) -> {
        for (int i = 0; i < ints.length(); i++) {
          ints.set(i, ints.get(i) + 1);
        }
        for (int i = 0; i < floats.length(); i++) {
          floats.set(i, floats.get(i) + 1);
        }
        return ints.length() + "/" + floats.length();
      });

  /** Bumps element 0 of each typed shared array and adds 1 to the progress; returns the four lengths. */
  static final org.webthreads.TaskKind4<org.webthreads.SharedLongArray, org.webthreads.SharedDoubleArray,
      org.webthreads.SharedByteArray, org.webthreads.TaskProgress, String> BUMP_TYPED = org.webthreads.TaskKind4.register(
      "CodecRoundTripTest.bumpTyped", Codecs.SHARED_LONG_ARRAY, Codecs.SHARED_DOUBLE_ARRAY, Codecs.SHARED_BYTE_ARRAY,
      Codecs.TASK_PROGRESS, (longs, doubles, bytes, progress, context) -> {
        longs.getAndAdd(0, 1L << 40);
        doubles.set(0, doubles.get(0) + 0.5);
        bytes.set(0, (byte) (bytes.get(0) + 1));
        progress.add(1);
        return longs.length() + "/" + doubles.length() + "/" + bytes.length() + "/" + progress.total();
      });

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void theTypedSharedArrayAndProgressCodecsPassViews(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    org.webthreads.SharedLongArray longs = pool.newSharedLongArray(3);
    org.webthreads.SharedDoubleArray doubles = pool.newSharedDoubleArray(4);
    org.webthreads.SharedByteArray bytes = pool.newSharedByteArray(5);
    org.webthreads.TaskProgress progress = pool.newTaskProgress(10);
    for (int i = 0; i < 4; i++) {
      assertEquals("3/4/5/10", pool.submit(BUMP_TYPED, longs, doubles, bytes, progress).join());
    }
    assertEquals(4L << 40, longs.get(0));
    assertEquals(2.0, doubles.get(0));
    assertEquals(4, bytes.get(0));
    assertEquals(4, progress.done());
    IllegalArgumentException nullArray = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> pool.submit(BUMP_TYPED, null, doubles, bytes, progress));
    assertTrue(nullArray.getMessage().contains("argument 0 is null") && nullArray.getMessage().contains("SharedLongArray"),
        nullArray.getMessage());
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** Describes the records it read (records' toString), so the test compares every field. */
  static final TaskKind2<Point, Segment, String> DESCRIBE = TaskKind2.register("CodecRoundTripTest.describe",
      POINT, SEGMENT, (point, segment, context) -> point + " " + segment);

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void everyCodecRoundTrips(Heaps heaps) {
    JvmThreads threads = heaps.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("codec round trips", () -> {
      for (int v : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1000}) {
        assertEquals(v, pool.submit(INT, v).join());
      }
      for (long v : new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40}) {
        assertEquals(v, pool.submit(LONG, v).join());
      }
      for (double v : new double[] {-0.0, Double.NaN, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, Math.E}) {
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(pool.submit(DOUBLE, v).join()));
      }
      for (float v : SharedFloatArrayTest.SPECIAL) {
        assertEquals(Float.floatToRawIntBits(v), Float.floatToRawIntBits(pool.submit(FLOAT, v).join()));
      }
      assertEquals(true, pool.submit(BOOLEAN, true).join());
      assertEquals(false, pool.submit(BOOLEAN, false).join());
      for (String v : new String[] {"", "a", "odd", "\uD834\uDD1E e\u0301 \u0000 end"}) {
        assertEquals(v, pool.submit(STRING, v).join());
      }
      assertArrayEquals(new int[] {1, -2, Integer.MIN_VALUE}, pool.submit(INT_ARRAY, new int[] {1, -2, Integer.MIN_VALUE}).join());
      assertArrayEquals(new int[0], pool.submit(INT_ARRAY, new int[0]).join());
      assertArrayEquals(new long[] {Long.MIN_VALUE, 7}, pool.submit(LONG_ARRAY, new long[] {Long.MIN_VALUE, 7}).join());
      assertArrayEquals(new double[] {-0.0, 1e300}, pool.submit(DOUBLE_ARRAY, new double[] {-0.0, 1e300}).join());
      assertArrayEquals(SharedFloatArrayTest.SPECIAL, pool.submit(FLOAT_ARRAY, SharedFloatArrayTest.SPECIAL).join());
      byte[] bytes = {1, -1, 127, -128, 0}; // five: the last word is partly filled
      assertArrayEquals(bytes, pool.submit(BYTE_ARRAY, bytes).join());

      SharedIntArray ints = pool.newSharedIntArray(3);
      SharedFloatArray floats = pool.newSharedFloatArray(70);
      ints.set(2, 41);
      floats.set(69, 0.5f);
      assertEquals("3/70", pool.submit(BUMP, ints, floats).join());
      assertArrayEquals(new int[] {1, 1, 42}, ints.toArray());
      assertEquals(1.5f, floats.get(69));
      ints.free();
      floats.free();

      Point p = new Point(-0.25, 1e-300);
      Segment s = new Segment(new Point(1, 2), new Point(3, Double.MAX_VALUE), "edge \u00e9");
      assertEquals(p + " " + s, pool.submit(DESCRIBE, p, s).join());
      Segment unlabelled = new Segment(new Point(0, 0), new Point(-1, -1), null);
      assertEquals(p + " " + unlabelled, pool.submit(DESCRIBE, p, unlabelled).join());
    });
    StressSupport.shutdownAndClose(pool, threads);
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void stringAndJavaArrayCodecsCarryNull(Heaps heaps) {
    JvmThreads threads = heaps.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("null round trips", () -> {
      assertNull(pool.submit(STRING, null).join());
      assertNull(pool.submit(INT_ARRAY, null).join());
      assertNull(pool.submit(LONG_ARRAY, null).join());
      assertNull(pool.submit(DOUBLE_ARRAY, null).join());
      assertNull(pool.submit(FLOAT_ARRAY, null).join());
      assertNull(pool.submit(BYTE_ARRAY, null).join());
    });
    StressSupport.shutdownAndClose(pool, threads);
  }
}
