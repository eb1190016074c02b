package org.webthreads.examples.pathtracer.tiles;

import org.webthreads.SharedIntArray;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.FrameSink;

/**
 * Adds samples into a frame's fixed-point sums in shared memory, like {@link SharedSumsSink}, and
 * stores each pixel's display colour ({@link Accumulation#packedRgba}, averaged over {@code passes}) in a
 * second shared array that a page copies to its canvas.
 */
final class SharedDisplaySink implements FrameSink {
  private final SharedIntArray sums;
  private final SharedIntArray display;
  private final int width;
  private final int passes;

  SharedDisplaySink(SharedIntArray sums, SharedIntArray display, int width, int passes) {
    this.sums = sums;
    this.display = display;
    this.width = width;
    this.passes = passes;
  }

  @Override
  public void add(int x, int y, double r, double g, double b) {
    int p = y * width + x;
    int i = p * 3;
    // Each tile owns its pixels and passes run one after another, but an atomic add costs the same
    // one call as a plain load or store, and keeps the sums right whatever the schedule.
    int qr = Accumulation.quantize(r);
    int qg = Accumulation.quantize(g);
    int qb = Accumulation.quantize(b);
    int sr = sums.getAndAdd(i, qr) + qr;
    int sg = sums.getAndAdd(i + 1, qg) + qg;
    int sb = sums.getAndAdd(i + 2, qb) + qb;
    display.set(p, Accumulation.packedRgba(sr, sg, sb, passes));
  }
}
