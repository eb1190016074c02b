package org.webthreads.examples.pitch.web;

import java.util.Arrays;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int8Array;
import org.webthreads.ArenaFullException;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskProgress;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pitch.MonoAudio;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchCsv;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.PitchTrack;
import org.webthreads.examples.pitch.RateAdapter;
import org.webthreads.examples.pitch.WavReader;
import org.webthreads.examples.pitch.pool.FileTasks;
import org.webthreads.web.JsObjects;
import org.webthreads.web.SharedArrayViews;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebProgress;

/**
 * File mode on the page: a dropped or chosen file (WAV files are decoded in Java by {@link WavReader},
 * exactly as the JVM command does; anything else by the browser's {@code decodeAudioData}) or the
 * generated demo clip goes into a shared float array; it is cut into chunks of windows, each a pure
 * task ({@link FileTasks#CHUNK}) on every worker; the tracker's decoding is one more task
 * ({@link FileTasks#DECODE}). Progress comes through a {@link TaskProgress} the chunks add their windows
 * to, which the page watches with {@link WebProgress}; completion through a countdown the last chunk
 * notifies. Then, for the speedup figure, the same windows run again as one task on one worker,
 * and the two sets of records must be identical.
 */
final class FileSession {
  static final int CHUNK_WINDOWS = 32;

  private final ThreadPool pool;
  private final PageOptions options;
  private boolean busy;
  private String name;
  private String source;
  private int rate;
  private int frames;
  private int window;
  private int hop;
  private PitchAlgorithm algorithm;
  private SharedFloatArray samples;
  private SharedFloatArray records;
  private SharedFloatArray rows;
  private SharedIntArray progress;
  private TaskProgress windowsDone;
  private WebProgress.Subscription shownProgress;
  private double startMs;
  private double analysedMs;
  private double decodedMs;
  private String phase = "";
  private double lastProgressMs;

  FileSession(ThreadPool pool, PageOptions options) {
    this.pool = pool;
    this.options = options;
  }

  boolean busy() {
    return busy;
  }

  /** A file the user chose or dropped. */
  void chosen(Int8Array bytes, String fileName) {
    if (busy) {
      PitchUi.message("An analysis is running: open the next file when it is done.", true);
      return;
    }
    if (bytes.getLength() == 0) {
      fail("The file '" + fileName + "' is empty (0 bytes): choose an audio file (WAV, MP3, Ogg, FLAC, ...).");
      return;
    }
    byte[] data = bytes.copyToJavaArray();
    String wavProblem = null;
    if (isRiffWave(data)) {
      try {
        MonoAudio audio = RateAdapter.toSupportedRate(WavReader.read(data));
        analyse(fileName, audio.samples(), null, audio.sampleRate(), audio.source());
        return;
      } catch (IllegalArgumentException e) {
        wavProblem = e.getMessage(); // perhaps the browser can: compressed WAV, say
      }
    }
    String asWav = wavProblem;
    busy = true;
    PitchUi.status("decoding " + fileName);
    PitchUi.decode(bytes, fileName, (mono, sampleRate) -> {
      busy = false;
      analyse(fileName, null, mono, sampleRate, "decoded by the browser at " + sampleRate + " Hz");
    }, problem -> {
      busy = false;
      fail("Could not decode '" + fileName + "': " + problem + (asWav != null ? " (read as WAV: " + asWav + ")" : "")
          + ". The browser reads WAV, MP3, AAC, Ogg, Opus, FLAC and WebM audio.");
    });
  }

  /** The generated demo clip. */
  void demo() {
    if (busy) {
      PitchUi.message("An analysis is running: wait for it to finish.", true);
      return;
    }
    int sampleRate = 48000;
    analyse("demo clip (" + options.demoSeconds + " s)", DemoClip.render(sampleRate, options.demoSeconds), null,
        sampleRate, "generated at " + sampleRate + " Hz");
  }

  private void analyse(String fileName, float[] javaSamples, Float32Array jsSamples, int sampleRate, String from) {
    int n = javaSamples != null ? javaSamples.length : jsSamples.getLength();
    algorithm = options.fileAlgorithm;
    window = options.fileWindow;
    hop = options.fileHop;
    PitchSettings settings;
    try {
      settings = PitchSettings.of(sampleRate, window);
    } catch (IllegalArgumentException e) {
      fail("'" + fileName + "': " + e.getMessage());
      return;
    }
    if (n < window) {
      fail("'" + fileName + "' holds " + (n == 0 ? "no audio" : "only " + n + " samples (" + seconds(n, sampleRate)
          + " s)") + ": at least one window of " + window + " samples is needed.");
      return;
    }
    release();
    frames = settings.frameCount(n, hop);
    try {
      samples = pool.newSharedFloatArray(n);
      records = pool.newSharedFloatArray(frames * algorithm.recordFloats());
    } catch (ArenaFullException e) {
      release();
      fail("'" + fileName + "' is " + seconds(n, sampleRate) + " s long, more than file mode's shared memory holds "
          + "(about " + (1 << 24) / sampleRate / 60 + " minutes at " + sampleRate + " Hz): cut it shorter.");
      return;
    }
    if (javaSamples != null) {
      samples.copyFrom(javaSamples, 0, 0, n);
    } else {
      SharedArrayViews.float32(samples).set(jsSamples); // JavaScript's decoded samples, straight into shared memory
    }
    name = fileName;
    source = from;
    rate = sampleRate;
    progress = pool.newSharedIntArray(FileTasks.PROGRESS_WORDS);
    int chunks = (frames + CHUNK_WINDOWS - 1) / CHUNK_WINDOWS;
    progress.set(FileTasks.PROGRESS_CHUNKS_LEFT, chunks);
    windowsDone = pool.newTaskProgress(frames);
    shownProgress = WebProgress.subscribe(windowsDone, this::showProgress);
    busy = true;
    phase = "analysing " + frames + " windows on " + pool.threadIds().length + " workers";
    PitchUi.status(name + ": " + phase);
    PitchUi.message("", false);
    startMs = Clock.nowMs();
    for (int first = 0; first < frames; first += CHUNK_WINDOWS) {
      pool.execute(FileTasks.CHUNK, progress, windowsDone, samples, rate, window, hop, algorithm.ordinal(), first,
          Math.min(CHUNK_WINDOWS, frames - first), records);
    }
    WebFutures.whenValue(progress, FileTasks.PROGRESS_CHUNKS_LEFT, 0, this::analysed);
  }

  private void analysed() {
    analysedMs = Clock.nowMs() - startMs;
    if (progress.get(FileTasks.PROGRESS_FIRST_FAILED) != 0) {
      busy = false;
      fail("The analysis of '" + name + "' failed at window " + (progress.get(FileTasks.PROGRESS_FIRST_FAILED) - 1)
          + " (the worker's console has the error).");
      return;
    }
    PitchUi.progress(frames, frames, "");
    if (algorithm.perWindow()) {
      rows = records;
      decodedMs = 0;
      show();
      return;
    }
    phase = "decoding the track (one task: each step needs the previous one)";
    PitchUi.status(name + ": " + phase);
    rows = pool.newSharedFloatArray(frames * PitchTrack.ROW_FLOATS);
    double decodeStart = Clock.nowMs();
    TaskFuture<Integer> decode = pool.submit(FileTasks.DECODE, records, frames, rate, window, rows);
    WebFutures.whenDone(decode, () -> {
      try {
        decode.join();
      } catch (RuntimeException e) {
        busy = false;
        fail("Decoding the track of '" + name + "' failed: " + e.getMessage());
        return;
      }
      decodedMs = Clock.nowMs() - decodeStart;
      show();
    });
  }

  private void show() {
    JSObject info = JsObjects.newObject();
    JsObjects.set(info, "name", name);
    JsObjects.set(info, "source", source);
    JsObjects.set(info, "sampleRate", rate);
    JsObjects.set(info, "frames", frames);
    JsObjects.set(info, "hop", hop);
    JsObjects.set(info, "window", window);
    JsObjects.set(info, "algorithm", algorithm.cliName());
    JsObjects.set(info, "a4", options.a4Hz);
    PitchUi.fileTrack(info, SharedArrayViews.float32(rows), SharedArrayViews.float32(samples));
    PitchUi.fileFigures(figures(Double.NaN, false));
    if (!options.compare) {
      finish(Double.NaN, false);
      return;
    }
    // The same windows again as one task, on one worker: the time one worker takes, for the speedup.
    phase = "timing one worker for the speedup (the same windows as one task)";
    PitchUi.status(name + ": " + phase);
    SharedFloatArray serialRecords = pool.newSharedFloatArray(frames * algorithm.recordFloats());
    SharedIntArray serialProgress = pool.newSharedIntArray(FileTasks.PROGRESS_WORDS);
    serialProgress.set(FileTasks.PROGRESS_CHUNKS_LEFT, 1);
    TaskProgress serialDone = pool.newTaskProgress(frames);
    double serialStart = Clock.nowMs();
    pool.execute(FileTasks.CHUNK, serialProgress, serialDone, samples, rate, window, hop, algorithm.ordinal(), 0, frames,
        serialRecords);
    WebFutures.whenValue(serialProgress, FileTasks.PROGRESS_CHUNKS_LEFT, 0, () -> {
      double serialMs = Clock.nowMs() - serialStart;
      boolean identical = serialProgress.get(FileTasks.PROGRESS_FIRST_FAILED) == 0
          && Arrays.equals(records.toArray(), serialRecords.toArray());
      serialRecords.free();
      serialProgress.free();
      serialDone.free();
      finish(serialMs, identical);
    });
  }

  private void finish(double serialMs, boolean identical) {
    busy = false;
    PitchUi.status(name + ": " + frames + " windows in " + round(analysedMs, 1) + " ms on "
        + pool.threadIds().length + " workers" + (serialMs > 0 ? ", " + round(serialMs / analysedMs, 2)
        + "x one worker" : ""));
    JSObject figures = figures(serialMs, identical);
    PitchUi.fileFigures(figures);
    float[] rowValues = rows.toArray();
    PitchTrack track = PitchTrack.fromRecords(PitchAlgorithm.MCLEOD, PitchSettings.of(rate, window), hop, rowValues,
        frames);
    PitchUi.csv(PitchCsv.write(track));
    JSObject trackValues = PitchUi.numberArray(frames);
    for (int f = 0; f < frames; f++) {
      PitchUi.setNumber(trackValues, f, rowValues[f * PitchTrack.ROW_FLOATS]);
    }
    JsObjects.set(figures, "track", trackValues);
    PitchUi.publish("file", figures);
  }

  private JSObject figures(double serialMs, boolean identical) {
    JSObject f = JsObjects.newObject();
    JsObjects.set(f, "name", name);
    JsObjects.set(f, "source", source);
    JsObjects.set(f, "sampleRate", rate);
    JsObjects.set(f, "seconds", frames == 0 ? 0 : samples.length() / (double) rate);
    JsObjects.set(f, "algorithm", algorithm.cliName());
    JsObjects.set(f, "window", window);
    JsObjects.set(f, "hop", hop);
    JsObjects.set(f, "frames", frames);
    JsObjects.set(f, "workers", pool.threadIds().length);
    JsObjects.set(f, "chunkWindows", CHUNK_WINDOWS);
    JsObjects.set(f, "analysisMs", round(analysedMs, 2));
    JsObjects.set(f, "windowsPerSecond", Math.round(frames / analysedMs * 1000));
    JsObjects.set(f, "decodeMs", round(decodedMs, 2));
    JsObjects.set(f, "totalMs", round(analysedMs + decodedMs, 2));
    if (serialMs > 0) {
      JsObjects.set(f, "oneWorkerMs", round(serialMs, 2));
      JsObjects.set(f, "oneWorkerWindowsPerSecond", Math.round(frames / serialMs * 1000));
      JsObjects.set(f, "speedup", round(serialMs / analysedMs, 3));
      JsObjects.set(f, "identicalToOneWorker", identical);
    }
    return f;
  }

  /**
   * The progress bar, from the WebProgress subscription (at most once per animation frame, when the
   * windows done changed), drawn at most 10 times a second and once at the end (with as many workers
   * as cores, whatever the page draws is taken from the analysis: measured, updating the bar and a
   * status line at every frame cost about a third of the speedup of 2 workers).
   */
  private void showProgress(long done, long total) {
    double now = Clock.nowMs();
    if (done < total && now - lastProgressMs < 100) {
      return;
    }
    lastProgressMs = now;
    PitchUi.progress((int) done, (int) total, phase);
  }

  private void fail(String message) {
    PitchUi.status("file mode: nothing analysed");
    PitchUi.message(message, true);
    JSObject data = JsObjects.newObject();
    JsObjects.set(data, "error", message);
    PitchUi.publish("fileError", data);
  }

  /** Frees the previous file's shared arrays (after the page let go of their views). */
  private void release() {
    PitchUi.dropFile();
    if (rows != null && rows != records) {
      rows.free();
    }
    if (records != null) {
      records.free();
    }
    if (samples != null) {
      samples.free();
    }
    if (progress != null) {
      progress.free();
    }
    if (shownProgress != null) {
      shownProgress.unsubscribe();
    }
    if (windowsDone != null) {
      windowsDone.free();
    }
    shownProgress = null;
    windowsDone = null;
    rows = null;
    records = null;
    samples = null;
    progress = null;
  }

  private static boolean isRiffWave(byte[] b) {
    return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'A'
        && b[10] == 'V' && b[11] == 'E';
  }

  private static String seconds(int samples, int rate) {
    return String.valueOf(round(samples / (double) rate, 3));
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
