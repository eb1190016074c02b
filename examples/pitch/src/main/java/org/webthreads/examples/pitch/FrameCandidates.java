package org.webthreads.examples.pitch;

/**
 * Per-frame pitch candidates with probabilities, the first stage of probabilistic YIN (M. Mauch and
 * S. Dixon, "pYIN: A fundamental frequency estimator using probabilistic threshold distributions",
 * ICASSP 2014). {@link PitchTracker} decodes a whole file of them.
 *
 * <p>YIN's absolute threshold decides which dip of the cumulative mean normalised difference d' is
 * the period, and no single threshold is right for every frame. pYIN instead lets the threshold s
 * vary over a prior distribution and collects, for every dip, the probability that it is the one
 * chosen:
 * <ol>
 *   <li>d' of the frame ({@link YinDifference}) and its troughs (local minima) in the lag range, where
 *       troughs parted by a rise of less than {@value #RIPPLE} count as one at the lower of them (a
 *       dip's floor made ragged by noise; see {@link #RIPPLE});</li>
 *   <li>for each of the 100 thresholds s = 0.01, 0.02, ... 1.00, weighted by a Beta(2, 34/3)
 *       distribution (mean 0.15; the paper's middle prior), the first trough below s receives the
 *       weight of s; if no trough is below s, the lowest trough receives the weight times
 *       {@value #ABSOLUTE_MINIMUM_PROBABILITY} (the paper's p_a);</li>
 *   <li>each trough with some probability becomes a candidate, its period interpolated like
 *       {@link YinPitch} does (parabola on d, then {@link PeriodRefiner}). The most probable
 *       {@value #MAX_CANDIDATES} are kept.</li>
 * </ol>
 * Only troughs lower than every trough at a shorter lag can be first below some threshold, so
 * there are few candidates (one to three for clear frames). Their probabilities sum to at most 1;
 * the rest is the probability that the frame is unvoiced. Frames below the settings' level gate have
 * no candidates; the clarity gate is not used here (the tracker decides voicing).
 *
 * <p>Each frame depends only on its own window, so frames can be analysed in any order, on any
 * number of threads or workers (one instance each), into one shared array, and decoded afterwards.
 *
 * <p>Layout of one frame's record, {@value #STRIDE} floats from its offset:
 * <pre>
 *   [0]         RMS level, dBFS
 *   [1]         number of candidates c (0 .. MAX_CANDIDATES)
 *   [2 + 2i]    candidate i's frequency, Hz          (i &lt; c, most probable first)
 *   [3 + 2i]    candidate i's probability
 *   (entries from 2 + 2c on are zero)
 * </pre>
 * The record of frame f of a file is at {@code f * STRIDE}.
 *
 * <p>All scratch is allocated in the constructor; {@link #analyse} allocates nothing. One instance
 * per thread.
 */
public final class FrameCandidates {
  /** The most candidates a frame keeps. */
  public static final int MAX_CANDIDATES = 8;
  /** Floats per frame record. */
  public static final int STRIDE = 2 + 2 * MAX_CANDIDATES;
  /** The weight factor for the lowest trough at thresholds with no trough below them. */
  public static final double ABSOLUTE_MINIMUM_PROBABILITY = 0.01;
  private static final int THRESHOLDS = 100;
  private static final double BETA_A = 2;
  private static final double BETA_B = 34.0 / 3;
  /**
   * Two troughs of d' are one dip when d' rises less than this between them (above the higher of the
   * two): noise makes the floor of a wide dip ragged (low pitches, 10 dB SNR), and each ripple would
   * otherwise be a candidate of its own, the first of them up to 50 cents early (measured at 46 Hz,
   * window 4096). Separate dips (the period and its multiples) are parted by rises to about 1.
   */
  static final double RIPPLE = 0.1;

  private final PitchSettings settings;
  private final YinDifference yin;
  private final PeriodRefiner refiner;
  /** cumulative[m] = total prior weight of the m lowest thresholds 0.01 .. m / 100. */
  private final double[] cumulative = new double[THRESHOLDS + 1];
  private final int[] troughLags;
  private final double[] troughValues;
  private final double[] troughProbabilities;

  public FrameCandidates(PitchSettings settings) {
    this.settings = settings;
    yin = new YinDifference(settings);
    refiner = new PeriodRefiner(settings.windowSize());
    double total = 0;
    double[] weights = new double[THRESHOLDS];
    for (int i = 0; i < THRESHOLDS; i++) {
      double s = (i + 1) / (double) THRESHOLDS;
      weights[i] = Math.pow(s, BETA_A - 1) * Math.pow(1 - s, BETA_B - 1);
      total += weights[i];
    }
    for (int i = 0; i < THRESHOLDS; i++) {
      cumulative[i + 1] = cumulative[i] + weights[i] / total;
    }
    int maxTroughs = settings.maxLag() / 2 + 2;
    troughLags = new int[maxTroughs];
    troughValues = new double[maxTroughs];
    troughProbabilities = new double[maxTroughs];
  }

  public PitchSettings settings() {
    return settings;
  }

  /**
   * Writes the candidates of the window {@code samples[offset .. offset + windowSize)} to
   * {@code out[outOffset .. outOffset + STRIDE)}; returns how many there are.
   */
  public int analyse(float[] samples, int offset, float[] out, int outOffset) {
    for (int i = 0; i < STRIDE; i++) {
      out[outOffset + i] = 0;
    }
    int n = settings.windowSize();
    double level = RmsLevel.dbfs(samples, offset, n);
    out[outOffset] = (float) level;
    if (!(level >= settings.minRmsDbfs())) {
      return 0;
    }
    yin.compute(samples, offset);
    double[] dn = yin.normalised();
    double[] d = yin.difference();
    int troughs = 0;
    double peakSince = 0;
    for (int t = settings.minLag(); t <= settings.maxLag(); t++) {
      peakSince = Math.max(peakSince, dn[t]);
      if (dn[t] < dn[t - 1] && dn[t] <= dn[t + 1]) {
        if (troughs > 0 && peakSince - Math.max(dn[t], troughValues[troughs - 1]) < RIPPLE) {
          // The same dip as the previous trough, split by a ripple: keep its lowest point only.
          if (dn[t] < troughValues[troughs - 1]) {
            troughLags[troughs - 1] = t;
            troughValues[troughs - 1] = dn[t];
          }
        } else {
          troughLags[troughs] = t;
          troughValues[troughs] = dn[t];
          troughProbabilities[troughs] = 0;
          troughs++;
        }
        peakSince = dn[t];
      }
    }
    if (troughs == 0) {
      return 0;
    }
    // Trough k is the first below s for s in (value_k, min of the earlier troughs].
    double earlierMinimum = Double.POSITIVE_INFINITY;
    int lowest = 0;
    for (int k = 0; k < troughs; k++) {
      double value = troughValues[k];
      if (value < earlierMinimum) {
        troughProbabilities[k] = weightUpTo(earlierMinimum) - weightUpTo(value);
        earlierMinimum = value;
        lowest = k;
      }
    }
    troughProbabilities[lowest] += ABSOLUTE_MINIMUM_PROBABILITY * weightUpTo(troughValues[lowest]);
    boolean prepared = false;
    int count = 0;
    while (count < MAX_CANDIDATES) {
      int best = -1;
      for (int k = 0; k < troughs; k++) {
        if (troughProbabilities[k] > 0 && (best < 0 || troughProbabilities[k] > troughProbabilities[best])) {
          best = k;
        }
      }
      if (best < 0) {
        break;
      }
      int tau = troughLags[best];
      double period = tau + YinPitch.parabolicShift(d[tau - 1], d[tau], d[tau + 1]);
      if (tau >= PeriodRefiner.REACH) {
        if (!prepared) {
          refiner.prepare(samples, offset, n);
          prepared = true;
        }
        double refined = refiner.refine(yin.head(), tau, period);
        if (refined > 0) {
          period = refined;
        }
      }
      out[outOffset + 2 + 2 * count] = (float) (settings.sampleRate() / period);
      out[outOffset + 3 + 2 * count] = (float) troughProbabilities[best];
      troughProbabilities[best] = 0;
      count++;
    }
    out[outOffset + 1] = count;
    return count;
  }

  /** The prior weight of the thresholds s_i = (i + 1) / 100 with s_i &lt;= limit. */
  private double weightUpTo(double limit) {
    if (limit >= 1) {
      return 1;
    }
    int m = (int) Math.floor(limit * THRESHOLDS + 1e-9);
    return cumulative[Math.max(0, Math.min(THRESHOLDS, m))];
  }

  /** The RMS level of frame {@code frame} in a candidates array. */
  public static float rmsDbfs(float[] candidates, int frame) {
    return candidates[frame * STRIDE];
  }

  /** The number of candidates of frame {@code frame}. */
  public static int count(float[] candidates, int frame) {
    return (int) candidates[frame * STRIDE + 1];
  }

  /** Candidate {@code i}'s frequency in frame {@code frame}. */
  public static float frequency(float[] candidates, int frame, int i) {
    return candidates[frame * STRIDE + 2 + 2 * i];
  }

  /** Candidate {@code i}'s probability in frame {@code frame}. */
  public static float probability(float[] candidates, int frame, int i) {
    return candidates[frame * STRIDE + 3 + 2 * i];
  }
}
