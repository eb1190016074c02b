package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.FrameSink;
import org.webthreads.examples.pathtracer.SceneCodec;
import org.webthreads.examples.pathtracer.Tile;
import org.webthreads.examples.pathtracer.TileGrid;
import org.webthreads.examples.pathtracer.Tracer;
import org.webthreads.examples.pathtracer.tiles.SceneCache;
import org.webthreads.examples.pathtracer.tiles.TileActivity;
import org.webthreads.examples.pathtracer.tiles.TileTask;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskKind;
import org.webthreads.web.WebThreads;

/**
 * The path tracer's tasks in the browser. Registered on every thread (main runs on the page and in
 * every worker) before {@link WebThreads#start}.
 *
 * <ul>
 * <li>{@link #SCENE}, a JS task sent once to every worker: payload {@code {id, data}} with the scene
 *     encoded by {@link SceneCodec} in a {@code Float64Array}; the worker decodes it and installs it
 *     in its {@link SceneCache}.
 * <li>{@link TileTask}, the path tracer's pure task (shared memory only), the same as on the JVM: it
 *     adds one sample per pixel of its tile into the frame's fixed-point sums, writes the pixels'
 *     display colours (packed RGBA, averaged over pass + 1 passes), counts itself in the per-thread
 *     activity figures and reports to the pass's progress.
 * <li>{@link #TILE_PIXELS}, the same tile as a JS task for the postMessage comparison: it returns the
 *     tile's sums in an {@code Int32Array} (transferred back) instead of writing shared memory.
 * <li>{@link #OWN_FRAMES}, the benchmark's reference for what the cores give with no coordination at
 *     all: one JS task per worker that renders every pass of the whole frame by itself.
 * </ul>
 */
public final class TracerTasks {
  /** Ints after a {@link #TILE_PIXELS} result's samples: the rendering thread's id and its microseconds. */
  public static final int TILE_PIXELS_TRAILER = 2;

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
    SceneCache.install(id, SceneCodec.decode(values));
    return number(length);
  });

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
    TileGrid grid = new TileGrid(width, height, tile);
    JSObject times = JsObjects.newArray();
    for (int pass = 0; pass < passes; pass++) {
      sink.passes = pass + 1;
      long start = System.nanoTime();
      for (int k = 0; k < grid.count(); k++) {
        Tile tt = grid.tile(k);
        t.renderTile(width, height, tt.x0(), tt.y0(), tt.width(), tt.height(), pass, sink);
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

  /** Makes sure the kinds above and the tile task are registered (call from main on every thread). */
  static void register() {
    if (SCENE == null || TileTask.KIND == null || TILE_PIXELS == null || OWN_FRAMES == null) {
      throw new IllegalStateException("tracer task kinds not registered");
    }
    TileActivity.identifyThreadsWith(WebThreads::threadId);
  }

  private static Tracer tracerFor(int id) {
    return SceneCache.tracerFor(id, null);
  }

  /** The tile task's sums and display colours on plain arrays of one thread's own. */
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
      display[p] = Accumulation.packedRgba(sr, sg, sb, passes);
    }
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
