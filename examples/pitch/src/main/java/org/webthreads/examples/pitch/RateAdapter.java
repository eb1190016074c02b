package org.webthreads.examples.pitch;

/**
 * Brings audio of any sample rate from {@value #MIN_INPUT_RATE} Hz to {@value #MAX_INPUT_RATE} Hz
 * into the range {@link PitchSettings} analyses ({@value PitchSettings#MIN_SAMPLE_RATE} ..
 * {@value PitchSettings#MAX_SAMPLE_RATE} Hz), by an integer factor k:
 * <ul>
 *   <li>above the range, decimation by {@code k = ceil(rate / 96000)}: a low-pass FIR (a
 *       Blackman-windowed sinc of {@code 32 k + 1} taps, cutoff at 0.45 of the new rate, unit DC gain),
 *       then every k-th sample. The new rate is {@code rate / k}, rounded to a whole Hz when k does not
 *       divide it (at most 0.5 Hz of a rate of 48 kHz or more: under 0.02 cents);</li>
 *   <li>below the range, band-limited interpolation by {@code k = ceil(8000 / rate)}: each new sample is
 *       the sum of the 32 nearest old ones weighted by a Blackman-windowed {@code sinc} (old samples are
 *       kept exactly). The new rate is {@code rate * k}.</li>
 * </ul>
 * Audio already in range is returned as it is. Pitch is unchanged either way (measured in
 * RateAdapterTest: a 440 Hz tone at 4, 6 and 192 kHz reads within 0.01 cents of 440 Hz after adapting).
 */
public final class RateAdapter {
  public static final int MIN_INPUT_RATE = 1000;
  public static final int MAX_INPUT_RATE = 768000;
  private static final int DECIMATION_HALF_TAPS_PER_FACTOR = 16;
  private static final int INTERPOLATION_HALF_WIDTH = 16;

  private RateAdapter() {
  }

  /** {@code audio} at a rate PitchSettings accepts (the same object when it already is). */
  public static MonoAudio toSupportedRate(MonoAudio audio) {
    int rate = audio.sampleRate();
    if (rate >= PitchSettings.MIN_SAMPLE_RATE && rate <= PitchSettings.MAX_SAMPLE_RATE) {
      return audio;
    }
    if (rate < MIN_INPUT_RATE || rate > MAX_INPUT_RATE) {
      throw new IllegalArgumentException("sample rate " + rate + " Hz is outside what pitch analysis can use ("
          + MIN_INPUT_RATE + " .. " + MAX_INPUT_RATE + " Hz)");
    }
    if (rate > PitchSettings.MAX_SAMPLE_RATE) {
      int k = (rate + PitchSettings.MAX_SAMPLE_RATE - 1) / PitchSettings.MAX_SAMPLE_RATE;
      int newRate = (int) Math.round(rate / (double) k);
      return new MonoAudio(decimate(audio.samples(), k), newRate, audio.source() + ", decimated by " + k
          + " to " + newRate + " Hz");
    }
    int k = (PitchSettings.MIN_SAMPLE_RATE + rate - 1) / rate;
    return new MonoAudio(interpolate(audio.samples(), k), rate * k, audio.source() + ", interpolated by " + k
        + " to " + rate * k + " Hz");
  }

  /** Low-pass at 0.45 of the new Nyquist-limited band, then every k-th sample. */
  static float[] decimate(float[] x, int k) {
    int half = DECIMATION_HALF_TAPS_PER_FACTOR * k;
    double cutoff = 0.45 / k; // cycles per input sample
    double[] h = new double[2 * half + 1];
    double sum = 0;
    for (int n = -half; n <= half; n++) {
      double v = 2 * cutoff * sinc(2 * cutoff * n) * blackman(n, half);
      h[n + half] = v;
      sum += v;
    }
    for (int i = 0; i < h.length; i++) {
      h[i] /= sum;
    }
    float[] y = new float[(x.length + k - 1) / k];
    for (int j = 0; j < y.length; j++) {
      int centre = j * k;
      double acc = 0;
      int from = Math.max(-half, centre - (x.length - 1));
      int to = Math.min(half, centre);
      for (int n = from; n <= to; n++) {
        acc += h[n + half] * x[centre - n];
      }
      y[j] = (float) acc;
    }
    return y;
  }

  /** Windowed-sinc interpolation by k: y[m] = sum_i x[i] sinc(m / k - i) w(m / k - i). */
  static float[] interpolate(float[] x, int k) {
    int half = INTERPOLATION_HALF_WIDTH;
    float[] y = new float[x.length * k];
    for (int m = 0; m < y.length; m++) {
      int i0 = m / k;
      int phase = m % k;
      if (phase == 0) {
        y[m] = x[i0];
        continue;
      }
      double t = phase / (double) k;
      double acc = 0;
      for (int i = i0 - half + 1; i <= i0 + half; i++) {
        if (i < 0 || i >= x.length) {
          continue;
        }
        double d = i0 + t - i;
        acc += x[i] * sinc(d) * blackman(d, half);
      }
      y[m] = (float) acc;
    }
    return y;
  }

  private static double sinc(double t) {
    if (t == 0) {
      return 1;
    }
    double a = Math.PI * t;
    return Math.sin(a) / a;
  }

  /** A Blackman window over [-half, half], 0 outside. */
  private static double blackman(double n, double half) {
    if (Math.abs(n) >= half) {
      return 0;
    }
    double phase = Math.PI * (n + half) / half; // 0 .. 2 pi
    return 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2 * phase);
  }
}
