package org.webthreads.examples.pitch.web;

/**
 * The built-in demo clip, generated (no recording): a melody sung by a synthetic voice (harmonics 1..8
 * at 1/k, a 20 ms attack and 40 ms release, vibrato of +-15 cents at 5.5 Hz on notes of half a second
 * or more, a glide into one note), with rests and a -60 dBFS noise floor. The phrase repeats in four
 * registers (bass to soprano, MIDI 40 to 84) until the clip is as long as asked. Deterministic.
 */
final class DemoClip {
  /** MIDI notes of the phrase (-1: rest) and their lengths in beats (100 beats per minute). */
  private static final int[] NOTES = {64, 64, 65, 67, 67, 65, 64, 62, 60, 60, 62, 64, 64, -1, 60, 62, -1};
  private static final double[] BEATS = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5, 0.5, 0.5, 2, 1};
  /** The note that is glided into (from the previous note, over its first 120 ms). */
  private static final int GLIDE_INTO = 15;
  private static final int[] REGISTERS = {-24, -12, 0, 12};
  private static final double BEAT_SECONDS = 0.6;

  private DemoClip() {
  }

  static float[] render(int rate, double seconds) {
    float[] out = new float[(int) Math.round(seconds * rate)];
    long noise = 0x9E3779B97F4A7C15L;
    double phase = 0;
    int at = 0;
    int phrase = 0;
    double previousHz = 0;
    while (at < out.length) {
      int shift = REGISTERS[phrase % REGISTERS.length];
      for (int n = 0; n < NOTES.length && at < out.length; n++) {
        int length = (int) Math.round(BEATS[n] * BEAT_SECONDS * rate);
        if (NOTES[n] < 0) {
          at += length;
          previousHz = 0;
          continue;
        }
        double hz = 440 * Math.pow(2, (NOTES[n] + shift - 69) / 12.0);
        boolean vibrato = BEATS[n] * BEAT_SECONDS >= 0.5;
        int attack = (int) (0.02 * rate);
        int release = (int) (0.04 * rate);
        int glide = n == GLIDE_INTO && previousHz > 0 ? (int) (0.12 * rate) : 0;
        int harmonics = Math.min(8, (int) (rate / 2.0 / (hz * 1.02)));
        for (int i = 0; i < length && at + i < out.length; i++) {
          double t = i / (double) rate;
          double f = hz;
          if (i < glide) {
            f = previousHz * Math.pow(hz / previousHz, i / (double) glide);
          }
          if (vibrato && t > 0.15) {
            f *= Math.pow(2, 15 * Math.sin(2 * Math.PI * 5.5 * (t - 0.15)) / 1200);
          }
          phase += 2 * Math.PI * f / rate;
          if (phase > 2 * Math.PI) {
            phase -= 2 * Math.PI;
          }
          double gain = Math.min(1, Math.min(i / (double) attack, (length - 1 - i) / (double) release));
          double twoCos = 2 * Math.cos(phase);
          double previous = 0;
          double current = Math.sin(phase);
          double sum = 0;
          for (int k = 1; k <= harmonics; k++) {
            sum += current / k;
            double next = twoCos * current - previous;
            previous = current;
            current = next;
          }
          out[at + i] += (float) (0.3 * Math.max(0, gain) * sum);
        }
        previousHz = hz;
        at += length;
      }
      phrase++;
    }
    for (int i = 0; i < out.length; i++) {
      noise ^= noise << 13;
      noise ^= noise >>> 7;
      noise ^= noise << 17;
      out[i] += (float) (((noise >>> 11) * 0x1.0p-53 - 0.5) * 0.0035);
    }
    return out;
  }
}
