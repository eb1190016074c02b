package org.webthreads.examples.pitch;

/**
 * The YIN pitch estimator (A. de Cheveigné and H. Kawahara, "YIN, a fundamental frequency estimator for
 * speech and music", JASA 111(4), 2002).
 *
 * <p>Per frame ({@link YinDifference} computes steps 2 and 3):
 * <ol>
 *   <li>(step 2) the difference function {@code d(tau) = sum_{j < W} (x[j] - x[j + tau])^2}, through the
 *       FFT as {@code e(0) + e(tau) - 2 c(tau)} with running energy sums;</li>
 *   <li>(step 3) the cumulative mean normalised difference {@code d'(tau)}, which starts at 1 and
 *       removes the dip at lag 0;</li>
 *   <li>(step 4) absolute threshold: the first lag in the settings' range where {@code d'} drops under
 *       the threshold (default {@value #DEFAULT_THRESHOLD}), then the lowest {@code d'} of that dip, where
 *       the dip lasts until {@code d'} rises above twice the threshold (hysteresis). The paper walks
 *       to the dip's first local minimum instead; with noise the dip's floor is ragged and may cross
 *       the threshold more than once, and that was measured to put the period up to 27 samples (40
 *       cents) early at 44 Hz, 10 dB SNR. If {@code d'} never drops under the threshold, the lag of its
 *       global minimum in the range;</li>
 *   <li>(step 5) parabolic interpolation through that lag and its neighbours, on the raw {@code d} (the
 *       normalisation would bias it);</li>
 *   <li>optionally ({@link PeriodRefiner}, on by default) refinement of the period to a fraction of a
 *       sample with a band-limited fractional delay (the parabola is poor for harmonic-rich sounds);
 *       the clarity stays the parabola's.</li>
 * </ol>
 * The clarity is {@code 1 - d'} at the period. The frame is voiced when its RMS level and its clarity
 * pass the settings' gates. (Step 6, the best local estimate, needs neighbouring frames and is left to
 * {@link PitchTracker}.)
 *
 * <p>Measured (EstimatorAccuracyTest: every semitone E1..C7 at 44.1 and 48 kHz, window 2048, 4096
 * below E2): no frame off by 50 cents or unvoiced; clean sawtooth and square median 0.35 cents, p95
 * 2.5 cents with the parabola only, under 0.001 cents refined; harmonics at 10 dB SNR median 1.1
 * cents, p95 6.0 cents refined (1.8 and 6.9 with the parabola; McLeod is a little better here
 * because its NSDF sums over N - tau products where YIN's fixed window has N - maxLag). White noise
 * alone: no voiced frame, clarity at most 0.40 (window 256) and 0.17 (window 2048).
 *
 * <p>All scratch is allocated in the constructor; {@link #analyse} allocates nothing. One instance per
 * thread.
 */
public final class YinPitch implements PitchEstimator {
  /** The default absolute threshold on d'. */
  public static final double DEFAULT_THRESHOLD = 0.15;

  private final PitchSettings settings;
  private final double threshold;
  private final YinDifference yin;
  private final PeriodRefiner refiner;

  /** An estimator with the default threshold and refinement on. */
  public YinPitch(PitchSettings settings) {
    this(settings, DEFAULT_THRESHOLD, true);
  }

  /**
   * @param threshold the absolute threshold on d', in (0, 1)
   * @param refine whether to refine the parabolic period with {@link PeriodRefiner}
   */
  public YinPitch(PitchSettings settings, double threshold, boolean refine) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold " + threshold + " is not in (0, 1)");
    }
    this.settings = settings;
    this.threshold = threshold;
    yin = new YinDifference(settings);
    refiner = refine ? new PeriodRefiner(settings.windowSize()) : null;
  }

  @Override
  public PitchSettings settings() {
    return settings;
  }

  public double threshold() {
    return threshold;
  }

  @Override
  public void analyse(float[] samples, int offset, PitchEstimate out) {
    int n = settings.windowSize();
    double level = RmsLevel.dbfs(samples, offset, n);
    if (!(level >= settings.minRmsDbfs())) {
      out.set(0, 0, level);
      return;
    }
    yin.compute(samples, offset);
    double[] d = yin.difference();
    double[] dn = yin.normalised();
    int minLag = settings.minLag();
    int maxLag = settings.maxLag();
    int tau = -1;
    double release = Math.min(1, 2 * threshold);
    for (int t = minLag; t <= maxLag; t++) {
      if (dn[t] < threshold) {
        tau = t;
        while (t + 1 <= maxLag && dn[t + 1] < release) {
          t++;
          if (dn[t] < dn[tau]) {
            tau = t;
          }
        }
        break;
      }
    }
    if (tau < 0) {
      tau = minLag;
      for (int t = minLag + 1; t <= maxLag; t++) {
        if (dn[t] < dn[tau]) {
          tau = t;
        }
      }
    }
    double shift = parabolicShift(d[tau - 1], d[tau], d[tau + 1]);
    double period = tau + shift;
    double left = dn[tau - 1];
    double centre = dn[tau];
    double right = dn[tau + 1];
    double minimum = centre + 0.5 * shift * (right - left) + 0.5 * shift * shift * (left - 2 * centre + right);
    if (refiner != null && tau >= PeriodRefiner.REACH) {
      refiner.prepare(samples, offset, n);
      double refined = refiner.refine(yin.head(), tau, period);
      if (refined > 0) {
        period = refined;
      }
    }
    double clarity = Math.max(0, Math.min(1, 1 - minimum));
    double frequency = clarity >= settings.minClarity() ? settings.sampleRate() / period : 0;
    out.set(frequency, clarity, level);
  }

  /** The offset of a parabola's vertex through (-1, a), (0, b), (1, c) from 0; 0 if it has none. */
  static double parabolicShift(double a, double b, double c) {
    double curvature = a - 2 * b + c;
    if (curvature == 0) {
      return 0;
    }
    double shift = 0.5 * (a - c) / curvature;
    return Math.max(-1, Math.min(1, shift));
  }
}
