package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Silence and noise alone must come out unvoiced with the default gates. */
class VoicingTest {
  private static final int HOP = 512;

  private static int[] voicedFrames(PitchEstimator estimator, float[] x) {
    PitchEstimate estimate = new PitchEstimate();
    int frames = estimator.settings().frameCount(x.length, HOP);
    int voiced = 0;
    double maxClarity = 0;
    for (int i = 0; i < frames; i++) {
      estimator.analyse(x, i * HOP, estimate);
      if (estimate.voiced()) {
        voiced++;
      }
      maxClarity = Math.max(maxClarity, estimate.clarity());
    }
    return new int[] {voiced, frames, (int) Math.round(maxClarity * 1000)};
  }

  private static void noiseAndSilence(String name, Function<PitchSettings, PitchEstimator> factory) {
    for (int rate : new int[] {8000, 44100, 48000}) {
      for (int window : new int[] {256, 512, 1024, 2048, 4096, 8192}) {
        PitchEstimator estimator = factory.apply(PitchSettings.of(rate, window));
        int[] silence = voicedFrames(estimator, TestSignals.silence(rate, 1));
        assertEquals(0, silence[0], name + " silence");
        int voiced = 0;
        int frames = 0;
        int maxClarity = 0;
        for (double level : new double[] {-10, -30, -50}) {
          int[] noise = voicedFrames(estimator, TestSignals.noise(rate, 2, level, rate + window + (long) level));
          voiced += noise[0];
          frames += noise[1];
          maxClarity = Math.max(maxClarity, noise[2]);
        }
        System.out.printf("%-8s %5d Hz window %4d: white noise voiced %d of %d frames, max clarity %.3f%n", name,
            rate, window, voiced, frames, maxClarity / 1000.0);
        assertTrue(voiced <= 0.02 * frames, name + " noise voiced in " + voiced + " of " + frames + " frames");
      }
    }
  }

  @Test
  void mcleodLeavesSilenceAndNoiseUnvoiced() {
    noiseAndSilence("McLeod", McLeodPitch::new);
  }

  @Test
  void yinLeavesSilenceAndNoiseUnvoiced() {
    noiseAndSilence("YIN", YinPitch::new);
  }

  @Test
  void quietFramesAreGatedByLevel() {
    PitchSettings settings = PitchSettings.of(44100, 2048).withGates(-40, 0.5);
    float[] quiet = TestSignals.sine(44100, 440, 0.1, 0.005); // RMS about -49 dBFS
    float[] loud = TestSignals.sine(44100, 440, 0.1, 0.05); // about -29 dBFS
    for (PitchEstimator estimator : new PitchEstimator[] {new McLeodPitch(settings), new YinPitch(settings)}) {
      PitchEstimate estimate = new PitchEstimate();
      estimator.analyse(quiet, 0, estimate);
      assertEquals(0, estimate.frequencyHz());
      assertEquals(20 * Math.log10(0.005 / Math.sqrt(2)), estimate.rmsDbfs(), 0.05);
      estimator.analyse(loud, 0, estimate);
      assertEquals(440, estimate.frequencyHz(), 0.01);
    }
  }

  @Test
  void aDcOffsetDoesNotUnvoiceATone() {
    PitchSettings settings = PitchSettings.of(44100, 2048);
    PitchEstimate estimate = new PitchEstimate();
    for (double hz : new double[] {55, 220, 1000}) {
      float[] x = TestSignals.harmonicTone(44100, hz, 0.1, 0.3);
      for (int i = 0; i < x.length; i++) {
        x[i] += 0.6f;
      }
      for (PitchEstimator estimator : new PitchEstimator[] {new McLeodPitch(settings), new YinPitch(settings)}) {
        estimator.analyse(x, 0, estimate);
        assertEquals(hz, estimate.frequencyHz(), hz * 1e-5, estimator.getClass().getSimpleName());
      }
    }
  }
}
