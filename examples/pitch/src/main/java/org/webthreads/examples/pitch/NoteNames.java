package org.webthreads.examples.pitch;

/**
 * Frequencies as notes of twelve-tone equal temperament: MIDI note number, name with sharps, octave
 * (scientific pitch notation: octaves change at C, so B3 is followed by C4; C4 is MIDI 60, about 261.63
 * Hz with A4 = 440 Hz) and the signed deviation in cents from the nearest note, in [-50, 50).
 *
 * <p>{@code midi(f) = 69 + 12 log2(f / a4)}; the nearest note is {@code floor(midi + 1/2)}, so a
 * frequency exactly half-way between two notes goes to the upper one with -50 cents. The reference
 * A4 is settable (415..466 Hz covers baroque to high modern pitch; anything from 300 to 600 Hz is
 * accepted). Immutable.
 */
public final class NoteNames {
  public static final double DEFAULT_A4_HZ = 440;
  private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

  private final double a4Hz;

  /** Note names with A4 = 440 Hz. */
  public NoteNames() {
    this(DEFAULT_A4_HZ);
  }

  /** Note names with this reference for A4. */
  public NoteNames(double a4Hz) {
    if (!(a4Hz >= 300 && a4Hz <= 600)) {
      throw new IllegalArgumentException("A4 reference " + a4Hz + " Hz is outside [300, 600]");
    }
    this.a4Hz = a4Hz;
  }

  public double a4Hz() {
    return a4Hz;
  }

  /** The fractional MIDI note number of {@code hz} (69 at A4). */
  public double midi(double hz) {
    checkFrequency(hz);
    return 69 + 12 * Math.log(hz / a4Hz) / Math.log(2);
  }

  /** The nearest MIDI note. */
  public int nearestMidi(double hz) {
    return (int) Math.floor(midi(hz) + 0.5);
  }

  /** Cents from the nearest note, in [-50, 50); positive means sharp. */
  public double cents(double hz) {
    double m = midi(hz);
    double cents = 100 * (m - Math.floor(m + 0.5));
    return cents >= 50 ? cents - 100 : cents;
  }

  /** The nearest note's name with octave, e.g. "A4", "C#5". */
  public String name(double hz) {
    return nameOfMidi(nearestMidi(hz));
  }

  /** The frequency of a MIDI note with this reference. */
  public double frequency(int midi) {
    return frequencyOfMidi(midi, a4Hz);
  }

  /** The frequency of a MIDI note with A4 = {@code a4Hz}. */
  public static double frequencyOfMidi(double midi, double a4Hz) {
    return a4Hz * Math.pow(2, (midi - 69) / 12);
  }

  /** The name of a MIDI note with octave: 60 is "C4", 69 "A4", 59 "B3", 12 "C0". */
  public static String nameOfMidi(int midi) {
    return SHARP_NAMES[Math.floorMod(midi, 12)] + octaveOfMidi(midi);
  }

  /** The pitch class name without octave: "C", "C#", ... "B". */
  public static String pitchClassOfMidi(int midi) {
    return SHARP_NAMES[Math.floorMod(midi, 12)];
  }

  /** The scientific-pitch octave of a MIDI note: 60 (C4) .. 71 (B4) are octave 4. */
  public static int octaveOfMidi(int midi) {
    return Math.floorDiv(midi, 12) - 1;
  }

  private static void checkFrequency(double hz) {
    if (!(hz > 0) || Double.isInfinite(hz)) {
      throw new IllegalArgumentException("frequency " + hz + " Hz is not positive and finite");
    }
  }
}
