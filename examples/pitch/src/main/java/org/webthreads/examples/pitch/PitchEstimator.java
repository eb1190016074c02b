package org.webthreads.examples.pitch;

/**
 * A per-frame pitch analyser: reads one window of samples and writes its estimate. Implementations
 * own their FFT plans and scratch arrays (allocated once, in the constructor) and are confined to one
 * thread; use one instance per thread or worker.
 */
public interface PitchEstimator {
  /** The settings this analyser was built for. */
  PitchSettings settings();

  /**
   * Analyses {@code samples[offset .. offset + settings().windowSize())} and writes the result to
   * {@code out}. Allocates nothing.
   */
  void analyse(float[] samples, int offset, PitchEstimate out);
}
