package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoteNamesTest {
  private final NoteNames names = new NoteNames();

  @Test
  void everyOctaveAtCBAndA() {
    for (int octave = 0; octave <= 8; octave++) {
      int c = 12 * (octave + 1);
      double cHz = 440 * Math.pow(2, (c - 69) / 12.0);
      double bHz = cHz * Math.pow(2, 11 / 12.0);
      double aHz = 440 * Math.pow(2, octave - 4);
      assertEquals("C" + octave, names.name(cHz));
      assertEquals("B" + octave, names.name(bHz));
      assertEquals("A" + octave, names.name(aHz));
      assertEquals(c, names.nearestMidi(cHz));
      assertEquals(c + 11, names.nearestMidi(bHz));
      assertEquals(c + 9, names.nearestMidi(aHz));
      assertEquals(octave, NoteNames.octaveOfMidi(c));
      assertEquals(octave, NoteNames.octaveOfMidi(c + 11));
      assertEquals(0, names.cents(cHz), 1e-9);
      assertEquals(0, names.cents(aHz), 1e-9);
    }
  }

  @Test
  void scientificPitchLandmarks() {
    assertEquals("C4", names.name(261.63));
    assertEquals("B3", names.name(246.94));
    assertEquals(60, names.nearestMidi(261.63));
    assertEquals(261.6256, names.frequency(60), 1e-4);
    assertEquals("A4", NoteNames.nameOfMidi(69));
    assertEquals("C#5", NoteNames.nameOfMidi(73));
    assertEquals("C-1", NoteNames.nameOfMidi(0));
    assertEquals("B-2", NoteNames.nameOfMidi(-1));
    assertEquals("G9", NoteNames.nameOfMidi(127));
    assertEquals("F#", NoteNames.pitchClassOfMidi(66));
    assertEquals(69, names.midi(440), 1e-12);
  }

  @Test
  void centsAreSignedAndInTheHalfOpenRange() {
    double sharp = 440 * Math.pow(2, 10 / 1200.0);
    double flat = 440 * Math.pow(2, -10 / 1200.0);
    assertEquals(10, names.cents(sharp), 1e-9);
    assertEquals(-10, names.cents(flat), 1e-9);
    assertEquals("A4", names.name(sharp));
    assertEquals("A4", names.name(flat));
    // 49 cents sharp of A4 is still A4; 51 cents sharp is A#4, 49 cents flat.
    assertEquals(49, names.cents(440 * Math.pow(2, 49 / 1200.0)), 1e-9);
    assertEquals("A#4", names.name(440 * Math.pow(2, 51 / 1200.0)));
    assertEquals(-49, names.cents(440 * Math.pow(2, 51 / 1200.0)), 1e-9);
    // Exactly half-way goes up, at -50.
    double halfway = 440 * Math.pow(2, 0.5 / 12);
    assertEquals(70, names.nearestMidi(halfway));
    double c = names.cents(halfway);
    assertTrue(c >= -50 && c < -49.999999, "cents " + c);
    for (int i = 0; i < 2000; i++) {
      double hz = 20 + i * 3.7;
      double cents = names.cents(hz);
      assertTrue(cents >= -50 && cents < 50, hz + " Hz: " + cents);
      assertEquals(hz, names.frequency(names.nearestMidi(hz)) * Math.pow(2, cents / 1200), 1e-9 * hz);
    }
  }

  @Test
  void referenceIsSettable() {
    NoteNames baroque = new NoteNames(415);
    assertEquals("A4", baroque.name(415));
    assertEquals(0, baroque.cents(415), 1e-9);
    assertEquals("G#4", names.name(415));
    assertEquals(-1.27, names.cents(415), 0.005); // 415 Hz is 101.27 cents below 440: G#4 - 1.27 c
    NoteNames high = new NoteNames(466);
    assertEquals("A4", high.name(466));
    assertEquals("A#4", names.name(466));
    assertEquals(415 * Math.pow(2, -9 / 12.0), baroque.frequency(60), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> new NoteNames(100));
    assertThrows(IllegalArgumentException.class, () -> names.name(0));
    assertThrows(IllegalArgumentException.class, () -> names.cents(-5));
    assertThrows(IllegalArgumentException.class, () -> names.midi(Double.NaN));
  }
}
