package org.webthreads.examples.pitch;

/**
 * The notes heard, in order, from a {@link TunerSmoother} updated once per hop: a note enters the
 * log once the tuner has heard it in windows spanning {@value #MIN_NOTE_SECONDS} s without showing
 * another note, with the median of its median-filtered cents over the windows it was heard in (the
 * cents of the note as played, not its attack only), its start and its length (from its first to its
 * last window heard). A note interrupted by silence shorter than the tuner's hold is one
 * note; the same note again after the tuner went blank is a new entry.
 *
 * <p>Not thread-safe. Keeps at most {@value #MAX_NOTES} notes (then the oldest are dropped) and at most
 * {@value #MAX_WINDOWS_PER_NOTE} windows of cents per note (the first ones).
 */
public final class NoteLog {
  public static final double MIN_NOTE_SECONDS = 0.1;
  public static final int MAX_NOTES = 256;
  public static final int MAX_WINDOWS_PER_NOTE = 4096;

  private final double hopSeconds;
  private final int minWindows;
  private final int[] midi = new int[MAX_NOTES];
  private final double[] cents = new double[MAX_NOTES];
  private final double[] startSeconds = new double[MAX_NOTES];
  private final double[] seconds = new double[MAX_NOTES];
  private int count;
  private int first;
  /** The current note's median-filtered cents so far, sorted. */
  private final double[] stretch = new double[MAX_WINDOWS_PER_NOTE];
  private int stretchWindows;
  private double lastHeard;
  private boolean open;
  private int openMidi;
  private double openStart;
  private long window;
  private int openEntry = -1;

  public NoteLog(double hopSeconds) {
    this.hopSeconds = hopSeconds;
    this.minWindows = Math.max(1, (int) Math.ceil(MIN_NOTE_SECONDS / hopSeconds));
  }

  /** Call after each {@link TunerSmoother#update}, once per hop. */
  public void update(TunerSmoother tuner) {
    double now = window++ * hopSeconds;
    boolean sounding = tuner.voiced();
    if (open && (!sounding || tuner.midi() != openMidi)) {
      open = false;
      openEntry = -1;
    }
    if (!sounding) {
      return;
    }
    if (!open) {
      open = true;
      openMidi = tuner.midi();
      openStart = now;
      stretchWindows = 0;
    }
    if (!tuner.heard()) {
      return;
    }
    lastHeard = now;
    if (stretchWindows < MAX_WINDOWS_PER_NOTE) {
      // Kept sorted (insertion): the median is then the middle element.
      double value = tuner.medianCents();
      int j = stretchWindows++;
      while (j > 0 && stretch[j - 1] > value) {
        stretch[j] = stretch[j - 1];
        j--;
      }
      stretch[j] = value;
    }
    double length = lastHeard - openStart + hopSeconds;
    if (length >= minWindows * hopSeconds - 1e-9) {
      if (openEntry < 0) {
        openEntry = append(openMidi, openStart);
      }
      cents[openEntry] = medianOfStretch();
      seconds[openEntry] = length;
    }
  }

  /** Notes logged (at most {@value #MAX_NOTES}). */
  public int size() {
    return count;
  }

  /** The MIDI number of note {@code i} (0 = the oldest kept). */
  public int midi(int i) {
    return midi[index(i)];
  }

  /** Its cents from the equal-tempered note: the median over its stretch. */
  public double cents(int i) {
    return cents[index(i)];
  }

  /** When it started, in seconds from the first update. */
  public double startSeconds(int i) {
    return startSeconds[index(i)];
  }

  /** How long the tuner showed it (so far, for the last note). */
  public double seconds(int i) {
    return seconds[index(i)];
  }

  private int append(int noteMidi, double start) {
    int slot;
    if (count < MAX_NOTES) {
      slot = (first + count++) % MAX_NOTES;
    } else {
      slot = first;
      first = (first + 1) % MAX_NOTES;
    }
    midi[slot] = noteMidi;
    startSeconds[slot] = start;
    return slot;
  }

  private int index(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("note " + i + " of " + count);
    }
    return (first + i) % MAX_NOTES;
  }

  private double medianOfStretch() {
    int n = stretchWindows;
    return (n & 1) == 1 ? stretch[n / 2] : 0.5 * (stretch[n / 2 - 1] + stretch[n / 2]);
  }
}
