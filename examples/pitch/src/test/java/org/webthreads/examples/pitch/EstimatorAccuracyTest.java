package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Both estimators on every semitone from E1 (MIDI 28, 41.2 Hz) to C7 (MIDI 96, 2093 Hz) at 44.1 and 48
 * kHz, window 2048 (4096 below E2), frames every 1024 samples over 0.3 s; each with the default
 * fractional refinement and with the paper's parabola only.
 */
class EstimatorAccuracyTest {
  private static final int[] RATES = {44100, 48000};
  private static final int LOWEST = 28;
  private static final int HIGHEST = 96;
  private static final double SECONDS = 0.3;
  private static final int HOP = 1024;

  interface Signal {
    float[] make(int sampleRate, double hz);
  }

  static AccuracyStats sweep(Function<PitchSettings, PitchEstimator> factory, Signal signal) {
    AccuracyStats stats = new AccuracyStats();
    PitchEstimate estimate = new PitchEstimate();
    for (int rate : RATES) {
      PitchEstimator small = factory.apply(PitchSettings.of(rate, 2048));
      PitchEstimator large = factory.apply(PitchSettings.of(rate, 4096));
      for (int midi = LOWEST; midi <= HIGHEST; midi++) {
        double hz = NoteNames.frequencyOfMidi(midi, 440);
        PitchEstimator estimator = midi < 40 ? large : small;
        float[] x = signal.make(rate, hz);
        int window = estimator.settings().windowSize();
        for (int offset = 0; offset + window <= x.length; offset += HOP) {
          estimator.analyse(x, offset, estimate);
          stats.add(estimate, hz);
        }
      }
    }
    return stats;
  }

  static final Signal SINE = (rate, hz) -> TestSignals.sine(rate, hz, SECONDS, 0.5);
  static final Signal SAW = (rate, hz) -> TestSignals.sawtooth(rate, hz, SECONDS, 0.5);
  static final Signal SQUARE = (rate, hz) -> TestSignals.square(rate, hz, SECONDS, 0.5);
  static final Signal MISSING = (rate, hz) -> TestSignals.missingFundamental(rate, hz, SECONDS, 0.5);
  static final Signal NOISY = (rate, hz) ->
      TestSignals.harmonicsWithNoise(rate, hz, SECONDS, 0.5, 10, Math.round(hz * 1000) + rate);

  private static void clean(String name, Function<PitchSettings, PitchEstimator> factory,
      double medianBound, double p95Bound) {
    Signal[] signals = {SINE, SAW, SQUARE, MISSING};
    String[] names = {"sine", "saw", "square", "missing fundamental"};
    for (int i = 0; i < signals.length; i++) {
      AccuracyStats stats = sweep(factory, signals[i]);
      System.out.printf("%-22s %-20s %s%n", name, names[i], stats);
      assertEquals(0, stats.outside50(), name + " " + names[i] + ": " + stats);
      assertTrue(stats.median() <= medianBound, name + " " + names[i] + ": " + stats);
      assertTrue(stats.percentile(0.95) <= p95Bound, name + " " + names[i] + ": " + stats);
    }
  }

  private static void noisy(String name, Function<PitchSettings, PitchEstimator> factory) {
    AccuracyStats stats = sweep(factory, NOISY);
    System.out.printf("%-22s %-20s %s%n", name, "harmonics 10 dB SNR", stats);
    assertTrue(stats.within50Fraction() >= 0.99, name + ": " + stats);
  }

  @Test
  void mcleodRefinedOnCleanSignals() {
    clean("McLeod (refined)", McLeodPitch::new, 0.01, 0.01);
  }

  @Test
  void mcleodParabolicOnCleanSignals() {
    clean("McLeod (parabola)", s -> new McLeodPitch(s, McLeodPitch.DEFAULT_CUTOFF, false), 0.5, 3);
  }

  @Test
  void yinRefinedOnCleanSignals() {
    clean("YIN (refined)", YinPitch::new, 0.01, 0.01);
  }

  @Test
  void yinParabolicOnCleanSignals() {
    clean("YIN (parabola)", s -> new YinPitch(s, YinPitch.DEFAULT_THRESHOLD, false), 0.5, 3);
  }

  @Test
  void mcleodAtTenDecibelsSnr() {
    noisy("McLeod (refined)", McLeodPitch::new);
    noisy("McLeod (parabola)", s -> new McLeodPitch(s, McLeodPitch.DEFAULT_CUTOFF, false));
  }

  @Test
  void yinAtTenDecibelsSnr() {
    noisy("YIN (refined)", YinPitch::new);
    noisy("YIN (parabola)", s -> new YinPitch(s, YinPitch.DEFAULT_THRESHOLD, false));
  }
}
