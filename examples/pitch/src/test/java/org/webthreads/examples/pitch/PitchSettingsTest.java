package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PitchSettingsTest {
  @Test
  void defaultsAndClamping() {
    PitchSettings s = PitchSettings.of(44100, 2048);
    assertEquals(30, s.minFrequencyHz());
    assertEquals(4200, s.maxFrequencyHz());
    assertEquals(-60, s.minRmsDbfs());
    assertEquals(0.5, s.minClarity());
    // 44100 / 30 = 1470 samples, but at most half the window: two periods of the lowest pitch.
    assertEquals(1024, s.maxLag());
    assertEquals(44100.0 / 1024, s.lowestFrequencyHz(), 1e-12);
    assertEquals(10, s.minLag()); // floor(44100 / 4200)
    PitchSettings large = PitchSettings.of(44100, 4096);
    assertEquals(1470, large.maxLag());
    assertEquals(30, large.lowestFrequencyHz(), 1e-12);
    PitchSettings low = PitchSettings.of(8000, 256);
    assertEquals(2, low.minLag()); // 8000 / 4200 < 2: clamped
    assertEquals(4000, low.highestFrequencyHz(), 1e-12);
    assertEquals(128, low.maxLag());
  }

  @Test
  void copiesChangeOnlyWhatTheySay() {
    PitchSettings s = PitchSettings.of(48000, 1024).withFrequencyRange(80, 1000).withGates(-40, 0.7);
    assertEquals(48, s.minLag());
    assertEquals(512, s.maxLag());
    assertEquals(-40, s.minRmsDbfs());
    assertEquals(0.7, s.minClarity());
    assertEquals(48000, s.sampleRate());
    assertEquals(1024, s.windowSize());
  }

  @Test
  void frameCount() {
    PitchSettings s = PitchSettings.of(44100, 1024);
    assertEquals(0, s.frameCount(1023, 256));
    assertEquals(1, s.frameCount(1024, 256));
    assertEquals(1, s.frameCount(1279, 256));
    assertEquals(2, s.frameCount(1280, 256));
    assertThrows(IllegalArgumentException.class, () -> s.frameCount(5000, 0));
  }

  @Test
  void badSettingsAreRefusedWithAReason() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PitchSettings.of(4000, 1024)).getMessage()
        .contains("sample rate 4000"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PitchSettings.of(44100, 1000)).getMessage()
        .contains("window 1000"));
    assertThrows(IllegalArgumentException.class, () -> PitchSettings.of(44100, 16384));
    assertThrows(IllegalArgumentException.class, () -> PitchSettings.of(44100, 128));
    assertThrows(IllegalArgumentException.class, () -> PitchSettings.of(44100, 1024).withFrequencyRange(500, 400));
    assertThrows(IllegalArgumentException.class, () -> PitchSettings.of(44100, 1024).withGates(-60, 1.5));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PitchSettings.of(8000, 256).withFrequencyRange(10, 20)).getMessage().contains("no periods"));
    assertThrows(IllegalArgumentException.class, () -> new McLeodPitch(PitchSettings.of(8000, 256), 0, true));
    assertThrows(IllegalArgumentException.class, () -> new YinPitch(PitchSettings.of(8000, 256), 1, true));
  }

  @Test
  void everyWindowAndRateWorks() {
    PitchEstimate estimate = new PitchEstimate();
    for (int rate : new int[] {8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000}) {
      for (int window = 256; window <= 8192; window *= 2) {
        PitchSettings s = PitchSettings.of(rate, window);
        double hz = Math.max(2.5 * s.lowestFrequencyHz(), 110);
        if (hz > s.highestFrequencyHz() / 2) {
          continue;
        }
        float[] x = TestSignals.harmonicTone(rate, hz, (window + 10.0) / rate, 0.5);
        for (PitchEstimator e : new PitchEstimator[] {new McLeodPitch(s), new YinPitch(s)}) {
          e.analyse(x, 0, estimate);
          assertEquals(hz, estimate.frequencyHz(), hz * 0.001, rate + " Hz window " + window + " " + e.getClass());
        }
      }
    }
  }
}
