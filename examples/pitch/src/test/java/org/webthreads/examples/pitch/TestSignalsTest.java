package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestSignalsTest {
  private static double power(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) x[i] * x[i];
    }
    return sum / (to - from);
  }

  @Test
  void deterministicAndSeeded() {
    assertArrayEquals(TestSignals.noise(8000, 0.1, -20, 9), TestSignals.noise(8000, 0.1, -20, 9));
    assertTrue(TestSignals.noise(8000, 0.1, -20, 9)[5] != TestSignals.noise(8000, 0.1, -20, 10)[5]);
    assertArrayEquals(TestSignals.harmonicsWithNoise(44100, 220, 0.1, 0.5, 10, 1),
        TestSignals.harmonicsWithNoise(44100, 220, 0.1, 0.5, 10, 1));
  }

  @Test
  void levelsAndSnrAreAsAskedFor() {
    float[] noise = TestSignals.noise(48000, 1, -20, 4);
    assertEquals(-20, 10 * Math.log10(power(noise, 0, noise.length)), 0.1);
    float[] clean = TestSignals.harmonicTone(48000, 300, 1, 0.5);
    float[] noisy = TestSignals.harmonicsWithNoise(48000, 300, 1, 0.5, 10, 4);
    float[] difference = new float[clean.length];
    for (int i = 0; i < clean.length; i++) {
      difference[i] = noisy[i] - clean[i];
    }
    assertEquals(10, 10 * Math.log10(power(clean, 0, clean.length) / power(difference, 0, clean.length)), 0.1);
    assertEquals(0.125, power(TestSignals.sine(8000, 100, 1, 0.5), 0, 8000), 1e-6);
  }

  @Test
  void waveformsHaveTheirShapes() {
    int rate = 96000;
    float[] saw = TestSignals.sawtooth(rate, 1000, 0.01, 1);
    // Half a period in, the sawtooth crosses zero going from +1 to -1; a quarter in, it is at +0.5.
    assertEquals(0.5, saw[24], 0.02);
    assertEquals(-0.5, saw[72], 0.02);
    float[] square = TestSignals.square(rate, 1000, 0.01, 1);
    assertEquals(1, square[24], 0.05);
    assertEquals(-1, square[72], 0.05);
    assertEquals(47, TestSignals.harmonicsBelowNyquist(rate, 1000));
    assertEquals(22, TestSignals.harmonicsBelowNyquist(44100, 1000)); // 22 kHz < 22.05 kHz
    assertEquals(20, TestSignals.harmonicsBelowNyquist(44100, 1050)); // 21 * 1050 = 22.05 kHz: not below
    assertEquals(1, TestSignals.harmonicsBelowNyquist(8000, 3000));
    assertEquals(0, TestSignals.harmonicsBelowNyquist(8000, 4000));
  }

  @Test
  void missingFundamentalHasNoEnergyAtTheFundamental() {
    int n = 4096;
    int rate = 40960;
    float[] x = TestSignals.missingFundamental(rate, 200, 0.2, 0.5); // 200 Hz is bin 20 exactly
    Spectrum spectrum = new Spectrum(n);
    float[] db = new float[spectrum.bins()];
    spectrum.magnitudeDb(x, 0, db, 0);
    assertTrue(db[20] < -100, "fundamental at " + db[20] + " dB");
    assertEquals(20 * Math.log10(0.25), db[40], 0.01);
    assertEquals(20 * Math.log10(0.5 / 3), db[60], 0.01);
  }

  @Test
  void noteSequenceEndsInASecondOfSilenceAndRestsAreSilent() {
    float[] x = TestSignals.noteSequence(8000, new int[] {60, -1, 64}, new double[] {0.5, 0.25, 0.5}, 0.5, 440);
    assertEquals(8000 * 2 + 2000, x.length);
    assertEquals(0, power(x, 4000, 6000));
    assertEquals(0, power(x, 10000, x.length));
    assertTrue(power(x, 1000, 3000) > 0.05);
    assertEquals(0, x[0]);
  }
}
