package org.webthreads.examples.pitch;

/** The RMS level of a run of samples in dBFS: {@code 20 log10(sqrt(mean(x^2)))}, 0 dBFS = RMS 1.0. */
public final class RmsLevel {
  private RmsLevel() {
  }

  /** The level of {@code x[offset .. offset + length)}; {@code -Infinity} for all zeros. */
  public static double dbfs(float[] x, int offset, int length) {
    double sum = 0;
    for (int j = offset; j < offset + length; j++) {
      sum += (double) x[j] * x[j];
    }
    return fromMeanSquare(sum / length);
  }

  /** The level of a mean square value. */
  public static double fromMeanSquare(double meanSquare) {
    return meanSquare > 0 ? 10 * Math.log10(meanSquare) : Double.NEGATIVE_INFINITY;
  }
}
