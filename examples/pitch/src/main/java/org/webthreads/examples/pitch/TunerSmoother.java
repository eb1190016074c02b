package org.webthreads.examples.pitch;

/**
 * Turns a live stream of per-window estimates (one every hop) into what a tuner shows: a note that
 * changes only when the sound really moved to another note, and a needle (signed cents from that
 * note) that is steady on a steady tone yet follows a bend.
 *
 * <ol>
 *   <li>Each voiced estimate becomes a fractional MIDI number. The last {@value #MEDIAN_WINDOWS} voiced
 *       ones are median-filtered: an isolated octave or fifth error (a window caught in a note's attack,
 *       a weak fundamental) never reaches the display.</li>
 *   <li>The shown note switches to the median's nearest note only once that note has been the nearest
 *       for {@value #SWITCH_SECONDS} s in a row (hysteresis: a pitch hovering at a quarter-tone
 *       boundary does not flicker between two names).</li>
 *   <li>The needle is the median's cents from the shown note through a one-pole low-pass whose time
 *       constant adapts to how far the pitch is from the needle (in the spirit of the "1 euro filter",
 *       G. Casiez et al., CHI 2012): {@value #SLOW_SECONDS} s while they are within
 *       {@value #STEADY_CENTS} cents (what noise does to a steady tone), {@value #FAST_SECONDS} s from
 *       {@value #MOVING_CENTS} cents on (a bend or vibrato), in between in proportion. The needle is set
 *       to the new value at once when the note switches. Measured (TunerSmootherTest): on a harmonic
 *       tone at 10 dB SNR the raw McLeod estimates spread over about 5 cents while the needle stays
 *       within a cent, peak to peak; the needle lags a 30-cent bend over 0.3 s by less than 10 cents and
 *       settles within 2 cents of its end 0.3 s later, within 0.3 cents 0.9 s later.</li>
 *   <li>After {@value #HOLD_SECONDS} s without a voiced estimate the tuner goes blank and forgets the
 *       history (a new note starts afresh).</li>
 * </ol>
 * Not thread-safe; allocates nothing per update.
 */
public final class TunerSmoother {
  public static final int MEDIAN_WINDOWS = 5;
  public static final double SWITCH_SECONDS = 0.035;
  public static final double SLOW_SECONDS = 0.35;
  public static final double FAST_SECONDS = 0.05;
  public static final double STEADY_CENTS = 2;
  public static final double MOVING_CENTS = 10;
  public static final double HOLD_SECONDS = 0.25;

  private final NoteNames names;
  private final double slowAlpha;
  private final double fastAlpha;
  private final int switchWindows;
  private final int holdWindows;
  private final double[] recent = new double[MEDIAN_WINDOWS];
  private final double[] sorted = new double[MEDIAN_WINDOWS];
  private int recentCount;
  private int recentNext;
  private int silentWindows;
  private boolean voiced;
  private int note;
  private int candidate;
  private int candidateWindows;
  private double needle;
  private double medianMidi;
  private boolean heard;

  /** A smoother for estimates every {@code hopSeconds}, naming notes with {@code names} (its A4). */
  public TunerSmoother(double hopSeconds, NoteNames names) {
    if (!(hopSeconds > 0 && hopSeconds < 1)) {
      throw new IllegalArgumentException("hop of " + hopSeconds + " s is not in (0, 1)");
    }
    this.names = names;
    this.slowAlpha = 1 - Math.exp(-hopSeconds / SLOW_SECONDS);
    this.fastAlpha = 1 - Math.exp(-hopSeconds / FAST_SECONDS);
    this.switchWindows = Math.max(1, (int) Math.ceil(SWITCH_SECONDS / hopSeconds));
    this.holdWindows = Math.max(1, (int) Math.ceil(HOLD_SECONDS / hopSeconds));
  }

  /** The next window's estimate: {@code frequencyHz} 0 (or less, or NaN) when it was unvoiced. */
  public void update(double frequencyHz) {
    heard = frequencyHz > 0 && !Double.isInfinite(frequencyHz);
    if (!heard) {
      if (++silentWindows >= holdWindows) {
        voiced = false;
        recentCount = 0;
        recentNext = 0;
      }
      return;
    }
    silentWindows = 0;
    recent[recentNext] = names.midi(frequencyHz);
    recentNext = (recentNext + 1) % MEDIAN_WINDOWS;
    recentCount = Math.min(MEDIAN_WINDOWS, recentCount + 1);
    medianMidi = median();
    int nearest = (int) Math.floor(medianMidi + 0.5);
    if (!voiced) {
      voiced = true;
      note = nearest;
      candidateWindows = 0;
      needle = 100 * (medianMidi - note);
      return;
    }
    if (nearest != note) {
      if (nearest == candidate) {
        candidateWindows++;
      } else {
        candidate = nearest;
        candidateWindows = 1;
      }
      if (candidateWindows >= switchWindows) {
        note = nearest;
        candidateWindows = 0;
        needle = 100 * (medianMidi - note);
        return;
      }
    } else {
      candidateWindows = 0;
    }
    double cents = 100 * (medianMidi - note);
    double distance = Math.abs(cents - needle);
    double share = Math.max(0, Math.min(1, (distance - STEADY_CENTS) / (MOVING_CENTS - STEADY_CENTS)));
    needle += (slowAlpha + share * (fastAlpha - slowAlpha)) * (cents - needle);
  }

  /** Whether a note is shown. */
  public boolean voiced() {
    return voiced;
  }

  /** Whether the last update was voiced (the tuner may still show a note for a while after silence). */
  public boolean heard() {
    return heard;
  }

  /** The shown note's MIDI number (meaningful while {@link #voiced()}). */
  public int midi() {
    return note;
  }

  /** The shown note with its octave, e.g. "A4"; "-" when nothing is shown. */
  public String noteName() {
    return voiced ? NoteNames.nameOfMidi(note) : "-";
  }

  /** The needle: smoothed cents from the shown note (can pass +-50 briefly before the note switches). */
  public double cents() {
    return needle;
  }

  /** The median-filtered pitch's cents from the shown note, before the needle's low-pass. */
  public double medianCents() {
    return 100 * (medianMidi - note);
  }

  /** The needle's pitch in Hz: the shown note moved by the needle's cents. */
  public double frequencyHz() {
    return voiced ? names.frequency(note) * Math.pow(2, needle / 1200) : 0;
  }

  /** Forgets everything (as after a long silence). */
  public void reset() {
    voiced = false;
    recentCount = 0;
    recentNext = 0;
    silentWindows = 0;
    candidateWindows = 0;
    heard = false;
  }

  private double median() {
    for (int i = 0; i < recentCount; i++) {
      double v = recent[i];
      int j = i;
      while (j > 0 && sorted[j - 1] > v) {
        sorted[j] = sorted[j - 1];
        j--;
      }
      sorted[j] = v;
    }
    if ((recentCount & 1) == 1) {
      return sorted[recentCount / 2];
    }
    return 0.5 * (sorted[recentCount / 2 - 1] + sorted[recentCount / 2]);
  }
}
