package org.webthreads.examples.pathtracer.web;

import org.webthreads.examples.pathtracer.Tile;

/**
 * The box around the tiles that changed since the canvas was last drawn: one image copy covers them
 * all (with small tiles, one copy per tile cost the page, and so the workers, more than the copying
 * itself). Empty when nothing changed.
 */
final class DirtyBox {
  private int left;
  private int top;
  private int right;
  private int bottom;

  DirtyBox() {
    clear();
  }

  void add(Tile tile) {
    left = Math.min(left, tile.x0());
    top = Math.min(top, tile.y0());
    right = Math.max(right, tile.right());
    bottom = Math.max(bottom, tile.bottom());
  }

  boolean isEmpty() {
    return right <= left;
  }

  void clear() {
    left = Integer.MAX_VALUE;
    top = Integer.MAX_VALUE;
    right = 0;
    bottom = 0;
  }

  int left() {
    return left;
  }

  int top() {
    return top;
  }

  int width() {
    return right - left;
  }

  int height() {
    return bottom - top;
  }
}
