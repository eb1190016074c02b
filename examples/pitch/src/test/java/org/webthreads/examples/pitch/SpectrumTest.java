package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectrumTest {
  @Test
  void aSineOnABinReadsItsAmplitudeInDb() {
    int n = 1024;
    int rate = 48000;
    int bin = 100;
    double hz = (double) bin * rate / n;
    float[] x = TestSignals.sine(rate, hz, 0.05, 0.5);
    Spectrum spectrum = new Spectrum(n);
    float[] out = new float[spectrum.bins() + 2];
    spectrum.magnitudeDb(x, 0, out, 1);
    int peak = 0;
    for (int k = 0; k < spectrum.bins(); k++) {
      if (out[1 + k] > out[1 + peak]) {
        peak = k;
      }
    }
    assertEquals(bin, peak);
    assertEquals(20 * Math.log10(0.5), out[1 + bin], 0.01);
    // Hann: the neighbours are 6 dB down, far bins are far down.
    assertEquals(20 * Math.log10(0.25), out[1 + bin + 1], 0.01);
    assertTrue(out[1 + bin + 10] < -100, "leakage " + out[1 + bin + 10]);
    assertEquals(0f, out[0]);
    assertEquals(0f, out[out.length - 1]);
  }

  @Test
  void silenceIsTheFloor() {
    Spectrum spectrum = new Spectrum(256);
    float[] out = new float[spectrum.bins()];
    spectrum.magnitudeDb(new float[256], 0, out, 0);
    for (float v : out) {
      assertEquals((float) Spectrum.FLOOR_DB, v);
    }
  }

  @Test
  void dcReadsItsLevel() {
    Spectrum spectrum = new Spectrum(512);
    float[] x = new float[512];
    java.util.Arrays.fill(x, 0.1f);
    float[] out = new float[spectrum.bins()];
    spectrum.magnitudeDb(x, 0, out, 0);
    assertEquals(-20, out[0], 0.01);
  }
}
