package org.webthreads.examples.pitch;

/**
 * The magnitude spectrum of one frame in dB, for a spectrogram: the frame is multiplied by a periodic
 * Hann window ({@code 0.5 - 0.5 cos(2 pi j / N)}; J. von Hann, via R. B. Blackman and J. W. Tukey, 1958),
 * transformed with {@link RealFft}, and bin k's magnitude is scaled so that a sine of amplitude A
 * centred on a bin reads {@code 20 log10(A)} dB (0 dB for a full-scale sine):
 * {@code 20 log10(c |X[k]| / sum(w))} with {@code c = 2} except at DC and Nyquist ({@code c = 1}),
 * floored at {@value #FLOOR_DB} dB. Bin k is at {@code k * sampleRate / N} Hz.
 *
 * <p>Owns its plan, window and scratch (allocated in the constructor); {@link #magnitudeDb}
 * allocates nothing. One instance per thread.
 */
public final class Spectrum {
  /** The lowest value written (silence). */
  public static final double FLOOR_DB = -160;

  private final RealFft fft;
  private final double[] window;
  private final double[] scratch;
  private final double scale;

  /** A spectrum of frames of {@code windowSize} samples (a power of two, 64..65536). */
  public Spectrum(int windowSize) {
    fft = new RealFft(windowSize);
    window = new double[windowSize];
    double sum = 0;
    for (int j = 0; j < windowSize; j++) {
      window[j] = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / windowSize);
      sum += window[j];
    }
    scratch = new double[windowSize];
    scale = 1 / sum;
  }

  public int windowSize() {
    return window.length;
  }

  /** Bins written per frame: {@code windowSize / 2 + 1} (DC .. Nyquist). */
  public int bins() {
    return window.length / 2 + 1;
  }

  /**
   * Writes the dB magnitudes of {@code samples[offset .. offset + windowSize)} to
   * {@code out[outOffset .. outOffset + bins())}.
   */
  public void magnitudeDb(float[] samples, int offset, float[] out, int outOffset) {
    int n = window.length;
    for (int j = 0; j < n; j++) {
      scratch[j] = samples[offset + j] * window[j];
    }
    fft.forward(scratch);
    out[outOffset] = toDb(Math.abs(scratch[0]) * scale);
    out[outOffset + n / 2] = toDb(Math.abs(scratch[1]) * scale);
    for (int k = 1; k < n / 2; k++) {
      double re = scratch[2 * k];
      double im = scratch[2 * k + 1];
      out[outOffset + k] = toDb(2 * Math.sqrt(re * re + im * im) * scale);
    }
  }

  private static float toDb(double amplitude) {
    if (!(amplitude > 0)) {
      return (float) FLOOR_DB;
    }
    return (float) Math.max(FLOOR_DB, 20 * Math.log10(amplitude));
  }
}
