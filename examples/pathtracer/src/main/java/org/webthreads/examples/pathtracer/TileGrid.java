package org.webthreads.examples.pathtracer;

/**
 * A frame cut into square tiles of {@code tileSize} pixels (narrower in the last column, shorter in the
 * last row), numbered row by row from the top left: the order in which every runner submits them. The
 * pixels do not depend on the tile size or order (see {@link Tracer}); the grid only says which task
 * renders which pixels.
 */
public final class TileGrid {
  private final int frameWidth;
  private final int frameHeight;
  private final int tileSize;
  private final int columns;
  private final int rows;

  public TileGrid(int frameWidth, int frameHeight, int tileSize) {
    if (frameWidth <= 0 || frameHeight <= 0 || tileSize <= 0) {
      throw new IllegalArgumentException("a tile grid needs a positive frame size and tile size, was "
          + frameWidth + " x " + frameHeight + " in tiles of " + tileSize);
    }
    this.frameWidth = frameWidth;
    this.frameHeight = frameHeight;
    this.tileSize = tileSize;
    this.columns = (frameWidth - 1) / tileSize + 1;
    this.rows = (frameHeight - 1) / tileSize + 1;
    if ((long) columns * rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(columns + " x " + rows + " tiles are too many to number: use a "
          + "larger tile than " + tileSize);
    }
  }

  public int frameWidth() {
    return frameWidth;
  }

  public int frameHeight() {
    return frameHeight;
  }

  public int tileSize() {
    return tileSize;
  }

  public int columns() {
    return columns;
  }

  public int rows() {
    return rows;
  }

  /** Tiles per pass. */
  public int count() {
    return columns * rows;
  }

  /** Tile {@code index} (0 .. {@link #count()} - 1), row by row. */
  public Tile tile(int index) {
    if (index < 0 || index >= count()) {
      throw new IndexOutOfBoundsException("tile " + index + " of a grid of " + count() + " tiles ("
          + columns + " x " + rows + ")");
    }
    int x0 = index % columns * tileSize;
    int y0 = index / columns * tileSize;
    // no Math.min: the pure renderer keeps to the Math functions that agree with JavaScript (PurityTest)
    int width = frameWidth - x0 < tileSize ? frameWidth - x0 : tileSize;
    int height = frameHeight - y0 < tileSize ? frameHeight - y0 : tileSize;
    return new Tile(x0, y0, width, height);
  }

  @Override
  public String toString() {
    return frameWidth + " x " + frameHeight + " in tiles of " + tileSize;
  }
}
