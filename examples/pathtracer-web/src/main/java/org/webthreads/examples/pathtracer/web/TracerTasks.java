package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskKind;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.FrameSink;
import org.webthreads.examples.pathtracer.SceneCodec;
import org.webthreads.examples.pathtracer.Tracer;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskKind;
import org.webthreads.web.WebThreads;

/**
 * The path tracer's tasks in the browser. Registered on every thread (main runs on the page and in
 * every worker) before {@link WebThreads#start}.
 *
 * <ul>
 * <li>{@link #SCENE}, a JS task sent once to every worker: payload {@code {id, data}} with the scene
 *     encoded by {@link SceneCodec} in a {@code Float64Array}; the worker decodes it and keeps a
 *     {@link Tracer} for it in a static.
 * <li>{@link #TILE}, a pure task (shared memory only): ints plus three {@link SharedIntArray}s. It
 *     adds one sample per pixel of its tile into the frame's fixed-point sums, writes the pixels'
 *     display colours (packed RGBA, averaged over pass + 1 passes) and counts itself in the per-thread
 *     activity figures.
 * <li>{@link #TILE_PIXELS}, the same tile as a JS task for the postMessage comparison: it returns the
 *     tile's sums in an {@code Int32Array} (transferred back) instead of writing shared memory.
 * <li>{@link #OWN_FRAMES}, the benchmark's reference for what the cores give with no coordination at
 *     all: one JS task per worker that renders every pass of the whole frame by itself.
 * </ul>
 */
public final class TracerTasks {
  /** Words per thread in the activity array: tiles rendered, microseconds spent rendering. */
  public static final int ACTIVITY_STRIDE = 2;
  /** Ints after a {@link #TILE_PIXELS} result's samples: the rendering thread's id and its microseconds. */
  public static final int TILE_PIXELS_TRAILER = 2;

  private static int sceneId;
  private static Tracer tracer;

  static final JsTaskKind SCENE = JsTaskKind.register("tracer.scene", (payload, context) -> {
    int id = intField(payload, "id");
    JSObject data = field(payload, "data");
    if (!isFloat64Array(data)) {
      throw new IllegalArgumentException("tracer.scene: payload.data must be a Float64Array");
    }
    int length = length(data);
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = doubleAt(data, i);
    }
    tracer = new Tracer(SceneCodec.decode(values));
    sceneId = id;
    return number(length);
  });

  /** Words of the pass's progress array before its list of finished tiles. */
  static final int PROGRESS_HEADER = 3;

  /**
   * Arguments: progress, tile index, scene id, frame width, height, tile x0, y0, w, h, pass, sums (3
   * ints per pixel), display (1 packed RGBA int per pixel), activity ({@link #ACTIVITY_STRIDE} ints per
   * thread id). Progress is [tiles left, finished count, first failed tile + 1, then the
   * finished tiles' indices + 1 in the order they finished]: the page draws from that list and learns
   * the end of the pass from the count reaching 0 (notified), with no future per tile.
   */
  static final TaskKind<Integer> TILE = TaskKind.register("tracer.webTile", (args, pool) -> {
    SharedIntArray progress = args.readSharedIntArray();
    int tile = args.readInt();
    try {
      return renderTile(args);
    } catch (RuntimeException e) {
      progress.compareAndSet(2, 0, tile + 1);
      throw e;
    } finally {
      // Claims a place in the finished list, then fills it: the page stops at a place still 0.
      int place = progress.getAndAdd(1, 1);
      progress.set(PROGRESS_HEADER + place, tile + 1);
      if (progress.getAndAdd(0, -1) == 1) {
        progress.notifyWaiters(0); // the last tile of the pass: wakes the page's waitAsync
      }
    }
  });

  private static int renderTile(org.webthreads.TaskInput args) {
    int id = args.readInt();
    int frameWidth = args.readInt();
    int frameHeight = args.readInt();
    int x0 = args.readInt();
    int y0 = args.readInt();
    int w = args.readInt();
    int h = args.readInt();
    int pass = args.readInt();
    SharedIntArray sums = args.readSharedIntArray();
    SharedIntArray display = args.readSharedIntArray();
    SharedIntArray activity = args.readSharedIntArray();
    Tracer t = tracerFor(id);
    if (sums.length() != frameWidth * frameHeight * 3 || display.length() != frameWidth * frameHeight) {
      throw new IllegalArgumentException("tracer.webTile: sums hold " + sums.length() + " and display "
          + display.length() + " ints; a " + frameWidth + " x " + frameHeight + " frame needs "
          + frameWidth * frameHeight * 3 + " and " + frameWidth * frameHeight);
    }
    if (pass >= Accumulation.MAX_PASSES) {
      throw new IllegalArgumentException("tracer.webTile: pass " + pass + " would overflow the sums (at most "
          + Accumulation.MAX_PASSES + " passes)");
    }
    long start = System.nanoTime();
    t.renderTile(frameWidth, frameHeight, x0, y0, w, h, pass, new SharedSink(sums, display, frameWidth, pass + 1));
    int micros = (int) ((System.nanoTime() - start) / 1000);
    int thread = WebThreads.threadId();
    if ((thread + 1) * ACTIVITY_STRIDE <= activity.length()) {
      activity.getAndAdd(thread * ACTIVITY_STRIDE, 1);
      activity.getAndAdd(thread * ACTIVITY_STRIDE + 1, micros);
    }
    return w * h;
  }

  /**
   * Payload {@code {id, width, height, x0, y0, w, h, pass}}; result: an Int32Array of the tile's
   * quantized samples (3 per pixel, row by row) followed by {@link #TILE_PIXELS_TRAILER} ints (thread
   * id, microseconds spent), transferred back to the sender.
   */
  static final JsTaskKind TILE_PIXELS = JsTaskKind.register("tracer.tilePixels", (payload, context) -> {
    Tracer t = tracerFor(intField(payload, "id"));
    int frameWidth = intField(payload, "width");
    int frameHeight = intField(payload, "height");
    int x0 = intField(payload, "x0");
    int y0 = intField(payload, "y0");
    int w = intField(payload, "w");
    int h = intField(payload, "h");
    int pass = intField(payload, "pass");
    JSObject out = newInt32Array(w * h * 3 + TILE_PIXELS_TRAILER);
    long start = System.nanoTime();
    t.renderTile(frameWidth, frameHeight, x0, y0, w, h, pass, (x, y, r, g, b) -> {
      int i = ((y - y0) * w + (x - x0)) * 3;
      setInt(out, i, Accumulation.quantize(r));
      setInt(out, i + 1, Accumulation.quantize(g));
      setInt(out, i + 2, Accumulation.quantize(b));
    });
    // The trailer: who rendered the tile and for how long, for the page's activity figures.
    setInt(out, w * h * 3, WebThreads.threadId());
    setInt(out, w * h * 3 + 1, (int) ((System.nanoTime() - start) / 1000));
    context.transferWithResult(buffer(out));
    return out;
  });

  /**
   * Payload {@code {id, width, height, tile, passes}}: the worker renders every pass of the whole frame
   * alone, tile by tile in the page's order, into sums and display colours of its own (plain arrays: no
   * shared memory, no scheduler, no other thread involved). Sent to every worker at once, it measures
   * how the cores themselves scale with this renderer. Result: {@code {passMillis: [...],
   * sumsChecksum}}, the checksum being that of the shared path's frame (same samples).
   */
  static final JsTaskKind OWN_FRAMES = JsTaskKind.register("tracer.ownFrames", (payload, context) -> {
    Tracer t = tracerFor(intField(payload, "id"));
    int width = intField(payload, "width");
    int height = intField(payload, "height");
    int tile = intField(payload, "tile");
    int passes = intField(payload, "passes");
    PrivateSink sink = new PrivateSink(width, height);
    JSObject times = JsObjects.newArray();
    for (int pass = 0; pass < passes; pass++) {
      sink.passes = pass + 1;
      long start = System.nanoTime();
      for (int y = 0; y < height; y += tile) {
        for (int x = 0; x < width; x += tile) {
          int w = Math.min(tile, width - x);
          int h = Math.min(tile, height - y);
          t.renderTile(width, height, x, y, w, h, pass, sink);
        }
      }
      JsObjects.push(times, JsObjects.number((System.nanoTime() - start) / 1e6));
    }
    JSObject result = JsObjects.newObject();
    JsObjects.set(result, "passMillis", times);
    JsObjects.set(result, "sumsChecksum", Accumulation.hex(Accumulation.checksum(sink.sums)));
    return result;
  });

  private TracerTasks() {
  }

  /** Makes sure the kinds above are registered (call from main on every thread). */
  static void register() {
    if (SCENE == null || TILE == null || TILE_PIXELS == null || OWN_FRAMES == null) {
      throw new IllegalStateException("tracer task kinds not registered");
    }
  }

  private static Tracer tracerFor(int id) {
    if (tracer == null || sceneId != id) {
      throw new IllegalStateException("worker " + WebThreads.threadId() + " has no scene " + id
          + (tracer == null ? " (no tracer.scene JS task reached it)" : " (it holds scene " + sceneId + ")")
          + ": send tracer.scene to every worker before tile tasks");
    }
    return tracer;
  }

  /** Adds fixed-point samples to the shared sums and stores the pixel's display colour. */
  static final class SharedSink implements FrameSink {
    private final SharedIntArray sums;
    private final SharedIntArray display;
    private final int width;
    private final int passes;

    SharedSink(SharedIntArray sums, SharedIntArray display, int width, int passes) {
      this.sums = sums;
      this.display = display;
      this.width = width;
      this.passes = passes;
    }

    @Override
    public void add(int x, int y, double r, double g, double b) {
      int p = y * width + x;
      int i = p * 3;
      // Each tile owns its pixels and passes run one after another, but an atomic add costs the same
      // one call as a plain load or store, and keeps the sums right whatever the schedule.
      int qr = Accumulation.quantize(r);
      int qg = Accumulation.quantize(g);
      int qb = Accumulation.quantize(b);
      int sr = sums.getAndAdd(i, qr) + qr;
      int sg = sums.getAndAdd(i + 1, qg) + qg;
      int sb = sums.getAndAdd(i + 2, qb) + qb;
      display.set(p, pack(sr, sg, sb, passes));
    }
  }

  /** {@link SharedSink}'s work on plain arrays of one thread's own. */
  static final class PrivateSink implements FrameSink {
    final int[] sums;
    final int[] display;
    private final int width;
    int passes = 1;

    PrivateSink(int width, int height) {
      this.sums = new int[width * height * 3];
      this.display = new int[width * height];
      this.width = width;
    }

    @Override
    public void add(int x, int y, double r, double g, double b) {
      int p = y * width + x;
      int i = p * 3;
      int sr = sums[i] += Accumulation.quantize(r);
      int sg = sums[i + 1] += Accumulation.quantize(g);
      int sb = sums[i + 2] += Accumulation.quantize(b);
      display[p] = pack(sr, sg, sb, passes);
    }
  }

  /** The display colour of a pixel as one int whose little-endian bytes are R, G, B, 255. */
  static int pack(int sumR, int sumG, int sumB, int passes) {
    return Accumulation.toByte(sumR, passes) | Accumulation.toByte(sumG, passes) << 8
        | Accumulation.toByte(sumB, passes) << 16 | 0xFF << 24;
  }

  @JSBody(params = {"o", "k"}, script = "const v = o ? o[k] : undefined;"
      + " if (typeof v !== 'number' || (v | 0) !== v) throw new Error('tracer: payload.' + k + ' must be an int, was ' + v);"
      + " return v;")
  static native int intField(JSObject o, String k);

  @JSBody(params = {"o", "k"}, script = "return o ? o[k] : undefined;")
  static native JSObject field(JSObject o, String k);

  @JSBody(params = "a", script = "return a instanceof Float64Array;")
  static native boolean isFloat64Array(JSObject a);

  @JSBody(params = "a", script = "return a.length;")
  static native int length(JSObject a);

  @JSBody(params = {"a", "i"}, script = "return a[i];")
  static native double doubleAt(JSObject a, int i);

  @JSBody(params = "n", script = "return new Int32Array(n);")
  static native JSObject newInt32Array(int n);

  @JSBody(params = {"a", "i", "v"}, script = "a[i] = v;")
  static native void setInt(JSObject a, int i, int v);

  @JSBody(params = "a", script = "return a.buffer;")
  static native JSObject buffer(JSObject a);

  @JSBody(params = "v", script = "return v;")
  static native JSObject number(int v);
}
