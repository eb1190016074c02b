package org.webthreads.examples.pitch;

/**
 * Deterministic test signals for the analysers' tests, the browser demo and the benchmarks: pure
 * functions of their arguments (noise comes from {@link Pcg32} with the given seed). Samples are
 * floats in about [-1, 1]; a signal of {@code seconds} has {@code round(seconds * sampleRate)} samples.
 *
 * <p>Periodic signals are additive (sums of sines at whole multiples of the fundamental, all starting
 * at phase 0), with no harmonic at or above the Nyquist frequency, so they are band-limited and free of
 * aliasing. The harmonics of one sample are computed with the Chebyshev recurrence
 * {@code sin((k+1) a) = 2 cos(a) sin(k a) - sin((k-1) a)}.
 */
public final class TestSignals {
  /** Harmonics in {@link #harmonicTone}: 1..10 with amplitudes 1/k. */
  public static final int TONE_HARMONICS = 10;
  /** Fade in and out of each note in {@link #noteSequence}, seconds. */
  public static final double NOTE_FADE_SECONDS = 0.005;

  private TestSignals() {
  }

  /** A sine of this frequency and peak amplitude. */
  public static float[] sine(int sampleRate, double hz, double seconds, double amplitude) {
    return harmonics(sampleRate, hz, seconds, new double[] {amplitude});
  }

  /**
   * A sum of harmonics: {@code amplitudes[k - 1] sin(2 pi k hz t)}; harmonics at or above Nyquist are
   * left out.
   */
  public static float[] harmonics(int sampleRate, double hz, double seconds, double[] amplitudes) {
    float[] out = new float[sampleCount(sampleRate, seconds)];
    addHarmonics(out, 0, out.length, sampleRate, hz, amplitudes);
    return out;
  }

  /** A band-limited sawtooth, rising from -amplitude to amplitude: (2/pi) sum (-1)^(k+1) sin(k a) / k. */
  public static float[] sawtooth(int sampleRate, double hz, double seconds, double amplitude) {
    double[] amplitudes = new double[harmonicsBelowNyquist(sampleRate, hz)];
    for (int k = 1; k <= amplitudes.length; k++) {
      amplitudes[k - 1] = (k % 2 == 1 ? 2 : -2) * amplitude / (Math.PI * k);
    }
    return harmonics(sampleRate, hz, seconds, amplitudes);
  }

  /** A band-limited square wave: (4/pi) sum over odd k of sin(k a) / k. */
  public static float[] square(int sampleRate, double hz, double seconds, double amplitude) {
    double[] amplitudes = new double[harmonicsBelowNyquist(sampleRate, hz)];
    for (int k = 1; k <= amplitudes.length; k += 2) {
      amplitudes[k - 1] = 4 * amplitude / (Math.PI * k);
    }
    return harmonics(sampleRate, hz, seconds, amplitudes);
  }

  /** Harmonics 1..{@link #TONE_HARMONICS} with amplitudes {@code amplitude / k}. */
  public static float[] harmonicTone(int sampleRate, double hz, double seconds, double amplitude) {
    return harmonics(sampleRate, hz, seconds, toneAmplitudes(amplitude, 1));
  }

  /**
   * The harmonic tone without its fundamental: harmonics 2..{@link #TONE_HARMONICS} with amplitudes
   * {@code amplitude / k}. Its pitch is still {@code hz} (the period has not changed), though there is
   * no energy at {@code hz}.
   */
  public static float[] missingFundamental(int sampleRate, double hz, double seconds, double amplitude) {
    return harmonics(sampleRate, hz, seconds, toneAmplitudes(amplitude, 2));
  }

  /**
   * The harmonic tone plus Gaussian white noise whose power is the tone's (measured) power divided by
   * {@code 10^(snrDb / 10)}.
   */
  public static float[] harmonicsWithNoise(int sampleRate, double hz, double seconds, double amplitude,
      double snrDb, long seed) {
    float[] out = harmonicTone(sampleRate, hz, seconds, amplitude);
    double power = 0;
    for (float v : out) {
      power += (double) v * v;
    }
    power /= Math.max(1, out.length);
    double sigma = Math.sqrt(power / Math.pow(10, snrDb / 10));
    Pcg32 random = new Pcg32(seed);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (out[i] + sigma * random.nextGaussian());
    }
    return out;
  }

  /** Gaussian white noise with this RMS level in dBFS. */
  public static float[] noise(int sampleRate, double seconds, double rmsDbfs, long seed) {
    float[] out = new float[sampleCount(sampleRate, seconds)];
    double sigma = Math.pow(10, rmsDbfs / 20);
    Pcg32 random = new Pcg32(seed);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (sigma * random.nextGaussian());
    }
    return out;
  }

  /** Zeros. */
  public static float[] silence(int sampleRate, double seconds) {
    return new float[sampleCount(sampleRate, seconds)];
  }

  /**
   * Notes one after another, then one second of silence: note i is the harmonic tone (see
   * {@link #harmonicTone}) of MIDI note {@code midiNotes[i]} (A4 = {@code a4Hz}, equal temperament)
   * lasting {@code seconds[i]}, faded in and out over {@value #NOTE_FADE_SECONDS} s (a raised cosine)
   * so that note changes do not click. A MIDI note below 0 is a rest (silence).
   */
  public static float[] noteSequence(int sampleRate, int[] midiNotes, double[] seconds, double amplitude,
      double a4Hz) {
    if (midiNotes.length != seconds.length) {
      throw new IllegalArgumentException(midiNotes.length + " notes but " + seconds.length + " durations");
    }
    int total = sampleRate;
    for (double s : seconds) {
      total += sampleCount(sampleRate, s);
    }
    float[] out = new float[total];
    int start = 0;
    int fade = sampleCount(sampleRate, NOTE_FADE_SECONDS);
    for (int i = 0; i < midiNotes.length; i++) {
      int length = sampleCount(sampleRate, seconds[i]);
      if (midiNotes[i] >= 0) {
        double hz = NoteNames.frequencyOfMidi(midiNotes[i], a4Hz);
        addHarmonics(out, start, length, sampleRate, hz, toneAmplitudes(amplitude, 1));
        int ramp = Math.min(fade, length / 2);
        for (int j = 0; j < ramp; j++) {
          double gain = 0.5 - 0.5 * Math.cos(Math.PI * (j + 0.5) / ramp);
          out[start + j] *= (float) gain;
          out[start + length - 1 - j] *= (float) gain;
        }
      }
      start += length;
    }
    return out;
  }

  /** {@code round(seconds * sampleRate)}. */
  public static int sampleCount(int sampleRate, double seconds) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("duration " + seconds + " s is negative");
    }
    return (int) Math.round(seconds * sampleRate);
  }

  /** How many harmonics of {@code hz} lie below the Nyquist frequency. */
  public static int harmonicsBelowNyquist(int sampleRate, double hz) {
    int k = (int) Math.floor(sampleRate / (2 * hz));
    if (k * hz >= sampleRate / 2.0) {
      k--;
    }
    return Math.max(0, k);
  }

  private static double[] toneAmplitudes(double amplitude, int first) {
    double[] amplitudes = new double[TONE_HARMONICS];
    for (int k = first; k <= TONE_HARMONICS; k++) {
      amplitudes[k - 1] = amplitude / k;
    }
    return amplitudes;
  }

  /** Adds the harmonics to {@code out[start .. start + length)}, phase 0 at {@code start}. */
  private static void addHarmonics(float[] out, int start, int length, int sampleRate, double hz,
      double[] amplitudes) {
    int count = Math.min(amplitudes.length, harmonicsBelowNyquist(sampleRate, hz));
    double cyclesPerSample = hz / sampleRate;
    for (int i = 0; i < length; i++) {
      double cycles = i * cyclesPerSample;
      double angle = 2 * Math.PI * (cycles - Math.floor(cycles));
      double twoCos = 2 * Math.cos(angle);
      double previous = 0;
      double current = Math.sin(angle);
      double sum = 0;
      for (int k = 1; k <= count; k++) {
        sum += amplitudes[k - 1] * current;
        double next = twoCos * current - previous;
        previous = current;
        current = next;
      }
      out[start + i] += (float) sum;
    }
  }
}
