package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The heard-notes log on a played melody: every note once, in order, with its cents as played. */
class NoteLogTest {
  static final int RATE = 48000;
  static final int HOP = 256;

  @Test
  void aDetunedMelodyIsLoggedNoteByNoteWithItsCents() {
    int[] midi = {45, 52, 57, 61, 64, 69, 76, 64};
    double[] seconds = {0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4};
    double a4 = 442; // every note 7.85 cents sharp of A4 = 440
    float[] x = TestSignals.noteSequence(RATE, midi, seconds, 0.5, a4);
    PitchSettings settings = PitchSettings.of(RATE, 2048);
    McLeodPitch mcleod = new McLeodPitch(settings);
    PitchEstimate estimate = new PitchEstimate();
    TunerSmoother tuner = new TunerSmoother(HOP / (double) RATE, new NoteNames());
    NoteLog log = new NoteLog(HOP / (double) RATE);
    for (int f = 0; f < settings.frameCount(x.length, HOP); f++) {
      mcleod.analyse(x, f * HOP, estimate);
      tuner.update(estimate.frequencyHz());
      log.update(tuner);
    }
    double expectedCents = 1200 * Math.log(442 / 440.0) / Math.log(2);
    assertEquals(midi.length, log.size(), "notes logged");
    for (int i = 0; i < midi.length; i++) {
      assertEquals(midi[i], log.midi(i), "note " + i);
      assertEquals(expectedCents, log.cents(i), 0.5, "cents of note " + i);
      assertEquals(i * 0.4, log.startSeconds(i), 0.08, "start of note " + i);
      assertTrue(log.seconds(i) > 0.25 && log.seconds(i) < 0.5, "length of note " + i + ": " + log.seconds(i));
    }
  }

  @Test
  void aBlipShorterThanANoteIsNotLogged() {
    double hop = HOP / (double) RATE;
    TunerSmoother tuner = new TunerSmoother(hop, new NoteNames());
    NoteLog log = new NoteLog(hop);
    int blip = (int) (NoteLog.MIN_NOTE_SECONDS / hop) - 1;
    for (int i = 0; i < 200; i++) {
      tuner.update(i < blip ? 440 : 0);
      log.update(tuner);
    }
    assertEquals(0, log.size());
  }
}
