package org.webthreads.examples.pitch.web.bench;

import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskKind;
import org.webthreads.examples.pitch.McLeodPitch;
import org.webthreads.examples.pitch.PitchEstimate;
import org.webthreads.examples.pitch.PitchEstimator;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.YinPitch;

/**
 * The benchmark's pure tasks: our estimators on the benchmark's frames, on a worker. Only
 * bench/run-pitch-bench.sh runs them (pitch-bench.html); the page program registers them so that one
 * compiled program serves both pages.
 */
public final class BenchTasks {
  /** Ids of our estimators in task arguments. */
  public static final int MCLEOD = 0;
  public static final int YIN = 1;
  /** The same two with the parabola only (no {@code PeriodRefiner}): what the refinement costs. */
  public static final int MCLEOD_PARABOLA = 2;
  public static final int YIN_PARABOLA = 3;
  public static final int ESTIMATORS = 4;

  /**
   * Arguments: frames (samples of every frame, one after another), index (per frame: offset, length),
   * frame count, sample rate, estimator, out (per frame: frequency or 0, clarity). Result: frames done.
   */
  public static final TaskKind<Integer> ACCURACY = TaskKind.register("pitch.benchAccuracy", (args, pool) -> {
    SharedFloatArray frames = args.readSharedFloatArray();
    SharedIntArray index = args.readSharedIntArray();
    int count = args.readInt();
    int rate = args.readInt();
    int estimator = args.readInt();
    SharedFloatArray out = args.readSharedFloatArray();
    PitchEstimator small = of(estimator, PitchSettings.of(rate, 2048));
    PitchEstimator large = of(estimator, PitchSettings.of(rate, 4096));
    PitchEstimate estimate = new PitchEstimate();
    float[] frame = new float[8192];
    for (int f = 0; f < count; f++) {
      int offset = index.get(2 * f);
      int length = index.get(2 * f + 1);
      frames.copyTo(offset, frame, 0, length);
      (length == 2048 ? small : large).analyse(frame, 0, estimate);
      out.set(2 * f, (float) estimate.frequencyHz());
      out.set(2 * f + 1, (float) estimate.clarity());
    }
    return count;
  });

  /**
   * Arguments: frames (count frames of the given length, one after another), count, length, sample
   * rate, estimator, milliseconds to measure. Analyses the frames round and round (a quarter of the time
   * first, unmeasured, for the browser's optimizing compiler), then for the given time. Result:
   * microseconds per frame.
   */
  public static final TaskKind<Double> SPEED = TaskKind.register("pitch.benchSpeed", (args, pool) -> {
    SharedFloatArray frames = args.readSharedFloatArray();
    int count = args.readInt();
    int length = args.readInt();
    int rate = args.readInt();
    int estimator = args.readInt();
    int millis = args.readInt();
    float[] samples = frames.toArray();
    PitchEstimator e = of(estimator, PitchSettings.of(rate, length));
    PitchEstimate estimate = new PitchEstimate();
    long warmEnd = System.nanoTime() + millis * 250_000L;
    int f = 0;
    while (System.nanoTime() < warmEnd) {
      e.analyse(samples, (f++ % count) * length, estimate);
    }
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L;
    int done = 0;
    long now;
    do {
      for (int i = 0; i < 8; i++) {
        e.analyse(samples, (f++ % count) * length, estimate);
      }
      done += 8;
      now = System.nanoTime();
    } while (now < end);
    return (now - start) / 1e3 / done;
  });

  private BenchTasks() {
  }

  public static void register() {
    if (ACCURACY == null || SPEED == null) {
      throw new IllegalStateException("pitch bench task kinds not registered");
    }
  }

  static PitchEstimator of(int estimator, PitchSettings settings) {
    switch (estimator) {
      case MCLEOD:
        return new McLeodPitch(settings);
      case YIN:
        return new YinPitch(settings);
      case MCLEOD_PARABOLA:
        return new McLeodPitch(settings, McLeodPitch.DEFAULT_CUTOFF, false);
      default:
        return new YinPitch(settings, YinPitch.DEFAULT_THRESHOLD, false);
    }
  }

  /** The estimator's name in the benchmark's results. */
  public static String name(int estimator) {
    return new String[] {"mcleod", "yin", "mcleodParabola", "yinParabola"}[estimator];
  }
}
