package org.webthreads.examples.pitch;

/**
 * YIN's difference function and its cumulative mean normalised form for one frame (A. de Cheveigné and
 * H. Kawahara, "YIN, a fundamental frequency estimator for speech and music", JASA 111(4), 2002,
 * steps 2 and 3), shared by {@link YinPitch} and {@link FrameCandidates}.
 *
 * <p>With a fixed integration window of W samples (the paper's definition, which keeps the function
 * free of a trend in tau):
 * <pre>
 *   d(tau)  = sum_{j &lt; W} (x[j] - x[j + tau])^2 = e(0) + e(tau) - 2 c(tau),
 *   e(tau)  = sum_{j &lt; W} x[j + tau]^2   (a running sum: add x[tau + W - 1]^2, drop x[tau - 1]^2),
 *   c(tau)  = sum_{j &lt; W} x[j] x[j + tau] (all lags at once with the FFT, {@link LagCorrelation}),
 *   d'(0) = 1,  d'(tau) = d(tau) / ((1 / tau) sum_{1 &lt;= k &lt;= tau} d(k)).
 * </pre>
 * W is the frame length minus the longest lag searched (and the reach of {@link PeriodRefiner}), so
 * the frame holds every product; the FFT is the frame's own size.
 *
 * <p>Arrays allocated in the constructor; one instance per thread.
 */
final class YinDifference {
  private final PitchSettings settings;
  private final LagCorrelation correlation;
  private final int head;
  private final int lags;
  private final double[] products;
  private final double[] difference;
  private final double[] normalised;

  YinDifference(PitchSettings settings) {
    this.settings = settings;
    int n = settings.windowSize();
    lags = settings.maxLag() + 2;
    head = n - (settings.maxLag() + 1) - PeriodRefiner.REACH;
    correlation = new LagCorrelation(n);
    products = new double[lags];
    difference = new double[lags];
    normalised = new double[lags];
  }

  /** The integration window W. */
  int head() {
    return head;
  }

  /** Lags computed: 0 .. maxLag + 1. */
  int lags() {
    return lags;
  }

  /** d(tau) of the last frame. */
  double[] difference() {
    return difference;
  }

  /** d'(tau) of the last frame. */
  double[] normalised() {
    return normalised;
  }

  /** Computes d and d' of {@code x[offset .. offset + windowSize)}. */
  void compute(float[] x, int offset) {
    int n = settings.windowSize();
    correlation.correlate(x, offset, head, n, lags, 0, products);
    double headEnergy = 0;
    for (int j = 0; j < head; j++) {
      double v = x[offset + j];
      headEnergy += v * v;
    }
    double shiftedEnergy = headEnergy;
    difference[0] = 0;
    normalised[0] = 1;
    double sum = 0;
    for (int tau = 1; tau < lags; tau++) {
      double leaving = x[offset + tau - 1];
      double entering = x[offset + tau + head - 1];
      shiftedEnergy += entering * entering - leaving * leaving;
      double d = Math.max(0, headEnergy + shiftedEnergy - 2 * products[tau]);
      difference[tau] = d;
      sum += d;
      normalised[tau] = sum > 0 ? d * tau / sum : 1;
    }
  }
}
