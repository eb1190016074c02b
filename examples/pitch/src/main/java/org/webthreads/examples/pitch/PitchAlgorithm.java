package org.webthreads.examples.pitch;

/**
 * The ways this library turns windows into a pitch track, by their command-line names:
 * <ul>
 *   <li>{@link #MCLEOD}: {@link McLeodPitch} per window;</li>
 *   <li>{@link #YIN}: {@link YinPitch} per window;</li>
 *   <li>{@link #TRACK}: {@link FrameCandidates} per window, then {@link PitchTracker}'s Viterbi decoding of
 *       the whole file (needs every window before the first result).</li>
 * </ul>
 * {@link #DEFAULT} is the one measured best on whole files (see {@code AlgorithmChoiceTest}).
 */
public enum PitchAlgorithm {
  MCLEOD("mcleod", PitchEstimate.FLOATS),
  YIN("yin", PitchEstimate.FLOATS),
  TRACK("track", FrameCandidates.STRIDE);

  /**
   * The best measured on whole files: the tracker (AlgorithmChoiceTest: on a melody with octave-prone
   * blocks and noise bursts it errs on 1 of 792 windows where McLeod errs on 67 and YIN on 104; on
   * every semitone E1..C7, clean and at 10 dB SNR, none of the three errs).
   */
  public static final PitchAlgorithm DEFAULT = TRACK;

  private final String cliName;
  private final int recordFloats;

  PitchAlgorithm(String cliName, int recordFloats) {
    this.cliName = cliName;
    this.recordFloats = recordFloats;
  }

  /** The name used on the command line and in page options: "mcleod", "yin" or "track". */
  public String cliName() {
    return cliName;
  }

  /**
   * Floats each window's record takes: a {@link PitchEstimate} ({@value PitchEstimate#FLOATS}) for the
   * per-window estimators, a {@link FrameCandidates} record for the tracker.
   */
  public int recordFloats() {
    return recordFloats;
  }

  /** Whether windows alone give the result (false: the tracker decodes all windows together). */
  public boolean perWindow() {
    return this != TRACK;
  }

  /** The algorithm of a command-line name; the error names the choices. */
  public static PitchAlgorithm parse(String name) {
    for (PitchAlgorithm a : values()) {
      if (a.cliName.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown algorithm '" + name + "': use mcleod, yin or track");
  }
}
