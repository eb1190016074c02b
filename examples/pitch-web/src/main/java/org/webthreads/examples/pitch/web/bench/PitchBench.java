package org.webthreads.examples.pitch.web.bench;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.webthreads.PoolConfig;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pitch.NoteNames;
import org.webthreads.examples.pitch.RmsLevel;
import org.webthreads.examples.pitch.TestSignals;
import org.webthreads.web.JsObjects;
import org.webthreads.web.SharedArrayViews;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebOptions;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebThreads;

/**
 * The page side of bench/js-pitch/pitch-bench.html: builds the benchmark's frames in shared memory,
 * runs our two estimators (and, to show what the refinement costs, the same with the parabola only) on
 * them as pure tasks on a pool of one worker ({@link BenchTasks}), then
 * hands the same frames (zero-copy Float32Array views) and our results to the page's JavaScript,
 * which runs pitchy, pitchfinder and aubiojs on them and computes every library's figures the same way.
 *
 * <p>Frames (44.1 kHz): every semitone E1..C7 (MIDI 28..96) as a band-limited sawtooth and as a
 * harmonic tone (harmonics 1..10 at 1/k), each clean and with white noise at 10 dB SNR, three frames
 * per note at different phases, 2048 samples (4096 below E2); white noise alone at -20 and -40 dBFS,
 * 100 frames of 2048 each. Speed frames: 32 windows of a 196 Hz harmonic tone at 20 dB SNR for each of
 * 1024, 2048 and 4096 samples.
 */
public final class PitchBench {
  public static final int RATE = 44100;
  static final int FRAMES_PER_NOTE = 3;
  static final int[] PHASES = {0, 331, 977};
  static final String[] SETS = {"saw clean", "harmonic clean", "saw 10 dB SNR", "harmonic 10 dB SNR",
      "noise -20 dBFS", "noise -40 dBFS"};
  static final int NOISE_FRAMES = 100;
  static final int[] SPEED_SIZES = {1024, 2048, 4096};
  static final int SPEED_FRAMES = 32;

  private static ThreadPool pool;
  private static int speedMillis;

  private PitchBench() {
  }

  /** Whether this page is the benchmark page (it defines {@code pitchBench}). */
  @JSBody(script = "return typeof self.pitchBench !== 'undefined';")
  public static native boolean isBenchPage();

  public static void start(String query) {
    speedMillis = query.contains("quick=1") ? 200 : 1500;
    WebThreads.start(WebOptions.workers(1), PitchBench::ready, error -> fail(error.getMessage()));
  }

  private static void ready(WebPlatform platform) {
    pool = ThreadPool.create(platform, PoolConfig.defaults().withArenaWords(1 << 24), platform.workerIds());
    // Frames of the accuracy sets, one after another.
    int notes = 96 - 28 + 1;
    int frameCount = notes * 4 * FRAMES_PER_NOTE + 2 * NOISE_FRAMES;
    int[] index = new int[2 * frameCount];
    float[] truth = new float[frameCount];
    int[] setOf = new int[frameCount];
    int total = 0;
    int f = 0;
    float[][] pieces = new float[frameCount][];
    for (int set = 0; set < 4; set++) {
      for (int midi = 28; midi <= 96; midi++) {
        double hz = NoteNames.frequencyOfMidi(midi, 440);
        int length = midi < 40 ? 4096 : 2048;
        float[] x = set % 2 == 0 ? TestSignals.sawtooth(RATE, hz, 0.25, 0.5) : TestSignals.harmonicTone(RATE, hz, 0.25, 0.5);
        if (set >= 2) {
          double level = RmsLevel.dbfs(x, 0, x.length);
          float[] noise = TestSignals.noise(RATE, 0.25, level - 10, 1000L * set + midi);
          for (int i = 0; i < x.length; i++) {
            x[i] += noise[i];
          }
        }
        for (int p = 0; p < FRAMES_PER_NOTE; p++) {
          pieces[f] = java.util.Arrays.copyOfRange(x, PHASES[p], PHASES[p] + length);
          truth[f] = (float) hz;
          setOf[f] = set;
          index[2 * f] = total;
          index[2 * f + 1] = length;
          total += length;
          f++;
        }
      }
    }
    for (int set = 4; set < 6; set++) {
      float[] noise = TestSignals.noise(RATE, NOISE_FRAMES * 2048.0 / RATE + 0.01, set == 4 ? -20 : -40, 77 + set);
      for (int n = 0; n < NOISE_FRAMES; n++) {
        pieces[f] = java.util.Arrays.copyOfRange(noise, n * 2048, n * 2048 + 2048);
        setOf[f] = set;
        index[2 * f] = total;
        index[2 * f + 1] = 2048;
        total += 2048;
        f++;
      }
    }
    SharedFloatArray frames = pool.newSharedFloatArray(total);
    for (int i = 0; i < frameCount; i++) {
      frames.copyFrom(pieces[i], 0, index[2 * i], pieces[i].length);
    }
    SharedIntArray sharedIndex = pool.newSharedIntArray(index.length);
    SharedFloatArray sharedTruth = pool.newSharedFloatArray(frameCount);
    SharedIntArray sharedSets = pool.newSharedIntArray(frameCount);
    for (int i = 0; i < frameCount; i++) {
      sharedIndex.set(2 * i, index[2 * i]);
      sharedIndex.set(2 * i + 1, index[2 * i + 1]);
      sharedTruth.set(i, truth[i]);
      sharedSets.set(i, setOf[i]);
    }
    SharedFloatArray[] speedFrames = new SharedFloatArray[SPEED_SIZES.length];
    for (int s = 0; s < SPEED_SIZES.length; s++) {
      int n = SPEED_SIZES[s];
      float[] tone = TestSignals.harmonicsWithNoise(RATE, 196, (SPEED_FRAMES * n + 1.0) / RATE, 0.5, 20, 5 + s);
      speedFrames[s] = pool.newSharedFloatArray(SPEED_FRAMES * n);
      speedFrames[s].copyFrom(tone, 0, 0, SPEED_FRAMES * n);
    }
    SharedFloatArray[] estimates = new SharedFloatArray[BenchTasks.ESTIMATORS];
    for (int e = 0; e < estimates.length; e++) {
      estimates[e] = pool.newSharedFloatArray(2 * frameCount);
    }
    double[][] speed = new double[BenchTasks.ESTIMATORS][SPEED_SIZES.length];
    status("our estimators on " + frameCount + " frames, on one worker");
    runOurs(0, frames, sharedIndex, frameCount, estimates, speedFrames, speed, () -> {
      JSObject input = JsObjects.newObject();
      JsObjects.set(input, "rate", RATE);
      JsObjects.set(input, "frames", SharedArrayViews.float32(frames));
      JsObjects.set(input, "index", SharedArrayViews.int32(sharedIndex));
      JsObjects.set(input, "truth", SharedArrayViews.float32(sharedTruth));
      JsObjects.set(input, "sets", SharedArrayViews.int32(sharedSets));
      JSObject names = JsObjects.newArray();
      for (String name : SETS) {
        JsObjects.push(names, JsObjects.string(name));
      }
      JsObjects.set(input, "setNames", names);
      JSObject ours = JsObjects.newObject();
      for (int e = 0; e < BenchTasks.ESTIMATORS; e++) {
        JsObjects.set(ours, BenchTasks.name(e), SharedArrayViews.float32(estimates[e]));
      }
      JsObjects.set(input, "ours", ours);
      JSObject oursSpeed = JsObjects.newObject();
      JSObject speedInput = JsObjects.newObject();
      for (int e = 0; e < BenchTasks.ESTIMATORS; e++) {
        JSObject perSize = JsObjects.newObject();
        for (int s = 0; s < SPEED_SIZES.length; s++) {
          JsObjects.set(perSize, String.valueOf(SPEED_SIZES[s]), Math.round(speed[e][s] * 100) / 100.0);
        }
        JsObjects.set(oursSpeed, BenchTasks.name(e), perSize);
      }
      for (int s = 0; s < SPEED_SIZES.length; s++) {
        JsObjects.set(speedInput, String.valueOf(SPEED_SIZES[s]), SharedArrayViews.float32(speedFrames[s]));
      }
      JsObjects.set(input, "oursSpeed", oursSpeed);
      JsObjects.set(input, "speedFrames", speedInput);
      JsObjects.set(input, "speedFrameCount", SPEED_FRAMES);
      JsObjects.set(input, "speedMillis", speedMillis);
      JsObjects.set(input, "workers", pool.threadIds().length);
      compare(input);
    });
  }

  /** Our accuracy then speed runs, estimator by estimator, each a task on the pool's one worker. */
  private static void runOurs(int estimator, SharedFloatArray frames, SharedIntArray index, int count,
      SharedFloatArray[] estimates, SharedFloatArray[] speedFrames, double[][] speed, Runnable done) {
    if (estimator == BenchTasks.ESTIMATORS) {
      done.run();
      return;
    }
    TaskFuture<Integer> accuracy = pool.submit(BenchTasks.ACCURACY, frames, index, count, RATE, estimator,
        estimates[estimator]);
    WebFutures.whenDone(accuracy, () -> {
      accuracy.join();
      runSpeed(estimator, 0, speedFrames, speed, () -> runOurs(estimator + 1, frames, index, count, estimates,
          speedFrames, speed, done));
    });
  }

  private static void runSpeed(int estimator, int s, SharedFloatArray[] speedFrames, double[][] speed, Runnable done) {
    if (s == SPEED_SIZES.length) {
      done.run();
      return;
    }
    status("our " + BenchTasks.name(estimator) + " at " + SPEED_SIZES[s] + " samples");
    TaskFuture<Double> future = pool.submit(BenchTasks.SPEED, speedFrames[s], SPEED_FRAMES, SPEED_SIZES[s], RATE,
        estimator, speedMillis);
    WebFutures.whenDone(future, () -> {
      speed[estimator][s] = future.join();
      runSpeed(estimator, s + 1, speedFrames, speed, done);
    });
  }

  @JSBody(params = "input", script = "pitchBench.compare(input);")
  private static native void compare(JSObject input);

  @JSBody(params = "text", script = "pitchBench.status(text);")
  private static native void status(String text);

  @JSBody(params = "message", script = "pitchBench.fail(message);")
  private static native void fail(String message);
}
