package org.webthreads.examples.pathtracer;

/** Convenience entry points; a thread that renders many tiles should keep its own {@link Tracer}. */
public final class TileRenderer {
  private TileRenderer() {
  }

  /**
   * Renders one sample per pixel of the tile (x0, y0, w, h) of a frameWidth x frameHeight frame in
   * pass {@code pass} into {@code sink}. The result depends only on the scene, the frame size, the
   * pixel and the pass.
   */
  public static void renderTile(Scene scene, int frameWidth, int frameHeight, int x0, int y0, int w,
      int h, int pass, FrameSink sink) {
    new Tracer(scene).renderTile(frameWidth, frameHeight, x0, y0, w, h, pass, sink);
  }

  /** Renders passes [0, passes) of the whole frame on the calling thread, in tiles of tile x tile. */
  public static AccumulationBuffer renderFrame(Scene scene, int width, int height, int passes, int tile) {
    if (tile <= 0) {
      throw new IllegalArgumentException("tile size must be positive, was " + tile);
    }
    AccumulationBuffer buffer = new AccumulationBuffer(width, height);
    TileGrid grid = new TileGrid(width, height, tile);
    Tracer tracer = new Tracer(scene);
    for (int pass = 0; pass < passes; pass++) {
      for (int k = 0; k < grid.count(); k++) {
        Tile t = grid.tile(k);
        tracer.renderTile(width, height, t.x0(), t.y0(), t.width(), t.height(), pass, buffer);
      }
    }
    return buffer;
  }
}
