package org.webthreads.examples.pathtracer;

/**
 * A frame's fixed-point sums in a plain {@code int[]} (see {@link Accumulation}), for one thread or for
 * a caller that merges tiles itself. Platform code that shares the sums between threads uses the same
 * {@link Accumulation#quantize} with an atomic add instead.
 */
public final class AccumulationBuffer implements FrameSink {
  private final int width;
  private final int height;
  private final int[] sums;

  public AccumulationBuffer(int width, int height) {
    if (width <= 0 || height <= 0 || (long) width * height * 3 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad frame size " + width + " x " + height);
    }
    this.width = width;
    this.height = height;
    this.sums = new int[width * height * 3];
  }

  @Override
  public void add(int x, int y, double r, double g, double b) {
    int i = (y * width + x) * 3;
    sums[i] += Accumulation.quantize(r);
    sums[i + 1] += Accumulation.quantize(g);
    sums[i + 2] += Accumulation.quantize(b);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The live sums (3 per pixel, row by row). */
  public int[] sums() {
    return sums;
  }

  public byte[] toRgba(int passes) {
    byte[] rgba = new byte[width * height * 4];
    Accumulation.toRgba(sums, width * height, passes, rgba);
    return rgba;
  }
}
