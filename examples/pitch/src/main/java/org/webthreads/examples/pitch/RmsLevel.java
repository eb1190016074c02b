package org.webthreads.examples.pitch;

/** The RMS level of a run of samples in dBFS: {@code 20 log10(sqrt(mean(x^2)))}, 0 dBFS = RMS 1.0. */
public final class RmsLevel {
  private RmsLevel() {
  }

  /** The level of {@code x[offset .. offset + length)}; {@code -Infinity} for all zeros. */
  public static double dbfs(float[] x, int offset, int length) {
    // Four partial sums: independent addition chains run side by side (one chain is latency-bound).
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int end = offset + length;
    int j = offset;
    for (; j + 3 < end; j += 4) {
      double v0 = x[j];
      double v1 = x[j + 1];
      double v2 = x[j + 2];
      double v3 = x[j + 3];
      s0 += v0 * v0;
      s1 += v1 * v1;
      s2 += v2 * v2;
      s3 += v3 * v3;
    }
    for (; j < end; j++) {
      s0 += (double) x[j] * x[j];
    }
    return fromMeanSquare(((s0 + s1) + (s2 + s3)) / length);
  }

  /** The level of a mean square value. */
  public static double fromMeanSquare(double meanSquare) {
    return meanSquare > 0 ? 10 * Math.log10(meanSquare) : Double.NEGATIVE_INFINITY;
  }
}
