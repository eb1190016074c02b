package org.webthreads.web.selftest;

import org.webthreads.Codec;
import org.webthreads.Codecs;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind1;
import org.webthreads.TaskKind3;
import org.webthreads.ThreadPool;
import org.webthreads.web.WebFutures;

/**
 * Self-test scenario "typedKinds": typed kinds with a record codec in WasmGC, submitted from the page
 * and from workers: a three-argument kind of two points and a label; a recursive kind over a record
 * range that splits itself on the workers (typed submits from a worker); a typed recursive fib on the
 * one-int path; a codec that writes more than it declared (refused at the page's submit) and values
 * of the wrong type through the positional kind (the task fails naming the argument and codec).
 */
final class TypedKindScenario {
  private TypedKindScenario() {
  }

  record Point(double x, double y) {
  }

  /** A half-open range of longs to sum. */
  record Range(long from, long to) {
  }

  static final Codec<Point> POINT = Codec.of("Point", 2, (p, out) -> {
    out.writeDouble(p.x());
    out.writeDouble(p.y());
  }, in -> new Point(in.readDouble(), in.readDouble()));

  static final Codec<Range> RANGE = Codec.of("Range", 2, (r, out) -> {
    out.writeLong(r.from());
    out.writeLong(r.to());
  }, in -> new Range(in.readLong(), in.readLong()));

  /** Declares 2 values and writes 3. */
  static final Codec<Point> OVERWRITING = Codec.of("Overwriting", 2, (p, out) -> {
    out.writeDouble(p.x());
    out.writeDouble(p.y());
    out.writeDouble(p.x());
  }, in -> new Point(in.readDouble(), in.readDouble()));

  /** label + ":" + the distance between the points. */
  static final TaskKind3<Point, Point, String, String> DISTANCE = TaskKind3.register("selftest.typedDistance",
      POINT, POINT, Codecs.STRING, (a, b, label, context) -> label + ":" + distance(a, b));

  /** Sums a range, splitting it in two typed tasks (submitted from the worker) above 64 numbers. */
  static final TaskKind1<Range, Long> SUM = TaskKind1.recursive("selftest.typedSum", RANGE, self -> (range, context) -> {
    long length = range.to() - range.from();
    if (length <= 64) {
      long sum = 0;
      for (long i = range.from(); i < range.to(); i++) {
        sum += i;
      }
      return sum;
    }
    long middle = range.from() + length / 2;
    ThreadPool pool = context.pool();
    TaskFuture<Long> left = pool.submit(self, new Range(range.from(), middle));
    long right = pool.submit(self, new Range(middle, range.to())).join();
    return left.join() + right;
  });

  static final TaskKind1<Integer, Long> FIB = TaskKind1.recursive("selftest.typedFib", Codecs.INT,
      self -> (n, context) -> {
        if (n < 2) {
          return (long) n;
        }
        TaskFuture<Long> left = context.pool().submit(self, n - 1);
        long right = context.pool().submit(self, n - 2).join();
        return left.join() + right;
      });

  static final TaskKind1<Point, String> OVERWRITES = TaskKind1.register("selftest.typedOverwrites", OVERWRITING,
      (p, context) -> "ran");

  private static double distance(Point a, Point b) {
    double dx = b.x() - a.x();
    double dy = b.y() - a.y();
    return Math.sqrt(dx * dx + dy * dy);
  }

  static void register() {
    if (DISTANCE == null || SUM == null || FIB == null || OVERWRITES == null) {
      throw new IllegalStateException("typed self-test kinds not registered");
    }
  }

  static void run(BrowserSelfTest.Result r, ThreadPool pool) {
    String refused;
    try {
      pool.submit(OVERWRITES, new Point(1, 2));
      refused = "a codec writing 3 of 2 values was accepted";
    } catch (IllegalStateException e) {
      refused = e.getMessage().contains("declares 2 values but its writer wrote 3") ? "" : e.getMessage();
    }
    String refusedAtSubmit = refused;
    TaskFuture<String> distance = pool.submit(DISTANCE, new Point(1, 1), new Point(4, 5), "d");
    TaskFuture<Long> sum = pool.submit(SUM, new Range(0, 10_000));
    TaskFuture<Long> fib = pool.submit(FIB, 18);
    TaskFuture<String> swapped = pool.submit(DISTANCE.untyped(), 1.0, 1.0, "d", 4.0, 5.0);
    WebFutures.whenDone(distance, () -> WebFutures.whenDone(sum, () -> WebFutures.whenDone(fib,
        () -> WebFutures.whenDone(swapped, () -> {
          String misuse;
          try {
            misuse = "the positional submit with a String for a Point ran: " + swapped.join();
          } catch (TaskFailedException e) {
            misuse = e.getMessage();
          }
          String detail = "distance " + distance.join() + ", sum " + sum.join() + ", fib(18) " + fib.join()
              + ", positional misuse: " + misuse + refusedAtSubmit;
          r.check((distance.join().equals("d:5") || distance.join().equals("d:5.0"))
              && sum.join() == 49_995_000L && fib.join() == 2584L
              && misuse.contains("task 'selftest.typedDistance' argument 1 (codec Point")
              && refusedAtSubmit.isEmpty(), detail);
        }))));
  }
}
