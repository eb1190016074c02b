package org.webthreads.examples.pitch.web;

import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskKind;
import org.webthreads.examples.pitch.FrameAnalyser;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.Spectrum;

/**
 * Live mode's pure task: one window of the microphone ring analysed by one analysis (McLeod, YIN or the
 * spectrogram column), the result written to shared memory ({@link LiveLayout}). The page submits one
 * per window and analysis as soon as the window's last sample is in the ring; nothing but the task's
 * arguments travels (no postMessage).
 */
final class LiveTasks {
  private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>();

  /**
   * Arguments: ring, control, result ints, result floats, spectrogram, window index k, the stream
   * position just after the window's last sample, sample rate, window size, analysis
   * ({@link LiveLayout#MCLEOD}, {@link LiveLayout#YIN} or {@link LiveLayout#SPECTRUM}), the session's
   * base time (ms, {@link Clock}). Result: 1 if analysed, 0 if the samples were overwritten first.
   */
  static final TaskKind<Integer> WINDOW = TaskKind.register("pitch.liveWindow", (args, pool) -> {
    SharedFloatArray ring = args.readSharedFloatArray();
    SharedIntArray control = args.readSharedIntArray();
    SharedIntArray ints = args.readSharedIntArray();
    SharedFloatArray floats = args.readSharedFloatArray();
    SharedFloatArray spectrogram = args.readSharedFloatArray();
    int k = args.readInt();
    int end = args.readInt();
    int rate = args.readInt();
    int window = args.readInt();
    int analysis = args.readInt();
    double baseMs = args.readDouble();
    return analyse(ring, control, ints, floats, spectrogram, k, end, rate, window, analysis, baseMs);
  });

  private LiveTasks() {
  }

  static void register() {
    if (WINDOW == null) {
      throw new IllegalStateException("pitch live task kind not registered");
    }
  }

  private static int analyse(SharedFloatArray ring, SharedIntArray control, SharedIntArray ints,
      SharedFloatArray floats, SharedFloatArray spectrogram, int k, int end, int rate, int window, int analysis,
      double baseMs) {
    int length = analysis == LiveLayout.SPECTRUM ? Math.max(window, LiveLayout.SPECTRUM_WINDOW) : window;
    Scratch scratch = scratch(rate, window, length);
    int start = end - length;
    int from = start & (LiveLayout.RING - 1);
    int first = Math.min(length, LiveLayout.RING - from);
    ring.copyTo(from, scratch.samples, 0, first);
    if (first < length) {
      ring.copyTo(0, scratch.samples, first, length - first);
    }
    // The worklet may have lapped the ring into this window before or while it was copied: then the
    // copy mixes old and new samples, and the window counts as dropped.
    boolean lost = control.get(LiveLayout.WRITTEN) - start > LiveLayout.RING;
    int slot = (k % LiveLayout.RESULT_SLOTS) * LiveLayout.INT_STRIDE;
    if (analysis == LiveLayout.SPECTRUM) {
      if (!lost) {
        int column = LiveLayout.column(k);
        scratch.spectrum.magnitudeDb(scratch.samples, 0, scratch.bins, 0);
        SpectrogramColumn.toRows(scratch.bins, rate, length, scratch.rows);
        spectrogram.copyFrom(scratch.rows, 0, column * LiveLayout.ROWS, LiveLayout.ROWS);
      }
      ints.set(slot + LiveLayout.SEQ + LiveLayout.SPECTRUM, lost ? -(k + 1) : k + 1);
      return lost ? 0 : 1;
    }
    FrameAnalyser analyser = analysis == LiveLayout.MCLEOD ? scratch.mcleod : scratch.yin;
    int busyUs = 0;
    if (!lost) {
      long t0 = System.nanoTime();
      analyser.analyse(scratch.samples, 0, scratch.record, 0);
      busyUs = (int) ((System.nanoTime() - t0) / 1000);
      int at = (k % LiveLayout.RESULT_SLOTS) * LiveLayout.FLOAT_STRIDE + 3 * analysis;
      floats.copyFrom(scratch.record, 0, at, 3);
    }
    ints.set(slot + LiveLayout.BUSY_US + analysis, busyUs);
    ints.set(slot + LiveLayout.DONE_US + analysis, (int) Math.round((Clock.nowMs() - baseMs) * 1000));
    // Last: the page reads the rest only after it sees this.
    ints.set(slot + LiveLayout.SEQ + analysis, lost ? -(k + 1) : k + 1);
    return lost ? 0 : 1;
  }

  private static Scratch scratch(int rate, int window, int length) {
    Scratch s = SCRATCH.get();
    PitchSettings settings = PitchSettings.of(rate, window);
    if (s == null || !s.mcleod.settings().equals(settings)) {
      s = new Scratch(settings);
      SCRATCH.set(s);
    }
    if (s.samples.length < length) {
      s.samples = new float[length];
    }
    if (s.spectrum.windowSize() != Math.max(window, LiveLayout.SPECTRUM_WINDOW)) {
      s.spectrum = new Spectrum(Math.max(window, LiveLayout.SPECTRUM_WINDOW));
      s.bins = new float[s.spectrum.bins()];
    }
    return s;
  }

  /** One worker's analysers and buffers, kept between tasks. */
  private static final class Scratch {
    final FrameAnalyser mcleod;
    final FrameAnalyser yin;
    Spectrum spectrum;
    float[] bins;
    float[] samples = new float[0];
    final float[] record = new float[3];
    final float[] rows = new float[LiveLayout.ROWS];

    Scratch(PitchSettings settings) {
      mcleod = new FrameAnalyser(PitchAlgorithm.MCLEOD, settings);
      yin = new FrameAnalyser(PitchAlgorithm.YIN, settings);
      spectrum = new Spectrum(Math.max(settings.windowSize(), LiveLayout.SPECTRUM_WINDOW));
      bins = new float[spectrum.bins()];
    }
  }
}
