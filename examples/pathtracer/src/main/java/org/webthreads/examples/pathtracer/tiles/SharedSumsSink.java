package org.webthreads.examples.pathtracer.tiles;

import org.webthreads.SharedIntArray;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.FrameSink;

/**
 * Adds samples into a frame's fixed-point sums in shared memory with atomic adds, using the same
 * {@link Accumulation#quantize} as every other platform (so the sums equal a one-thread render's).
 * Samples that quantize to 0 cost no shared-word operation.
 */
final class SharedSumsSink implements FrameSink {
  private final SharedIntArray sums;
  private final int width;

  SharedSumsSink(SharedIntArray sums, int width) {
    this.sums = sums;
    this.width = width;
  }

  @Override
  public void add(int x, int y, double r, double g, double b) {
    int i = (y * width + x) * 3;
    int qr = Accumulation.quantize(r);
    int qg = Accumulation.quantize(g);
    int qb = Accumulation.quantize(b);
    if (qr != 0) {
      sums.getAndAdd(i, qr);
    }
    if (qg != 0) {
      sums.getAndAdd(i + 1, qg);
    }
    if (qb != 0) {
      sums.getAndAdd(i + 2, qb);
    }
  }
}
