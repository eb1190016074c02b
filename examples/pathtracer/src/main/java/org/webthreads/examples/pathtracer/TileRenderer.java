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
    Tracer tracer = new Tracer(scene);
    for (int pass = 0; pass < passes; pass++) {
      for (int y = 0; y < height; y += tile) {
        for (int x = 0; x < width; x += tile) {
          int w = width - x < tile ? width - x : tile;
          int h = height - y < tile ? height - y : tile;
          tracer.renderTile(width, height, x, y, w, h, pass, buffer);
        }
      }
    }
    return buffer;
  }
}
