package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSObject;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.Tile;
import org.webthreads.examples.pathtracer.TileGrid;
import org.webthreads.examples.pathtracer.Tracer;
import org.webthreads.examples.pathtracer.tiles.SceneCache;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskKind;

/**
 * {@code tracer.ownFrames}, the benchmark's reference for what the cores give with no coordination at
 * all ({@link IndependentRender}): payload {@code {id, width, height, tile, passes}}; the worker renders
 * every pass of the whole frame alone, tile by tile in the page's order, into sums and display colours
 * of its own ({@link PrivateFrameSink}: no shared memory, no scheduler, no other thread involved). Sent
 * to every worker at once, it measures how the cores themselves scale with this renderer. Result:
 * {@code {passMillis: [...], sumsChecksum}}, the checksum being that of the shared path's frame (same
 * samples).
 */
final class OwnFramesTask {
  static final JsTaskKind KIND = JsTaskKind.register("tracer.ownFrames", (payload, context) -> {
    Tracer tracer = SceneCache.tracerFor(JsPayload.intField(payload, "id"), null);
    int width = JsPayload.intField(payload, "width");
    int height = JsPayload.intField(payload, "height");
    TileGrid grid = new TileGrid(width, height, JsPayload.intField(payload, "tile"));
    int passes = JsPayload.intField(payload, "passes");
    PrivateFrameSink sink = new PrivateFrameSink(width, height);
    JSObject times = JsObjects.newArray();
    for (int pass = 0; pass < passes; pass++) {
      sink.passes = pass + 1;
      long start = System.nanoTime();
      for (int k = 0; k < grid.count(); k++) {
        Tile tile = grid.tile(k);
        tracer.renderTile(width, height, tile.x0(), tile.y0(), tile.width(), tile.height(), pass, sink);
      }
      JsObjects.push(times, JsObjects.number((System.nanoTime() - start) / 1e6));
    }
    JSObject result = JsObjects.newObject();
    JsObjects.set(result, "passMillis", times);
    JsObjects.set(result, "sumsChecksum", Accumulation.hex(Accumulation.checksum(sink.sums)));
    return result;
  });

  private OwnFramesTask() {
  }
}
