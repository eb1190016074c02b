package org.webthreads.examples.pitch.pool;

import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskKind;
import org.webthreads.TaskProgress;
import org.webthreads.examples.pitch.FrameAnalyser;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.PitchTrack;

/**
 * The pure tasks that analyse a whole recording on a webthreads pool, the same on JVM threads and on
 * browser workers. The samples and the results live in shared arrays; tasks carry only ints and the
 * arrays' handles.
 *
 * <ul>
 *   <li>{@link #CHUNK}: windows {@code first .. first + count} of the samples, each into its record
 *       ({@link FrameAnalyser}). A recording is cut into chunks of consecutive windows, so any number of
 *       threads fill the records in any order; one chunk over every window is the one-thread reference.
 *       Each chunk adds its windows to a {@link TaskProgress} once they are analysed (the page shows it
 *       with WebProgress) and reports in the countdown array: {@code [0]} chunks left (the chunk that
 *       brings it to 0 notifies it, so a waiter wakes once), {@code [1]} the first failed chunk's first
 *       window + 1 (0 while none failed).</li>
 *   <li>{@link #DECODE}: the tracker's Viterbi decoding of every window's candidates into rows
 *       ({@link PitchTrack#rowsFromCandidates}), for {@link PitchAlgorithm#TRACK}; one task, since each
 *       decoding step needs the previous one.</li>
 * </ul>
 * Each thread keeps its analyser and scratch arrays between tasks (rebuilt when the settings change).
 */
public final class FileTasks {
  public static final int PROGRESS_CHUNKS_LEFT = 0;
  public static final int PROGRESS_FIRST_FAILED = 1;
  /** Ints in a countdown array. */
  public static final int PROGRESS_WORDS = 2;

  private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

  /**
   * Arguments: countdown (SharedIntArray of {@link #PROGRESS_WORDS}), windows done (TaskProgress),
   * samples (SharedFloatArray), sample
   * rate, window, hop, algorithm ({@link PitchAlgorithm#ordinal()}), first window, window count, records
   * (SharedFloatArray, {@link PitchAlgorithm#recordFloats()} per window of the whole recording).
   * Result: the windows analysed.
   */
  public static final TaskKind<Integer> CHUNK = TaskKind.register("pitch.fileChunk", (args, pool) -> {
    SharedIntArray progress = args.readSharedIntArray();
    TaskProgress windowsDone = args.readTaskProgress();
    int first = -1;
    boolean done = false;
    try {
      SharedFloatArray samples = args.readSharedFloatArray();
      int rate = args.readInt();
      int window = args.readInt();
      int hop = args.readInt();
      PitchAlgorithm algorithm = algorithm(args.readInt());
      first = args.readInt();
      int count = args.readInt();
      SharedFloatArray records = args.readSharedFloatArray();
      analyseChunk(samples, PitchSettings.of(rate, window), hop, algorithm, first, count, records);
      windowsDone.add(count);
      done = true;
      return count;
    } finally {
      if (!done) {
        progress.compareAndSet(PROGRESS_FIRST_FAILED, 0, first + 1 > 0 ? first + 1 : Integer.MAX_VALUE);
      }
      if (progress.getAndAdd(PROGRESS_CHUNKS_LEFT, -1) == 1) {
        progress.notifyWaiters(PROGRESS_CHUNKS_LEFT);
      }
    }
  });

  /**
   * Arguments: candidate records (SharedFloatArray), window count, sample rate, window, rows
   * (SharedFloatArray of {@link PitchTrack#ROW_FLOATS} per window). Result: the windows decoded.
   */
  public static final TaskKind<Integer> DECODE = TaskKind.register("pitch.fileDecode", (args, pool) -> {
    SharedFloatArray records = args.readSharedFloatArray();
    int frames = args.readInt();
    PitchSettings settings = PitchSettings.of(args.readInt(), args.readInt());
    SharedFloatArray rows = args.readSharedFloatArray();
    int stride = PitchAlgorithm.TRACK.recordFloats();
    checkFits("records", records, frames * (long) stride);
    checkFits("rows", rows, frames * (long) PitchTrack.ROW_FLOATS);
    float[] candidates = new float[frames * stride];
    records.copyTo(0, candidates, 0, candidates.length);
    float[] out = new float[frames * PitchTrack.ROW_FLOATS];
    PitchTrack.rowsFromCandidates(settings, candidates, frames, out);
    rows.copyFrom(out, 0, 0, out.length);
    return frames;
  });

  private FileTasks() {
  }

  /** Makes sure the kinds are registered (call from main on every thread of a browser program). */
  public static void register() {
    if (CHUNK == null || DECODE == null) {
      throw new IllegalStateException("pitch file task kinds not registered");
    }
  }

  /** Analyses windows {@code first .. first + count} into {@code records} on this thread. */
  static void analyseChunk(SharedFloatArray samples, PitchSettings settings, int hop, PitchAlgorithm algorithm,
      int first, int count, SharedFloatArray records) {
    int window = settings.windowSize();
    if (hop <= 0 || first < 0 || count <= 0) {
      throw new IllegalArgumentException("pitch.fileChunk: hop " + hop + ", windows " + first + " + " + count);
    }
    long start = (long) first * hop;
    long span = (long) (count - 1) * hop + window;
    if (start + span > samples.length()) {
      throw new IllegalArgumentException("pitch.fileChunk: windows " + first + " .. " + (first + count - 1)
          + " need samples up to " + (start + span) + ", the recording has " + samples.length());
    }
    int stride = algorithm.recordFloats();
    checkFits("records", records, ((long) first + count) * stride);
    Scratch scratch = scratchFor(algorithm, settings, (int) span, count * stride);
    samples.copyTo((int) start, scratch.samples, 0, (int) span);
    for (int f = 0; f < count; f++) {
      scratch.analyser.analyse(scratch.samples, f * hop, scratch.records, f * stride);
    }
    records.copyFrom(scratch.records, 0, first * stride, count * stride);
  }

  static PitchAlgorithm algorithm(int ordinal) {
    PitchAlgorithm[] all = PitchAlgorithm.values();
    if (ordinal < 0 || ordinal >= all.length) {
      throw new IllegalArgumentException("algorithm number " + ordinal + " is not one of 0.." + (all.length - 1));
    }
    return all[ordinal];
  }

  private static void checkFits(String what, SharedFloatArray array, long needed) {
    if (needed > array.length()) {
      throw new IllegalArgumentException(what + " hold " + array.length() + " floats, " + needed + " needed");
    }
  }

  private static Scratch scratchFor(PitchAlgorithm algorithm, PitchSettings settings, int samples, int records) {
    Scratch scratch = SCRATCH.get();
    if (scratch == null || !scratch.analyser.isFor(algorithm, settings)) {
      scratch = new Scratch(new FrameAnalyser(algorithm, settings));
      SCRATCH.set(scratch);
    }
    if (scratch.samples.length < samples) {
      scratch.samples = new float[samples];
    }
    if (scratch.records.length < records) {
      scratch.records = new float[records];
    }
    return scratch;
  }

  private static final class Scratch {
    final FrameAnalyser analyser;
    float[] samples = new float[0];
    float[] records = new float[0];

    Scratch(FrameAnalyser analyser) {
      this.analyser = analyser;
    }
  }
}
