package org.webthreads.examples.pitch;

/**
 * One window of samples into one record for a {@link PitchAlgorithm}: a {@link PitchEstimate}'s three
 * floats (frequency, clarity, RMS dBFS) for {@link PitchAlgorithm#MCLEOD} and {@link PitchAlgorithm#YIN},
 * a {@link FrameCandidates} record for {@link PitchAlgorithm#TRACK}. Records of consecutive windows lie
 * one after another, {@link #recordFloats()} apart, so that any thread can fill any part of one array.
 * Owns its analyser's scratch; allocates nothing per window. One instance per thread.
 */
public final class FrameAnalyser {
  private final PitchAlgorithm algorithm;
  private final PitchSettings settings;
  private final PitchEstimator estimator;
  private final FrameCandidates candidates;
  private final PitchEstimate estimate = new PitchEstimate();

  public FrameAnalyser(PitchAlgorithm algorithm, PitchSettings settings) {
    this.algorithm = algorithm;
    this.settings = settings;
    switch (algorithm) {
      case MCLEOD:
        estimator = new McLeodPitch(settings);
        candidates = null;
        break;
      case YIN:
        estimator = new YinPitch(settings);
        candidates = null;
        break;
      default:
        estimator = null;
        candidates = new FrameCandidates(settings);
        break;
    }
  }

  public PitchAlgorithm algorithm() {
    return algorithm;
  }

  public PitchSettings settings() {
    return settings;
  }

  /** Floats per record. */
  public int recordFloats() {
    return algorithm.recordFloats();
  }

  /** Whether this analyser is the one for {@code algorithm} and {@code settings} (so it can be reused). */
  public boolean isFor(PitchAlgorithm algorithm, PitchSettings settings) {
    return this.algorithm == algorithm && this.settings.equals(settings);
  }

  /** Writes the record of {@code samples[offset .. offset + window)} to {@code out[outOffset ..]}. */
  public void analyse(float[] samples, int offset, float[] out, int outOffset) {
    if (estimator != null) {
      estimator.analyse(samples, offset, estimate);
      estimate.writeTo(out, outOffset);
    } else {
      candidates.analyse(samples, offset, out, outOffset);
    }
  }
}
