package org.webthreads.examples.pitch.web;

/**
 * Where live mode keeps things in shared memory. The AudioWorklet (pitch-worklet.js), the clock worker
 * (pitch-clock.js), the analysis tasks ({@link LiveTasks}) and the page ({@link LiveSession}) all use
 * these positions; the two scripts repeat the ones they use (their comments say so).
 *
 * <ul>
 *   <li>ring ({@code SharedFloatArray} of {@link #RING} samples): sample n of the stream is at
 *       {@code n & (RING - 1)}. Only the worklet writes it.</li>
 *   <li>control ({@code SharedIntArray} of {@link #CONTROL_WORDS}): {@link #WRITTEN} samples written so
 *       far (the worklet stores it after the samples and notifies it: the page and the clock worker wait
 *       on it), {@link #STOP} set to 1 by the page to end the worklet and the clock worker.</li>
 *   <li>stamps ({@code SharedIntArray} of {@link #STAMP_SLOTS} x {@link #STAMP_STRIDE}): for render
 *       quantum q (samples {@code 128 q .. 128 q + 127}), at {@code (q % STAMP_SLOTS) * STAMP_STRIDE}:
 *       q itself, the clock worker's time when it saw the quantum in shared memory (microseconds since the
 *       session's base time), and the worklet's own {@code Date.now()} when it wrote the quantum
 *       (milliseconds since the session's base, whole ms: AudioWorkletGlobalScope has no
 *       {@code performance.now()}), a check on the first.</li>
 *   <li>results: per window k, at slot {@code k % RESULT_SLOTS}, ints ({@link #INT_STRIDE} per slot) and
 *       floats ({@link #FLOAT_STRIDE}). For each analysis a ({@link #MCLEOD}, {@link #YIN}): the floats
 *       frequency, clarity and RMS dBFS at {@code 3 a}; the ints {@link #SEQ} + a ({@code k + 1} once the
 *       result is there, {@code -(k + 1)} if its samples were overwritten before the task read them),
 *       {@link #DONE_US} + a (when it was written, microseconds since the base) and {@link #BUSY_US} + a
 *       (how long the analysis itself took). {@link #SEQ} + {@link #SPECTRUM} marks the spectrogram
 *       column of window k (every {@link #SPECTRUM_EVERY}-th window).</li>
 *   <li>spectrogram ({@code SharedFloatArray} of {@link #COLUMNS} x {@link #ROWS}): the column of window k
 *       ({@link #column}) at {@code column * ROWS}, row r the level in dB around {@link #rowHz}(r).</li>
 * </ul>
 */
final class LiveLayout {
  static final int RING = 1 << 17;
  static final int QUANTUM = 128;
  static final int WRITTEN = 0;
  static final int STOP = 1;
  static final int CONTROL_WORDS = 4;

  static final int STAMP_SLOTS = RING / QUANTUM;
  static final int STAMP_STRIDE = 3;
  static final int STAMP_QUANTUM = 0;
  static final int STAMP_CLOCK_US = 1;
  static final int STAMP_DATE_MS = 2;

  static final int MCLEOD = 0;
  static final int YIN = 1;
  static final int SPECTRUM = 2;
  static final int RESULT_SLOTS = 2048;
  static final int INT_STRIDE = 8;
  static final int SEQ = 0;
  static final int DONE_US = 3;
  static final int BUSY_US = 5;
  static final int FLOAT_STRIDE = 6;

  static final int SPECTRUM_EVERY = 4;
  static final int SPECTRUM_WINDOW = 4096;
  static final int COLUMNS = 1024;
  static final int ROWS = 160;
  static final double LOW_HZ = 40;
  static final double HIGH_HZ = 4000;

  private LiveLayout() {
  }

  /** The spectrogram column of window k (windows with spectra are {@link #SPECTRUM_EVERY} apart). */
  static int column(int k) {
    return (k / SPECTRUM_EVERY) % COLUMNS;
  }

  /** The frequency at the centre of spectrogram row r (log-spaced from LOW_HZ to HIGH_HZ). */
  static double rowHz(double r) {
    return LOW_HZ * Math.pow(HIGH_HZ / LOW_HZ, (r + 0.5) / ROWS);
  }

  /**
   * The hop for a sample rate: the largest power of two of at most 6 ms (256 samples at 44.1 and 48 kHz,
   * 5.8 and 5.3 ms; 512 at 96 kHz), so windows come at least every 10 ms.
   */
  static int hopFor(int sampleRate) {
    int hop = 1;
    while (hop * 2 <= sampleRate * 0.006) {
      hop *= 2;
    }
    return hop;
  }
}
