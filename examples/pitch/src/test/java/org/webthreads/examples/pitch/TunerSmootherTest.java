package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The tuner's display: a steady needle on a noisy steady tone, no flicker from an isolated octave
 * error or at a quarter-tone boundary, prompt note changes, bends followed, blank after silence.
 */
class TunerSmootherTest {
  static final int RATE = 44100;
  static final int WINDOW = 2048;
  static final int HOP = 256;
  static final double HOP_SECONDS = HOP / (double) RATE;

  @Test
  void needleIsSteadyOnANoisyToneWhileTheRawEstimatesSpread() {
    float[] x = TestSignals.harmonicsWithNoise(RATE, 440, 2, 0.5, 10, 7);
    McLeodPitch mcleod = new McLeodPitch(PitchSettings.of(RATE, WINDOW));
    PitchEstimate estimate = new PitchEstimate();
    TunerSmoother tuner = new TunerSmoother(HOP_SECONDS, new NoteNames());
    NoteNames names = new NoteNames();
    double rawMin = Double.MAX_VALUE;
    double rawMax = -Double.MAX_VALUE;
    double needleMin = Double.MAX_VALUE;
    double needleMax = -Double.MAX_VALUE;
    int frames = PitchSettings.of(RATE, WINDOW).frameCount(x.length, HOP);
    int settle = (int) Math.ceil(0.5 / HOP_SECONDS);
    for (int f = 0; f < frames; f++) {
      mcleod.analyse(x, f * HOP, estimate);
      tuner.update(estimate.frequencyHz());
      if (f < settle) {
        continue;
      }
      assertTrue(tuner.voiced());
      assertEquals("A4", tuner.noteName(), "window " + f);
      double raw = names.cents(estimate.frequencyHz());
      rawMin = Math.min(rawMin, raw);
      rawMax = Math.max(rawMax, raw);
      needleMin = Math.min(needleMin, tuner.cents());
      needleMax = Math.max(needleMax, tuner.cents());
    }
    System.out.printf("A4 at 10 dB SNR: raw McLeod %.2f .. %.2f cents, needle %.3f .. %.3f cents%n", rawMin, rawMax,
        needleMin, needleMax);
    assertTrue(needleMax - needleMin <= 1.0, "needle moved " + (needleMax - needleMin) + " cents");
    assertTrue(Math.abs(needleMin) <= 1 && Math.abs(needleMax) <= 1, needleMin + " .. " + needleMax);
    assertTrue(rawMax - rawMin > 3 * (needleMax - needleMin), "the raw estimates were as steady: " + rawMin + " .. "
        + rawMax);
  }

  @Test
  void anIsolatedOctaveErrorNeverReachesTheDisplay() {
    TunerSmoother tuner = new TunerSmoother(HOP_SECONDS, new NoteNames());
    for (int i = 0; i < 100; i++) {
      tuner.update(i == 50 || i == 70 ? 880 : 440 * Math.pow(2, 5 / 1200.0));
      if (i >= 1) {
        assertEquals(69, tuner.midi(), "window " + i);
        assertEquals(5, tuner.cents(), 1e-9, "window " + i);
      }
    }
  }

  @Test
  void aNewNoteIsShownWithinSixtyMillisecondsAndTheNeedleJumpsWithIt() {
    TunerSmoother tuner = new TunerSmoother(HOP_SECONDS, new NoteNames());
    for (int i = 0; i < 50; i++) {
      tuner.update(440);
    }
    double bFlat = 440 * Math.pow(2, 1 / 12.0) * Math.pow(2, -12 / 1200.0); // A#4, 12 cents flat
    int switched = -1;
    for (int i = 0; i < 50; i++) {
      tuner.update(bFlat);
      if (switched < 0 && tuner.midi() == 70) {
        switched = i;
        assertEquals(-12, tuner.cents(), 1e-6, "the needle starts at the new note's cents");
      }
    }
    double ms = (switched + 1) * HOP_SECONDS * 1000;
    System.out.printf("note change shown after %d windows (%.1f ms)%n", switched + 1, ms);
    // the median needs 3 of its 5 windows on the new note, then the switch needs SWITCH_SECONDS
    assertTrue(switched >= 0 && ms <= 60, "shown after " + ms + " ms");
  }

  @Test
  void aPitchAtAQuarterToneBoundaryDoesNotFlicker() {
    TunerSmoother tuner = new TunerSmoother(HOP_SECONDS, new NoteNames());
    int changes = 0;
    int shown = -1;
    for (int i = 0; i < 400; i++) {
      // alternates between 47 and 53 cents above A4, with an occasional run on one side
      double cents = (i % 2 == 0 || i % 37 < 4) ? 53 : 47;
      tuner.update(440 * Math.pow(2, cents / 1200));
      if (tuner.midi() != shown) {
        changes++;
        shown = tuner.midi();
      }
    }
    assertTrue(changes <= 2, changes + " note changes");
  }

  @Test
  void theNeedleFollowsABend() {
    TunerSmoother tuner = new TunerSmoother(HOP_SECONDS, new NoteNames());
    int bend = (int) Math.round(0.3 / HOP_SECONDS);
    for (int i = 0; i < 3 * bend; i++) {
      double cents = i < bend ? 0 : i < 2 * bend ? 30.0 * (i - bend) / bend : 30;
      tuner.update(440 * Math.pow(2, cents / 1200));
      if (i >= bend && i < 2 * bend) {
        assertTrue(30.0 * (i - bend) / bend - tuner.cents() < 10, "the needle lags the bend by more than 10 cents");
      }
    }
    assertEquals(69, tuner.midi());
    assertEquals(30, tuner.cents(), 2, "0.3 s after the bend ended");
    for (int i = 0; i < 2 * bend; i++) {
      tuner.update(440 * Math.pow(2, 30 / 1200.0));
    }
    assertEquals(30, tuner.cents(), 0.3, "0.9 s after the bend ended");
  }

  @Test
  void shortGapsKeepTheNoteAndLongSilenceBlanksTheTuner() {
    TunerSmoother tuner = new TunerSmoother(HOP_SECONDS, new NoteNames());
    for (int i = 0; i < 20; i++) {
      tuner.update(261.63);
    }
    int hold = (int) Math.ceil(TunerSmoother.HOLD_SECONDS / HOP_SECONDS);
    for (int i = 0; i < hold - 1; i++) {
      tuner.update(0);
      assertTrue(tuner.voiced(), "gap window " + i);
    }
    assertEquals("C4", tuner.noteName());
    tuner.update(0);
    assertFalse(tuner.voiced());
    assertEquals("-", tuner.noteName());
    assertEquals(0, tuner.frequencyHz());
    tuner.update(329.63); // a new note starts afresh: shown at once
    assertEquals("E4", tuner.noteName());
  }
}
