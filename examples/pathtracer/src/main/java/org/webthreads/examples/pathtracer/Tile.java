package org.webthreads.examples.pathtracer;

/**
 * A rectangle of a frame's pixels that one task renders: columns {@code x0 .. x0 + width - 1} and rows
 * {@code y0 .. y0 + height - 1}, in frame coordinates (y growing downwards). {@link TileGrid} makes them.
 */
public record Tile(int x0, int y0, int width, int height) {
  /** The column after the tile's last one. */
  public int right() {
    return x0 + width;
  }

  /** The row after the tile's last one. */
  public int bottom() {
    return y0 + height;
  }

  public int pixels() {
    return width * height;
  }
}
