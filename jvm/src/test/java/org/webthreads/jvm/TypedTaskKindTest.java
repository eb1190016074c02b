package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.webthreads.jvm.TestAssertions.assertMessageContains;
import static org.webthreads.jvm.TestAssertions.assertThrowsWith;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.Codec;
import org.webthreads.CodecOutput;
import org.webthreads.Codecs;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.TaskKind0;
import org.webthreads.TaskKind1;
import org.webthreads.TaskKind2;
import org.webthreads.TaskKind3;
import org.webthreads.TaskKind4;
import org.webthreads.ThreadPool;
import org.webthreads.jvm.CodecRoundTripTest.Point;

/**
 * Typed kinds of every arity, submitted and executed; a recursive kind; their context; and every misuse
 * a hostile caller can reach: codecs that write or read another count than declared, wrong types
 * through raw types or the positional kind, nulls, bad registrations.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TypedTaskKindTest {
  static final AtomicLong executed = new AtomicLong();
  static volatile CountDownLatch executedLatch;

  static final TaskKind0<Integer> THREADS = TaskKind0.register("TypedTaskKindTest.threads",
      context -> context.pool().threadCount());
  static final TaskKind1<Integer, Long> SQUARE = TaskKind1.register("TypedTaskKindTest.square", Codecs.INT,
      (n, context) -> (long) n * n);
  static final TaskKind2<Point, Double, double[]> SCALE = TaskKind2.register("TypedTaskKindTest.scale",
      CodecRoundTripTest.POINT, Codecs.DOUBLE, (p, k, context) -> new double[] {p.x() * k, p.y() * k});
  static final TaskKind3<String, Integer, Boolean, String> REPEAT = TaskKind3.register(
      "TypedTaskKindTest.repeat", Codecs.STRING, Codecs.INT, Codecs.BOOLEAN,
      (s, times, upper, context) -> (upper ? s.toUpperCase() : s).repeat(times));
  /** Order matters: a - b * c + d, so swapped arguments give another value. */
  static final TaskKind4<Long, Integer, Float, Double, Double> MIX = TaskKind4.register("TypedTaskKindTest.mix",
      Codecs.LONG, Codecs.INT, Codecs.FLOAT, Codecs.DOUBLE, (a, b, c, d, context) -> a - b * c + d);

  /** Adds its arguments' sum to {@link #executed} and counts down: for execute of every arity. */
  static final TaskKind0<Void> RECORD0 = TaskKind0.register("TypedTaskKindTest.record0", context -> record(1));
  static final TaskKind1<Integer, Void> RECORD1 = TaskKind1.register("TypedTaskKindTest.record1", Codecs.INT,
      (a, context) -> record(a));
  static final TaskKind2<Integer, Long, Void> RECORD2 = TaskKind2.register("TypedTaskKindTest.record2",
      Codecs.INT, Codecs.LONG, (a, b, context) -> record(a + b));
  static final TaskKind3<Integer, Long, Integer, Void> RECORD3 = TaskKind3.register("TypedTaskKindTest.record3",
      Codecs.INT, Codecs.LONG, Codecs.INT, (a, b, c, context) -> record(a + b + c));
  static final TaskKind4<Integer, Long, Integer, Long, Void> RECORD4 = TaskKind4.register(
      "TypedTaskKindTest.record4", Codecs.INT, Codecs.LONG, Codecs.INT, Codecs.LONG,
      (a, b, c, d, context) -> record(a + b + c + d));

  private static Void record(long value) {
    executed.addAndGet(value);
    executedLatch.countDown();
    return null;
  }

  /** Refers to itself through the factory's argument, not its qualified name. */
  static final TaskKind1<Integer, Long> FIB = TaskKind1.recursive("TypedTaskKindTest.fib", Codecs.INT,
      self -> (n, context) -> {
        if (n < 2) {
          return (long) n;
        }
        TaskFuture<Long> left = context.pool().submit(self, n - 1);
        long right = context.pool().submit(self, n - 2).join();
        return left.join() + right;
      });

  static final TaskKind<Long> POSITIONAL_FIB = TaskKind.register("TypedTaskKindTest.positionalFib", (args, pool) -> {
    int n = args.readInt();
    if (n < 2) {
      return (long) n;
    }
    TaskFuture<Long> left = pool.submit(TypedTaskKindTest.POSITIONAL_FIB, n - 1);
    long right = pool.submit(TypedTaskKindTest.POSITIONAL_FIB, n - 2).join();
    return left.join() + right;
  });

  static final Codec<Point> WRITES_THREE = Codec.of("WritesThree", 2, (p, out) -> {
    out.writeDouble(p.x());
    out.writeDouble(p.y());
    out.writeDouble(0);
  }, in -> new Point(in.readDouble(), in.readDouble()));
  static final Codec<Point> WRITES_ONE = Codec.of(2, (p, out) -> out.writeDouble(p.x()),
      in -> new Point(in.readDouble(), in.readDouble()));
  static final Codec<Point> READS_ONE = Codec.of("ReadsOne", 2, TypedTaskKindTest::writePoint,
      in -> new Point(in.readDouble(), 0));
  static final Codec<Point> READS_THREE = Codec.of("ReadsThree", 2, TypedTaskKindTest::writePoint,
      in -> new Point(in.readDouble(), in.readDouble() + in.readDouble()));

  private static void writePoint(Point p, CodecOutput out) {
    out.writeDouble(p.x());
    out.writeDouble(p.y());
  }

  static final TaskKind1<Point, String> WITH_WRITES_THREE = TaskKind1.register("TypedTaskKindTest.writesThree",
      WRITES_THREE, (p, context) -> "ran");
  static final TaskKind1<Point, String> WITH_WRITES_ONE = TaskKind1.register("TypedTaskKindTest.writesOne",
      WRITES_ONE, (p, context) -> "ran");
  static final TaskKind1<Point, String> WITH_READS_ONE = TaskKind1.register("TypedTaskKindTest.readsOne",
      READS_ONE, (p, context) -> "ran");
  static final TaskKind2<Point, Integer, String> WITH_READS_THREE = TaskKind2.register(
      "TypedTaskKindTest.readsThree", READS_THREE, Codecs.INT, (p, n, context) -> "ran");
  static final TaskKind1<Point, String> WITH_READS_THREE_LAST = TaskKind1.register(
      "TypedTaskKindTest.readsThreeLast", READS_THREE, (p, context) -> "ran");
  static final TaskKind1<SharedIntArray, Integer> LENGTH = TaskKind1.register("TypedTaskKindTest.length",
      Codecs.SHARED_INT_ARRAY, (array, context) -> array.length());

  @Test
  void everyArityRunsWithItsArgumentsInOrder() {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("typed submits", () -> {
      assertEquals(2, pool.submit(THREADS).join());
      assertEquals(144L, pool.submit(SQUARE, 12).join());
      assertEquals(4_611_686_014_132_420_609L, pool.submit(SQUARE, Integer.MAX_VALUE).join());
      double[] scaled = pool.submit(SCALE, new Point(1.5, -2), 4.0).join();
      assertEquals(6.0, scaled[0]);
      assertEquals(-8.0, scaled[1]);
      assertEquals("ABABAB", pool.submit(REPEAT, "ab", 3, true).join());
      assertEquals("", pool.submit(REPEAT, "ab", 0, false).join());
      assertEquals(10L - 3 * 0.5f + 0.25, pool.submit(MIX, 10L, 3, 0.5f, 0.25).join());
      executed.set(0);
      executedLatch = new CountDownLatch(5);
      pool.execute(RECORD0);
      pool.execute(RECORD1, 10);
      pool.execute(RECORD2, 100, 1000L);
      pool.execute(RECORD3, 10_000, 100_000L, 1_000_000);
      pool.execute(RECORD4, 10_000_000, 100_000_000L, 1_000_000_000, 10_000_000_000L);
      StressSupport.await(executedLatch, "five executed typed tasks");
      assertEquals(11_111_111_111L, executed.get());
    });
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void aRecursiveKindSubmitsItselfAndMatchesThePositionalOne() {
    for (Heaps heaps : Heaps.values()) {
      JvmThreads threads = heaps.start(2);
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      StressSupport.within("typed fib on " + heaps, () -> {
        assertEquals(6765L, pool.submit(FIB, 20).join());
        assertEquals(pool.submit(POSITIONAL_FIB, 22).join(), pool.submit(FIB, 22).join());
        assertEquals(-5L, pool.submit(FIB, -5).join()); // n < 2 returns n
      });
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  @Test
  void theContextIsTheRunningTasksPoolAndTheUntypedKindIsRegisteredUnderTheName() {
    assertEquals("TypedTaskKindTest.square", SQUARE.untyped().name());
    assertEquals(1, SQUARE.width());
    assertEquals(5, CodecRoundTripTest.SEGMENT.width());
    assertEquals(3, SCALE.width());
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("context", () -> {
      assertEquals(1, pool.submit(THREADS).join());
      // The positional kind runs the typed body when given exactly the values the codecs write.
      assertEquals(49L, pool.submit(SQUARE.untyped(), 7).join());
      double[] scaled = pool.submit(SCALE.untyped(), 1.0, 2.0, 3.0).join();
      assertEquals(6.0, scaled[1]);
    });
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void codecsThatWriteMoreOrLessThanDeclaredAreRefusedAtSubmitNamingTheCounts() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    int inUse = pool.arenaWordsInUse();
    assertThrowsWith(IllegalStateException.class, () -> pool.submit(WITH_WRITES_THREE, new Point(1, 2)),
        "codec WritesThree", "task 'TypedTaskKindTest.writesThree' argument 0", "declares 2 values",
        "wrote 3");
    assertThrowsWith(IllegalStateException.class, () -> pool.execute(WITH_WRITES_ONE, new Point(1, 2)),
        "codec Codec.of(2 values)", "task 'TypedTaskKindTest.writesOne' argument 0", "declares 2 values",
        "wrote 1");
    assertEquals(inUse, pool.arenaWordsInUse(), "a refused submit writes nothing");
    StressSupport.within("the pool still runs", () -> assertEquals(4L, pool.submit(SQUARE, 2).join()));
    StressSupport.shutdownAndClose(pool, threads);
  }

  /** A field codec that writes too much is named; so is an outer codec whose fields overflow it. */
  static final Codec<Point> HOLDS_WRITES_THREE = Codec.of("HoldsWritesThree", 3, (p, out) -> {
    out.write(WRITES_THREE, p);
    out.writeInt(1);
  }, in -> null);
  static final Codec<Point> HOLDS_TWO_POINTS = Codec.of("HoldsTwoPoints", 3, (p, out) -> {
    out.write(CodecRoundTripTest.POINT, p);
    out.write(CodecRoundTripTest.POINT, p);
  }, in -> null);
  static final TaskKind1<Point, String> WITH_NESTED_ERRORS = TaskKind1.register("TypedTaskKindTest.nested",
      HOLDS_WRITES_THREE, (p, context) -> "ran");
  static final TaskKind2<Point, Point, String> WITH_OVERFLOWING_FIELDS = TaskKind2.register(
      "TypedTaskKindTest.overflowingFields", CodecRoundTripTest.POINT, HOLDS_TWO_POINTS, (p, q, context) -> "ran");

  @Test
  void nestedCodecsAreCountedAgainstTheirOwnAndTheEnclosingWidth() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    assertThrowsWith(IllegalStateException.class, () -> pool.submit(WITH_NESTED_ERRORS, new Point(1, 2)),
        "codec WritesThree (task 'TypedTaskKindTest.nested' argument 0) declares 2 values but its writer wrote 3");
    assertThrowsWith(IllegalStateException.class,
        () -> pool.submit(WITH_OVERFLOWING_FIELDS, new Point(0, 0), new Point(1, 2)),
        "codec HoldsTwoPoints (task 'TypedTaskKindTest.overflowingFields' argument 1) declares 3 values but its "
            + "writer wrote 4");
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void readersThatReadMoreOrLessThanDeclaredFailTheTaskNamingTheCounts() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("reader width", () -> {
      TaskFailedException fewer = TestAssertions.failureOf(pool.submit(WITH_READS_ONE, new Point(1, 2)));
      assertMessageContains(fewer, "codec ReadsOne", "argument 0", "declares 2 values", "read 1");
      TaskFailedException more = TestAssertions.failureOf(pool.submit(WITH_READS_THREE, new Point(1, 2), 3));
      // It read the next argument's value: as a double, so its type check stops it first.
      assertMessageContains(more, "task 'TypedTaskKindTest.readsThree' argument 0");
      TaskFailedException pastEnd = TestAssertions.failureOf(
          pool.submit(WITH_READS_THREE_LAST, new Point(1, 2)));
      assertMessageContains(pastEnd, "codec ReadsThree", "declares 2 values and failed after reading them",
          "argument 2 was read, but only 2 were passed", "does its reader read more than its writer writes?");
    });
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void wrongArgumentsThroughRawTypesAreRefusedAtSubmitNamingKindPositionAndType() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    TaskKind2 raw = SCALE;
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(raw, "not a point", 2.0),
        "task 'TypedTaskKindTest.scale' argument 0", "is a java.lang.String", "codec is Point");
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(raw, new Point(1, 1), 2),
        "task 'TypedTaskKindTest.scale' argument 1", "is a java.lang.Integer", "codec is double");
    TaskKind1 rawSquare = SQUARE;
    assertThrowsWith(IllegalArgumentException.class, () -> pool.execute(rawSquare, 2L),
        "task 'TypedTaskKindTest.square' argument 0", "is a java.lang.Long", "codec is int");
    TaskKind4 rawMix = MIX;
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(rawMix, 1L, 2, 3.0, 4.0),
        "task 'TypedTaskKindTest.mix' argument 2", "is a java.lang.Double", "codec is float");
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void wrongPositionalArgumentsFailTheTaskNamingKindPositionAndCodec() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    StressSupport.within("positional misuse", () -> {
      // A record passed positionally cannot even be encoded: refused at submit.
      assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(SCALE.untyped(), 2.0, new Point(1, 1)),
          "task 'TypedTaskKindTest.scale' argument 1", "cannot be carried");
      TaskFailedException wrongType = TestAssertions.failureOf(pool.submit(SCALE.untyped(), 1.0, 2.0, "3"));
      assertMessageContains(wrongType, "task 'TypedTaskKindTest.scale' argument 1 (codec double",
          "is a String, but was read as double", "pool.submit(kind, ...)");
      TaskFailedException tooFew = TestAssertions.failureOf(pool.submit(SCALE.untyped(), 1.0, 2.0));
      assertMessageContains(tooFew, "argument 1 (codec double", "could not be read", "only 2 were passed");
      TaskFailedException tooMany = TestAssertions.failureOf(pool.submit(SQUARE.untyped(), 1, 2));
      assertMessageContains(tooMany, "task 'TypedTaskKindTest.square' received more values than its codecs "
          + "take (1)");
      // A sole int argument is read without the codec's indirection; its errors read the same.
      TaskFailedException notAnInt = TestAssertions.failureOf(pool.submit(SQUARE.untyped(), "7"));
      assertMessageContains(notAnInt, "task 'TypedTaskKindTest.square' argument 0 (codec int",
          "is a String, but was read as int");
      TaskFailedException noInt = TestAssertions.failureOf(pool.submit(SQUARE.untyped()));
      assertMessageContains(noInt, "argument 0 (codec int", "could not be read", "only 0 were passed");
      TaskFailedException swappedMix = TestAssertions.failureOf(pool.submit(MIX.untyped(), 1, 2L, 3f, 4.0));
      assertMessageContains(swappedMix, "argument 0 (codec long", "is a int, but was read as long");
    });
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void nullsAreRefusedAtSubmitWhereTheCodecCannotCarryThem() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(SQUARE, null),
        "task 'TypedTaskKindTest.square' argument 0 is null", "codec int cannot carry null");
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(SCALE, null, 1.0),
        "argument 0 is null", "codec Point cannot carry null");
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(MIX, 1L, 2, 3f, null),
        "argument 3 is null", "codec double cannot carry null");
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(LENGTH, null),
        "argument 0 is null", "codec SharedIntArray cannot carry null");
    assertThrowsWith(IllegalArgumentException.class,
        () -> pool.submit(CodecRoundTripTest.DESCRIBE, new Point(0, 0),
            new CodecRoundTripTest.Segment(null, new Point(1, 1), "x")),
        "codec Segment", "argument 1", "null field with codec Point");
    assertThrowsWith(NullPointerException.class, () -> pool.submit((TaskKind1<Integer, Long>) null, 1),
        "task kind is null");
    StressSupport.shutdownAndClose(pool, threads);
  }

  @Test
  void sharedArraysKeepTheirLifetimeRulesThroughTypedKinds() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    JvmThreads otherThreads = JvmThreads.start(1);
    ThreadPool other = ThreadPool.create(otherThreads, otherThreads.workerIds());
    StressSupport.within("shared arrays", () -> assertEquals(5, pool.submit(LENGTH, pool.newSharedIntArray(5)).join()));
    SharedIntArray foreign = other.newSharedIntArray(3);
    assertThrows(IllegalArgumentException.class, () -> pool.submit(LENGTH, foreign));
    SharedIntArray freed = pool.newSharedIntArray(3);
    freed.free();
    assertThrowsWith(IllegalArgumentException.class, () -> pool.submit(LENGTH, freed), "argument 0", "freed");
    StressSupport.shutdownAndClose(pool, threads);
    StressSupport.shutdownAndClose(other, otherThreads);
  }

  @Test
  void badRegistrationsAreRefusedWithTheFix() {
    assertThrowsWith(IllegalArgumentException.class,
        () -> TaskKind1.register("TypedTaskKindTest.noCodec", null, (Integer n, org.webthreads.TaskContext c) -> n),
        "'TypedTaskKindTest.noCodec' argument 0 has no codec");
    assertThrowsWith(IllegalArgumentException.class,
        () -> TaskKind2.register("TypedTaskKindTest.noBody", Codecs.INT, Codecs.INT, null), "needs a body");
    assertThrowsWith(IllegalArgumentException.class,
        () -> TaskKind1.recursive("TypedTaskKindTest.nullFactory", Codecs.INT, null), "needs a body");
    assertThrowsWith(IllegalArgumentException.class,
        () -> TaskKind1.recursive("TypedTaskKindTest.factoryReturnsNull", Codecs.INT, self -> null),
        "needs a body");
    assertThrowsWith(IllegalStateException.class,
        () -> TaskKind1.register("TypedTaskKindTest.square", Codecs.INT, (n, c) -> n), "registered twice");
    assertThrowsWith(IllegalArgumentException.class, () -> TaskKind0.register("", c -> 1), "non-empty name");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Codec.of("Empty", 0, (Point p, CodecOutput out) -> { }, in -> null),
        "codec Empty declares 0 values", "1 to 65536");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Codec.of("Huge", Integer.MAX_VALUE, (Point p, CodecOutput out) -> { }, in -> null),
        "codec Huge declares 2147483647 values", "put more in an array");
    Codec<Point> wide = Codec.of("Wide", Codec.MAX_WIDTH, (p, out) -> { }, in -> null);
    assertThrowsWith(IllegalArgumentException.class,
        () -> TaskKind2.register("TypedTaskKindTest.tooWide", wide, wide, (a, b, c) -> 1),
        "'TypedTaskKindTest.tooWide' takes 131072 values in all");
    assertThrowsWith(IllegalArgumentException.class,
        () -> Codec.of(null, 1, (Point p, CodecOutput out) -> { }, in -> null), "non-empty name");
    assertThrowsWith(IllegalArgumentException.class, () -> Codec.<Point>of("NoReader", 1, (p, out) -> { }, null),
        "needs a writer and a reader");
    // A refused registration leaves its name free.
    TaskKind0<Integer> later = TaskKind0.register("TypedTaskKindTest.factoryReturnsNull", c -> 1);
    assertSame(later.untyped(), later.untyped());
  }
}
