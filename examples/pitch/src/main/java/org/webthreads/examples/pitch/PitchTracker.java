package org.webthreads.examples.pitch;

/**
 * The pitch track of a whole file from per-frame candidates ({@link FrameCandidates}): the second
 * stage of probabilistic YIN (M. Mauch and S. Dixon, "pYIN: A fundamental frequency estimator using
 * probabilistic threshold distributions", ICASSP 2014), a hidden Markov model decoded with the Viterbi
 * algorithm.
 *
 * <p>The model:
 * <ul>
 *   <li>States: M pitch bins of {@value #DEFAULT_BIN_CENTS} cents from the settings' lowest to highest
 *       searched frequency, each voiced or unvoiced (2M states). An unvoiced state keeps a pitch so
 *       that, as in the paper, the pitch cannot jump further while the voice is off than while on.</li>
 *   <li>Transitions: the bin moves by at most J bins per frame (J from the largest jump, default
 *       {@value #DEFAULT_MAX_JUMP_CENTS} cents per frame), with triangular weights
 *       {@code J + 1 - |d|} normalised over the bins reachable; voicing switches with probability
 *       {@value #DEFAULT_SWITCH_PROBABILITY} and stays otherwise.</li>
 *   <li>Observations: a voiced state's is {@code trust * (sum of the frame's candidate probabilities
 *       in its bin)} ({@code trust} = {@value #TRUST}, the paper's weight on YIN's voicing), an unvoiced
 *       state's is {@code (1 - trust * total candidate probability) / M}. A voiced state with no
 *       candidate in its bin is impossible in that frame.</li>
 * </ul>
 * The Viterbi pass costs {@code O(frames * M * (2J + 1))} and allocates its trellis (one byte of
 * back-pointer per state and frame) once per {@link #decode} call, nothing per frame. Each voiced frame
 * of the best path then gets the frequency of its candidate nearest to the path's bin (so the output
 * has the candidates' fractional-sample precision, not the bins').
 *
 * <p>What it fixes, measured (PitchTrackerTest: 44.1 kHz, window 2048, hop 256, a melody of nine
 * notes and two rests with a -50 dBFS noise floor, -30 dBFS white-noise bursts in the rests and, inside
 * every note, an 80 ms block where the fundamental almost vanishes behind a strong second harmonic;
 * 792 frames whose window lies inside one note or one rest are scored, an error being a frame voiced
 * in a rest, unvoiced in a note or more than 50 cents off):
 * <ul>
 *   <li>Octave errors: per-frame YIN and McLeod read the blocks one octave up (104 and 67 errors, all
 *       octave jumps). The tracker has 1 error: in the blocks the true pitch is still a candidate,
 *       if an unlikely one (probability 0.01 against 0.99), and staying on it costs less than leaving
 *       the note and coming back.</li>
 *   <li>Spurious voicing: with a clarity gate permissive enough for quiet or breathy notes (0.15),
 *       the per-frame estimators also voice the noise bursts (120 and 69 errors). The tracker has no
 *       clarity gate to tune; a switch into voicing and back costs {@code 0.01^2}.</li>
 * </ul>
 * What it costs: a melodic jump larger than J bins cannot be made in one frame, so the track passes
 * through a few unvoiced frames (about one per J bins of the jump) at such note changes, as pYIN's
 * does; the one remaining error above is the end of such a gap (a jump of 16 semitones).
 *
 * <p>Memory: the trellis is {@code frames * 2M} bytes (M is about 400 for 30 Hz .. 4.2 kHz in 20-cent
 * bins): 80 MB for ten minutes at a hop of 256 samples at 44.1 kHz. Decoding takes about 10 us per
 * frame on the JVM with the defaults.
 *
 * <p>Immutable after construction except for scratch arrays; one instance per thread.
 */
public final class PitchTracker {
  public static final double DEFAULT_BIN_CENTS = 20;
  public static final double DEFAULT_MAX_JUMP_CENTS = 250;
  public static final double DEFAULT_SWITCH_PROBABILITY = 0.01;
  /** The weight on the candidates' voicing probability (the paper's 0.5). */
  public static final double TRUST = 0.5;

  private final double lowestHz;
  private final double binCents;
  private final int bins;
  private final int jump;
  private final double logStay;
  private final double logSwitch;
  /** log of the triangular weight of a move by d bins, d = -jump .. jump, at index d + jump. */
  private final double[] logMove;
  /** log of the sum of the weights reachable from each bin (the normalisation). */
  private final double[] logNorm;
  private final double[] previousVoiced;
  private final double[] previousUnvoiced;
  private final double[] voiced;
  private final double[] unvoiced;
  private final double[] toVoiced;
  private final double[] toUnvoiced;
  private final boolean[] toVoicedFromUnvoiced;
  private final boolean[] toUnvoicedFromVoiced;
  private final double[] observed;

  /** A tracker over the settings' searched range with the default bin size, jump and switch probability. */
  public PitchTracker(PitchSettings settings) {
    this(settings.lowestFrequencyHz(), settings.highestFrequencyHz(), DEFAULT_BIN_CENTS, DEFAULT_MAX_JUMP_CENTS,
        DEFAULT_SWITCH_PROBABILITY);
  }

  /**
   * @param lowestHz the lowest bin's centre
   * @param highestHz the highest frequency the bins must cover
   * @param binCents the bin width in cents
   * @param maxJumpCents the largest pitch move per frame, in cents (at least one bin)
   * @param switchProbability the probability of switching between voiced and unvoiced per frame
   */
  public PitchTracker(double lowestHz, double highestHz, double binCents, double maxJumpCents,
      double switchProbability) {
    if (!(lowestHz > 0 && highestHz > lowestHz)) {
      throw new IllegalArgumentException("range " + lowestHz + " .. " + highestHz + " Hz is not increasing");
    }
    if (!(binCents >= 1 && binCents <= 100)) {
      throw new IllegalArgumentException("bin of " + binCents + " cents is outside [1, 100]");
    }
    if (!(switchProbability > 0 && switchProbability < 1)) {
      throw new IllegalArgumentException("switch probability " + switchProbability + " is not in (0, 1)");
    }
    this.lowestHz = lowestHz;
    this.binCents = binCents;
    this.bins = 1 + (int) Math.ceil(centsAbove(highestHz) / binCents);
    this.jump = (int) Math.round(maxJumpCents / binCents);
    if (jump < 1 || jump > 63) {
      throw new IllegalArgumentException("a jump of " + maxJumpCents + " cents is " + jump
          + " bins of " + binCents + " cents; 1..63 bins are supported");
    }
    logStay = Math.log(1 - switchProbability);
    logSwitch = Math.log(switchProbability);
    logMove = new double[2 * jump + 1];
    for (int d = -jump; d <= jump; d++) {
      logMove[d + jump] = Math.log(jump + 1 - Math.abs(d));
    }
    logNorm = new double[bins];
    for (int i = 0; i < bins; i++) {
      double sum = 0;
      for (int d = -jump; d <= jump; d++) {
        if (i + d >= 0 && i + d < bins) {
          sum += jump + 1 - Math.abs(d);
        }
      }
      logNorm[i] = Math.log(sum);
    }
    previousVoiced = new double[bins];
    previousUnvoiced = new double[bins];
    voiced = new double[bins];
    unvoiced = new double[bins];
    toVoiced = new double[bins];
    toUnvoiced = new double[bins];
    toVoicedFromUnvoiced = new boolean[bins];
    toUnvoicedFromVoiced = new boolean[bins];
    observed = new double[bins];
  }

  /** The number of pitch bins M. */
  public int bins() {
    return bins;
  }

  /** The largest move per frame, in bins. */
  public int jumpBins() {
    return jump;
  }

  /** The bin of a frequency (clamped to the range). */
  public int binOf(double hz) {
    int bin = (int) Math.round(centsAbove(hz) / binCents);
    return Math.max(0, Math.min(bins - 1, bin));
  }

  /** The centre frequency of a bin. */
  public double binCentreHz(int bin) {
    return lowestHz * Math.pow(2, bin * binCents / 1200);
  }

  /** Decodes {@code frames} records of {@code candidates} (see {@link FrameCandidates}) into a new track. */
  public float[] decode(float[] candidates, int frames) {
    float[] track = new float[frames];
    decode(candidates, frames, track);
    return track;
  }

  /**
   * Decodes {@code frames} records of {@code candidates} and writes each frame's frequency (0 for
   * unvoiced) to {@code track[0 .. frames)}.
   */
  public void decode(float[] candidates, int frames, float[] track) {
    if (frames == 0) {
      return;
    }
    if (candidates.length < frames * FrameCandidates.STRIDE || track.length < frames) {
      throw new IllegalArgumentException(frames + " frames do not fit " + candidates.length
          + " candidate floats or a track of " + track.length);
    }
    int states = 2 * bins;
    byte[] trellis = new byte[frames * states];
    double logPrior = -Math.log(states);
    double unvoicedObservation = observe(candidates, 0);
    for (int j = 0; j < bins; j++) {
      previousVoiced[j] = logPrior + log(observed[j]);
      previousUnvoiced[j] = logPrior + Math.log(unvoicedObservation);
    }
    for (int f = 1; f < frames; f++) {
      unvoicedObservation = observe(candidates, f);
      double logUnvoiced = Math.log(unvoicedObservation);
      for (int i = 0; i < bins; i++) {
        double stayVoiced = previousVoiced[i] + logStay;
        double enterVoiced = previousUnvoiced[i] + logSwitch;
        toVoicedFromUnvoiced[i] = enterVoiced > stayVoiced;
        toVoiced[i] = Math.max(stayVoiced, enterVoiced) - logNorm[i];
        double stayUnvoiced = previousUnvoiced[i] + logStay;
        double leaveVoiced = previousVoiced[i] + logSwitch;
        toUnvoicedFromVoiced[i] = leaveVoiced > stayUnvoiced;
        toUnvoiced[i] = Math.max(stayUnvoiced, leaveVoiced) - logNorm[i];
      }
      int row = f * states;
      for (int j = 0; j < bins; j++) {
        int from = Math.max(0, j - jump);
        int to = Math.min(bins - 1, j + jump);
        if (observed[j] > 0) {
          double best = Double.NEGATIVE_INFINITY;
          int bestSource = j;
          for (int i = from; i <= to; i++) {
            double score = toVoiced[i] + logMove[j - i + jump];
            if (score > best) {
              best = score;
              bestSource = i;
            }
          }
          voiced[j] = best + Math.log(observed[j]);
          trellis[row + j] = pointer(bestSource - j, toVoicedFromUnvoiced[bestSource]);
        } else {
          voiced[j] = Double.NEGATIVE_INFINITY;
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestSource = j;
        for (int i = from; i <= to; i++) {
          double score = toUnvoiced[i] + logMove[j - i + jump];
          if (score > best) {
            best = score;
            bestSource = i;
          }
        }
        unvoiced[j] = best + logUnvoiced;
        trellis[row + bins + j] = pointer(bestSource - j, !toUnvoicedFromVoiced[bestSource]);
      }
      System.arraycopy(voiced, 0, previousVoiced, 0, bins);
      System.arraycopy(unvoiced, 0, previousUnvoiced, 0, bins);
    }
    int state = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < bins; j++) {
      if (previousVoiced[j] > best) {
        best = previousVoiced[j];
        state = j;
      }
      if (previousUnvoiced[j] > best) {
        best = previousUnvoiced[j];
        state = bins + j;
      }
    }
    for (int f = frames - 1; f >= 0; f--) {
      boolean isVoiced = state < bins;
      int bin = isVoiced ? state : state - bins;
      track[f] = isVoiced ? nearestCandidate(candidates, f, bin) : 0;
      if (f > 0) {
        byte pointer = trellis[f * states + state];
        int source = bin + (pointer & 0x7F) - jump;
        boolean fromVoiced = (pointer & 0x80) == 0;
        state = fromVoiced ? source : bins + source;
      }
    }
  }

  /**
   * Fills {@link #observed} with the voiced observation probability of each bin in frame f; returns
   * the unvoiced states' observation probability.
   */
  private double observe(float[] candidates, int f) {
    for (int j = 0; j < bins; j++) {
      observed[j] = 0;
    }
    int count = FrameCandidates.count(candidates, f);
    double total = 0;
    for (int i = 0; i < count; i++) {
      double probability = FrameCandidates.probability(candidates, f, i);
      double hz = FrameCandidates.frequency(candidates, f, i);
      if (probability > 0 && hz > 0) {
        observed[binOf(hz)] += TRUST * probability;
        total += probability;
      }
    }
    return Math.max(1e-12, 1 - TRUST * Math.min(1, total)) / bins;
  }

  /** The frequency of frame f's candidate closest (in cents) to the bin's centre. */
  private float nearestCandidate(float[] candidates, int f, int bin) {
    int count = FrameCandidates.count(candidates, f);
    double target = bin * binCents;
    float best = 0;
    double distance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      float hz = FrameCandidates.frequency(candidates, f, i);
      if (hz > 0 && FrameCandidates.probability(candidates, f, i) > 0) {
        double d = Math.abs(centsAbove(hz) - target);
        if (d < distance) {
          distance = d;
          best = hz;
        }
      }
    }
    return best > 0 ? best : (float) binCentreHz(bin);
  }

  /** A back-pointer: the source's bin offset (-jump .. jump) in the low 7 bits, bit 7 set for unvoiced. */
  private byte pointer(int offset, boolean fromUnvoiced) {
    return (byte) ((offset + jump) | (fromUnvoiced ? 0x80 : 0));
  }

  private double centsAbove(double hz) {
    return 1200 * Math.log(hz / lowestHz) / Math.log(2);
  }

  private static double log(double p) {
    return p > 0 ? Math.log(p) : Double.NEGATIVE_INFINITY;
  }
}
