package org.webthreads.examples.pathtracer.web;

import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.FrameSink;

/**
 * The tile task's work (sums and display colours) on plain arrays of one thread's own, for
 * {@link OwnFramesTask}: the same per-pixel cost as the shared path without any shared memory.
 */
final class PrivateFrameSink implements FrameSink {
  final int[] sums;
  final int[] display;
  private final int width;
  /** The passes the display colours average over; set before each pass. */
  int passes = 1;

  PrivateFrameSink(int width, int height) {
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
