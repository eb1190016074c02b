package org.webthreads.web.selftest;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.BigInt64Array;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Uint8Array;
import org.webthreads.SharedByteArray;
import org.webthreads.SharedDoubleArray;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.SharedLongArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.web.SharedArrayViews;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebThreads;

/**
 * Self-test scenario "typedArrayViews": every shared array type's JavaScript view (Int32Array,
 * Float32Array, Float64Array, BigInt64Array, Uint8Array from SharedArrayViews) shows what Java wrote,
 * on the page and in a worker's own views; what JavaScript writes through them, on the page and in the
 * worker, is what Java reads; the 64-bit views start on 8 bytes; the page's views stay valid after the
 * shared memory grew; a freed array of each new type has no view.
 */
final class TypedViewScenario {
  private TypedViewScenario() {
  }

  /** What the page's views show after Java's writes. */
  static final String JAVA_WROTE = "int32 7 -8 9 | float32 1.5 -0.25 0 | float64 1.5 -0.25 1e+300 | "
      + "bigint64 -1 -9223372036854775808 1099511627783 | uint8 0 1 127 128 255 85 0 | aligned shared";
  /** What the worker's views show after the page's JavaScript wrote through the page's views. */
  static final String PAGE_JS_WROTE = "int32 70 -8 9 | float32 1.5 -0.25 2.5 | float64 1.5 -0.25 0.125 | "
      + "bigint64 -1 -9223372036854775808 -5 | uint8 200 1 127 128 255 85 0 | aligned shared";

  /**
   * Arguments: the five arrays. Describes them through views the worker makes itself, then writes
   * through those views (int32[2] = 77, float32[1] = 4, float64[1] = -1.5, bigint64[1] = 2^40 + 3,
   * uint8[6] = 9); returns where it ran and what it saw.
   */
  static final TaskKind<String> DESCRIBE_AND_WRITE_IN_WORKER = TaskKind.register("selftest.typedViews",
      (args, pool) -> {
        Int32Array ints = SharedArrayViews.int32(args.readSharedIntArray());
        Float32Array floats = SharedArrayViews.float32(args.readSharedFloatArray());
        Float64Array doubles = SharedArrayViews.float64(args.readSharedDoubleArray());
        BigInt64Array longs = SharedArrayViews.bigInt64(args.readSharedLongArray());
        Uint8Array bytes = SharedArrayViews.uint8(args.readSharedByteArray());
        String seen = describe(ints, floats, doubles, longs, bytes);
        workerWrites(ints, floats, doubles, longs, bytes);
        return (WebThreads.isWorker() ? "worker " + WebThreads.threadId() : "page") + " saw " + seen;
      });

  static void register() {
    if (DESCRIBE_AND_WRITE_IN_WORKER == null) {
      throw new IllegalStateException("selftest.typedViews not registered");
    }
  }

  static void run(BrowserSelfTest.Result r, WebPlatform platform, ThreadPool pool) {
    // An odd-sized array first, so that the next blocks do not all start where a fresh arena would.
    SharedByteArray spacer = pool.newSharedByteArray(5);
    SharedIntArray ints = pool.newSharedIntArray(3);
    SharedFloatArray floats = pool.newSharedFloatArray(3);
    SharedDoubleArray doubles = pool.newSharedDoubleArray(3);
    SharedLongArray longs = pool.newSharedLongArray(3);
    SharedByteArray bytes = pool.newSharedByteArray(7);
    ints.copyFrom(new int[] {7, -8, 9});
    floats.copyFrom(new float[] {1.5f, -0.25f, 0f});
    doubles.copyFrom(new double[] {1.5, -0.25, 1e300});
    longs.copyFrom(new long[] {-1L, Long.MIN_VALUE, (1L << 40) + 7});
    bytes.copyFrom(new byte[] {0, 1, 127, -128, -1, 0x55, 0});
    Int32Array intView = SharedArrayViews.int32(ints);
    Float32Array floatView = SharedArrayViews.float32(floats);
    Float64Array doubleView = SharedArrayViews.float64(doubles);
    BigInt64Array longView = SharedArrayViews.bigInt64(longs);
    Uint8Array byteView = SharedArrayViews.uint8(bytes);
    String onPage = describe(intView, floatView, doubleView, longView, byteView);
    if (!onPage.equals(JAVA_WROTE)) {
      r.fail("the page's views of Java's writes: " + onPage);
      return;
    }
    pageWrites(intView, floatView, doubleView, longView, byteView);
    String javaReads = ints.get(0) + " " + floats.get(2) + " " + doubles.get(2) + " " + longs.get(2) + " "
        + bytes.get(0) + " " + bytes.get(1);
    if (!javaReads.equals("70 2.5 0.125 -5 -56 1")) {
      r.fail("Java read " + javaReads + " after the page's JavaScript wrote 70 2.5 0.125 -5 200 (and kept 1)");
      return;
    }
    TaskFuture<String> task = pool.submit(DESCRIBE_AND_WRITE_IN_WORKER, ints, floats, doubles, longs, bytes);
    WebFutures.whenDone(task, () -> {
      String inWorker = task.join();
      String afterWorker = ints.get(2) + " " + floats.get(1) + " " + doubles.get(1) + " " + longs.get(1) + " "
          + bytes.get(6) + " " + bytes.get(5);
      // Grow the shared memory: the page's old views must still be the arrays' memory.
      platform.allocate(4 << 20);
      longs.set(0, 42);
      doubles.set(0, 2.0);
      bytes.set(3, (byte) 3);
      String afterGrowth = describe(intView, floatView, doubleView, longView, byteView);
      String refused = refusedAfterFree(pool);
      String detail = "page saw " + onPage + "; " + inWorker + "; Java read after the worker: " + afterWorker
          + "; the page's old views after growth: " + afterGrowth + refused;
      r.check(inWorker.startsWith("worker ") && inWorker.endsWith(" saw " + PAGE_JS_WROTE)
          && afterWorker.equals("77 4.0 -1.5 1099511627779 9 85")
          && afterGrowth.equals("int32 70 -8 77 | float32 1.5 4 2.5 | float64 2 -1.5 0.125 | "
              + "bigint64 42 1099511627779 -5 | uint8 200 1 127 3 255 85 9 | aligned shared")
          && refused.isEmpty(), detail);
      spacer.free();
      ints.free();
      floats.free();
      doubles.free();
      longs.free();
      bytes.free();
    });
  }

  /** Empty when a freed array of each new type is refused a view with a message naming the free. */
  private static String refusedAfterFree(ThreadPool pool) {
    SharedDoubleArray doubles = pool.newSharedDoubleArray(2);
    SharedLongArray longs = pool.newSharedLongArray(2);
    SharedByteArray bytes = pool.newSharedByteArray(2);
    doubles.free();
    longs.free();
    bytes.free();
    StringBuilder problems = new StringBuilder();
    try {
      SharedArrayViews.float64(doubles);
      problems.append("; a freed SharedDoubleArray got a view");
    } catch (IllegalStateException e) {
      expectFreed(e, problems);
    }
    try {
      SharedArrayViews.bigInt64(longs);
      problems.append("; a freed SharedLongArray got a view");
    } catch (IllegalStateException e) {
      expectFreed(e, problems);
    }
    try {
      SharedArrayViews.uint8(bytes);
      problems.append("; a freed SharedByteArray got a view");
    } catch (IllegalStateException e) {
      expectFreed(e, problems);
    }
    return problems.toString();
  }

  private static void expectFreed(IllegalStateException e, StringBuilder problems) {
    if (!e.getMessage().contains("freed")) {
      problems.append("; unexpected message: ").append(e.getMessage());
    }
  }

  @JSBody(params = {"i", "f", "d", "l", "u"}, script = "const all = [i, f, d, l, u];"
      + "const aligned = d.byteOffset % 8 === 0 && l.byteOffset % 8 === 0 ? 'aligned' : 'unaligned';"
      + "const shared = all.every(v => v.buffer instanceof SharedArrayBuffer) ? 'shared' : 'not shared';"
      + "return ['int32', 'float32', 'float64', 'bigint64', 'uint8']"
      + ".map((name, k) => name + ' ' + Array.from(all[k]).join(' ')).join(' | ')"
      + " + ' | ' + aligned + ' ' + shared;")
  private static native String describe(Int32Array i, Float32Array f, Float64Array d, BigInt64Array l, Uint8Array u);

  @JSBody(params = {"i", "f", "d", "l", "u"},
      script = "i[0] = 70; f[2] = 2.5; d[2] = 0.125; l[2] = -5n; u[0] = 200;")
  private static native void pageWrites(Int32Array i, Float32Array f, Float64Array d, BigInt64Array l, Uint8Array u);

  @JSBody(params = {"i", "f", "d", "l", "u"},
      script = "i[2] = 77; f[1] = 4; d[1] = -1.5; l[1] = 1099511627779n; u[6] = 9;")
  private static native void workerWrites(Int32Array i, Float32Array f, Float64Array d, BigInt64Array l, Uint8Array u);
}
