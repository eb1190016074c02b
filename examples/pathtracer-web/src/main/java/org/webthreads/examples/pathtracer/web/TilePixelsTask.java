package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSObject;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.Tracer;
import org.webthreads.examples.pathtracer.tiles.SceneCache;
import org.webthreads.web.JsTaskKind;
import org.webthreads.web.WebThreads;

/**
 * {@code tracer.tilePixels}, one tile as a JS task for the postMessage comparison
 * ({@link PostMessageRender}): payload {@code {id, width, height, x0, y0, w, h, pass}}; the result is
 * an Int32Array of the tile's quantized samples (3 per pixel, row by row) followed by {@link #TRAILER}
 * ints (the rendering thread's id, the microseconds it spent), transferred back to the sender instead
 * of written to shared memory.
 */
final class TilePixelsTask {
  /** Ints after the samples: the rendering thread's id and its microseconds. */
  static final int TRAILER = 2;

  static final JsTaskKind KIND = JsTaskKind.register("tracer.tilePixels", (payload, context) -> {
    Tracer tracer = SceneCache.tracerFor(JsPayload.intField(payload, "id"), null);
    int frameWidth = JsPayload.intField(payload, "width");
    int frameHeight = JsPayload.intField(payload, "height");
    int x0 = JsPayload.intField(payload, "x0");
    int y0 = JsPayload.intField(payload, "y0");
    int w = JsPayload.intField(payload, "w");
    int h = JsPayload.intField(payload, "h");
    int pass = JsPayload.intField(payload, "pass");
    JSObject out = JsPayload.newInt32Array(w * h * 3 + TRAILER);
    long start = System.nanoTime();
    tracer.renderTile(frameWidth, frameHeight, x0, y0, w, h, pass, (x, y, r, g, b) -> {
      int i = ((y - y0) * w + (x - x0)) * 3;
      JsPayload.setInt(out, i, Accumulation.quantize(r));
      JsPayload.setInt(out, i + 1, Accumulation.quantize(g));
      JsPayload.setInt(out, i + 2, Accumulation.quantize(b));
    });
    // The trailer: who rendered the tile and for how long, for the page's activity figures.
    JsPayload.setInt(out, w * h * 3, WebThreads.threadId());
    JsPayload.setInt(out, w * h * 3 + 1, (int) ((System.nanoTime() - start) / 1000));
    context.transferWithResult(JsPayload.buffer(out));
    return out;
  });

  private TilePixelsTask() {
  }
}
