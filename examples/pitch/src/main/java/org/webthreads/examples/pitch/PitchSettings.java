package org.webthreads.examples.pitch;

/**
 * What a pitch analyser is set up for: sample rate, window (frame) size, the frequency range to search
 * and the two gates that decide whether a frame counts as voiced. Immutable; the {@code with...}
 * methods return changed copies.
 *
 * <ul>
 *   <li>Sample rate 8000..96000 Hz; window a power of two in 256..8192 samples.</li>
 *   <li>Frequency range, default {@value #DEFAULT_MIN_FREQUENCY_HZ} .. {@value #DEFAULT_MAX_FREQUENCY_HZ}
 *       Hz, searched as a range of periods (lags) in whole samples: the longest lag is at most half the
 *       window (at least two periods of the lowest pitch in the window) and the shortest at least 2
 *       samples. {@link #lowestFrequencyHz()} and {@link #highestFrequencyHz()} say what is actually
 *       searched after that clamping.</li>
 *   <li>Level gate: frames whose RMS level is below {@link #minRmsDbfs()} (default
 *       {@value #DEFAULT_MIN_RMS_DBFS} dBFS, where 0 dBFS is an RMS of 1.0, i.e. samples at full scale
 *       all the time) are unvoiced without analysis.</li>
 *   <li>Clarity gate: frames whose clarity (how periodic the frame is, 0..1; each analyser says how it
 *       measures it) is below {@link #minClarity()} (default {@value #DEFAULT_MIN_CLARITY}) are
 *       unvoiced.</li>
 * </ul>
 */
public final class PitchSettings {
  public static final double DEFAULT_MIN_FREQUENCY_HZ = 30;
  public static final double DEFAULT_MAX_FREQUENCY_HZ = 4200;
  public static final double DEFAULT_MIN_RMS_DBFS = -60;
  public static final double DEFAULT_MIN_CLARITY = 0.5;
  public static final int MIN_SAMPLE_RATE = 8000;
  public static final int MAX_SAMPLE_RATE = 96000;
  public static final int MIN_WINDOW = 256;
  public static final int MAX_WINDOW = 8192;

  private final int sampleRate;
  private final int windowSize;
  private final double minFrequencyHz;
  private final double maxFrequencyHz;
  private final double minRmsDbfs;
  private final double minClarity;
  private final int minLag;
  private final int maxLag;

  private PitchSettings(int sampleRate, int windowSize, double minFrequencyHz, double maxFrequencyHz,
      double minRmsDbfs, double minClarity) {
    if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
      throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside [" + MIN_SAMPLE_RATE
          + ", " + MAX_SAMPLE_RATE + "]");
    }
    if (windowSize < MIN_WINDOW || windowSize > MAX_WINDOW || Integer.bitCount(windowSize) != 1) {
      throw new IllegalArgumentException("window " + windowSize + " is not a power of two in [" + MIN_WINDOW
          + ", " + MAX_WINDOW + "]");
    }
    if (!(minFrequencyHz > 0) || !(maxFrequencyHz > minFrequencyHz)) {
      throw new IllegalArgumentException("frequency range " + minFrequencyHz + " .. " + maxFrequencyHz
          + " Hz is not a positive, increasing range");
    }
    if (Double.isNaN(minRmsDbfs) || !(minClarity >= 0 && minClarity <= 1)) {
      throw new IllegalArgumentException("gates " + minRmsDbfs + " dBFS, clarity " + minClarity
          + ": the clarity gate must be in [0, 1]");
    }
    this.sampleRate = sampleRate;
    this.windowSize = windowSize;
    this.minFrequencyHz = minFrequencyHz;
    this.maxFrequencyHz = maxFrequencyHz;
    this.minRmsDbfs = minRmsDbfs;
    this.minClarity = minClarity;
    this.minLag = Math.max(2, (int) Math.floor(sampleRate / maxFrequencyHz));
    this.maxLag = (int) Math.min(windowSize / 2, Math.ceil(sampleRate / minFrequencyHz));
    if (minLag >= maxLag) {
      throw new IllegalArgumentException("frequency range " + minFrequencyHz + " .. " + maxFrequencyHz
          + " Hz leaves no periods to search in a window of " + windowSize + " at " + sampleRate + " Hz");
    }
  }

  /** Default range and gates for this sample rate and window size. */
  public static PitchSettings of(int sampleRate, int windowSize) {
    return new PitchSettings(sampleRate, windowSize, DEFAULT_MIN_FREQUENCY_HZ, DEFAULT_MAX_FREQUENCY_HZ,
        DEFAULT_MIN_RMS_DBFS, DEFAULT_MIN_CLARITY);
  }

  /** A copy searching {@code minHz .. maxHz} (then clamped to what the window can resolve). */
  public PitchSettings withFrequencyRange(double minHz, double maxHz) {
    return new PitchSettings(sampleRate, windowSize, minHz, maxHz, minRmsDbfs, minClarity);
  }

  /** A copy with these gates: the RMS level in dBFS and the clarity (0..1) a voiced frame needs. */
  public PitchSettings withGates(double minRmsDbfs, double minClarity) {
    return new PitchSettings(sampleRate, windowSize, minFrequencyHz, maxFrequencyHz, minRmsDbfs, minClarity);
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int windowSize() {
    return windowSize;
  }

  /** The lowest frequency asked for (before clamping). */
  public double minFrequencyHz() {
    return minFrequencyHz;
  }

  /** The highest frequency asked for (before clamping). */
  public double maxFrequencyHz() {
    return maxFrequencyHz;
  }

  public double minRmsDbfs() {
    return minRmsDbfs;
  }

  public double minClarity() {
    return minClarity;
  }

  /** The shortest period searched, in samples (at least 2). */
  public int minLag() {
    return minLag;
  }

  /** The longest period searched, in samples (at most half the window). */
  public int maxLag() {
    return maxLag;
  }

  /** The lowest frequency actually searched: the sample rate over {@link #maxLag()}. */
  public double lowestFrequencyHz() {
    return (double) sampleRate / maxLag;
  }

  /** The highest frequency actually searched: the sample rate over {@link #minLag()}. */
  public double highestFrequencyHz() {
    return (double) sampleRate / minLag;
  }

  /** How many whole windows of this size start every {@code hop} samples in {@code sampleCount}. */
  public int frameCount(int sampleCount, int hop) {
    if (hop <= 0) {
      throw new IllegalArgumentException("hop " + hop + " is not positive");
    }
    return sampleCount < windowSize ? 0 : 1 + (sampleCount - windowSize) / hop;
  }

  /** Settings are equal when rate, window, asked range and gates are. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PitchSettings)) {
      return false;
    }
    PitchSettings o = (PitchSettings) other;
    return sampleRate == o.sampleRate && windowSize == o.windowSize && minFrequencyHz == o.minFrequencyHz
        && maxFrequencyHz == o.maxFrequencyHz && minRmsDbfs == o.minRmsDbfs && minClarity == o.minClarity;
  }

  @Override
  public int hashCode() {
    return (sampleRate * 31 + windowSize) * 31 + (int) (minFrequencyHz * 7 + maxFrequencyHz * 13 + minRmsDbfs * 17
        + minClarity * 1000);
  }

  @Override
  public String toString() {
    return "PitchSettings[" + sampleRate + " Hz, window " + windowSize + ", lags " + minLag + ".." + maxLag
        + ", gates " + minRmsDbfs + " dBFS, clarity " + minClarity + "]";
  }
}
