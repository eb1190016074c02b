package org.webthreads.examples.pitch;

/**
 * The pitch of a whole recording, one row per window: window {@code f} starts at sample
 * {@code f * hop}, and its row holds its frequency (0 where unvoiced), clarity and RMS level in dBFS,
 * {@value #ROW_FLOATS} floats from {@code f * ROW_FLOATS} (a {@link PitchEstimate}'s layout). Its time
 * is the window's centre, {@code (f * hop + window / 2) / sampleRate} seconds.
 *
 * <p>What clarity means depends on the algorithm: McLeod's NSDF peak, YIN's {@code 1 - d'} at the
 * period, or for the tracker the frame's voicing probability (the sum of its candidates'
 * probabilities, see {@link FrameCandidates}).
 *
 * <p>{@link #analyse} computes a track on this thread, window after window; parallel callers fill the
 * records of any windows with {@link FrameAnalyser} (one per thread) and then call {@link #fromRecords}.
 */
public final class PitchTrack {
  public static final int ROW_FLOATS = PitchEstimate.FLOATS;

  private final PitchAlgorithm algorithm;
  private final PitchSettings settings;
  private final int hop;
  private final int frames;
  private final float[] rows;

  private PitchTrack(PitchAlgorithm algorithm, PitchSettings settings, int hop, int frames, float[] rows) {
    this.algorithm = algorithm;
    this.settings = settings;
    this.hop = hop;
    this.frames = frames;
    this.rows = rows;
  }

  /** The track of {@code samples} analysed window after window on this thread. */
  public static PitchTrack analyse(float[] samples, PitchAlgorithm algorithm, PitchSettings settings, int hop) {
    int frames = settings.frameCount(samples.length, hop);
    FrameAnalyser analyser = new FrameAnalyser(algorithm, settings);
    int stride = analyser.recordFloats();
    float[] records = new float[frames * stride];
    for (int f = 0; f < frames; f++) {
      analyser.analyse(samples, f * hop, records, f * stride);
    }
    return fromRecords(algorithm, settings, hop, records, frames);
  }

  /**
   * The track from every window's record (as {@link FrameAnalyser} writes them); for the tracker this
   * runs the Viterbi decoding of all windows.
   */
  public static PitchTrack fromRecords(PitchAlgorithm algorithm, PitchSettings settings, int hop, float[] records,
      int frames) {
    if (hop <= 0) {
      throw new IllegalArgumentException("hop " + hop + " is not positive");
    }
    if (records.length < frames * algorithm.recordFloats()) {
      throw new IllegalArgumentException(frames + " windows of " + algorithm.cliName() + " need "
          + frames * algorithm.recordFloats() + " floats, got " + records.length);
    }
    float[] rows = new float[frames * ROW_FLOATS];
    if (algorithm.perWindow()) {
      System.arraycopy(records, 0, rows, 0, frames * ROW_FLOATS);
    } else {
      rowsFromCandidates(settings, records, frames, rows);
    }
    return new PitchTrack(algorithm, settings, hop, frames, rows);
  }

  /**
   * Decodes {@code frames} candidate records with {@link PitchTracker} and writes each window's row
   * (decoded frequency, voicing probability, RMS dBFS) to {@code rows}.
   */
  public static void rowsFromCandidates(PitchSettings settings, float[] candidates, int frames, float[] rows) {
    float[] track = new PitchTracker(settings).decode(candidates, frames);
    for (int f = 0; f < frames; f++) {
      float probability = 0;
      for (int i = 0; i < FrameCandidates.count(candidates, f); i++) {
        probability += FrameCandidates.probability(candidates, f, i);
      }
      rows[f * ROW_FLOATS] = track[f];
      rows[f * ROW_FLOATS + 1] = Math.min(1, probability);
      rows[f * ROW_FLOATS + 2] = FrameCandidates.rmsDbfs(candidates, f);
    }
  }

  public PitchAlgorithm algorithm() {
    return algorithm;
  }

  public PitchSettings settings() {
    return settings;
  }

  public int hop() {
    return hop;
  }

  public int frames() {
    return frames;
  }

  /** The centre of window {@code f}, in seconds from the start. */
  public double timeSeconds(int f) {
    return (f * (double) hop + settings.windowSize() / 2.0) / settings.sampleRate();
  }

  /** Window {@code f}'s frequency, 0 where unvoiced. */
  public float frequencyHz(int f) {
    return rows[f * ROW_FLOATS];
  }

  public float clarity(int f) {
    return rows[f * ROW_FLOATS + 1];
  }

  public float rmsDbfs(int f) {
    return rows[f * ROW_FLOATS + 2];
  }

  /** A copy of the rows ({@value #ROW_FLOATS} floats per window). */
  public float[] rows() {
    return rows.clone();
  }
}
