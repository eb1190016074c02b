package org.webthreads.examples.pitch.web;

import org.teavm.jso.JSObject;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.SlotsExhaustedException;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pitch.NoteLog;
import org.webthreads.examples.pitch.NoteNames;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.TunerSmoother;
import org.webthreads.web.JsObjects;
import org.webthreads.web.SharedArrayViews;
import org.webthreads.web.WebFutures;

/**
 * Live mode on the page: the microphone's samples arrive in a ring in shared memory (written by the
 * AudioWorklet, which notifies the sample counter); each time the counter moves, the page submits one
 * pure task per new window and analysis ({@link LiveTasks#WINDOW}; a window every hop of at most 6 ms),
 * then reads the results that are in, feeds the tuner ({@link TunerSmoother}) and the heard-notes log
 * ({@link NoteLog}), and hands points and figures to the page's drawing. The page never blocks: it
 * waits for the counter with {@code Atomics.waitAsync} ({@link WebFutures#whenChanged}).
 *
 * <p>Windows are numbered across sessions (a task left over from a stopped session can never be taken
 * for one of the new session's). A window is dropped when its samples were overwritten before its task
 * read them, when the page fell more than half the ring behind, or when its results were about to be
 * overwritten before the page read them.
 */
final class LiveSession {
  private final ThreadPool pool;
  private final PageOptions options;
  private final SharedFloatArray ring;
  private final SharedIntArray control;
  private final SharedIntArray stamps;
  private final SharedIntArray ints;
  private final SharedFloatArray floats;
  private final SharedFloatArray spectrogram;
  private final LiveStats[] busyUs = {new LiveStats(), new LiveStats()};
  private LiveStats latencyUs = new LiveStats();
  private LiveStats stampCheckMs = new LiveStats();
  /** Latency from the worklet's own Date.now() stamp (whole ms), a check that needs no clock worker. */
  private LiveStats dateLatencyMs = new LiveStats();
  /** Per window: from its last block's clock stamp to the page's submit (the page's share of the latency). */
  private LiveStats submitDelayMs = new LiveStats();
  /** When the page submitted each window's tasks (ms on {@link Clock}), by result slot. */
  private final double[] submittedMs = new double[LiveLayout.RESULT_SLOTS];
  /** Date.now() minus the shared performance clock, measured at the start. */
  private double dateOffsetMs;
  private final int[] analysed = new int[2];
  private boolean running;
  private boolean starting;
  private int rate;
  private int hop;
  private int window;
  private boolean[] enabled;
  private int primary;
  private double baseMs;
  private double dateBaseMs;
  private double startedMs;
  /** The first window of this session; windows are numbered across sessions. */
  private int firstWindow;
  private int nextWindow;
  private int nextResult;
  private int nextColumnWindow;
  private int dropped;
  private int unstamped;
  private int unheardWindows;
  private TunerSmoother tuner;
  private NoteLog log;
  private int loggedNotes;
  private double lastFiguresMs;
  private int lastWritten;

  LiveSession(ThreadPool pool, PageOptions options) {
    this.pool = pool;
    this.options = options;
    ring = pool.newSharedFloatArray(LiveLayout.RING);
    control = pool.newSharedIntArray(LiveLayout.CONTROL_WORDS);
    stamps = pool.newSharedIntArray(LiveLayout.STAMP_SLOTS * LiveLayout.STAMP_STRIDE);
    ints = pool.newSharedIntArray(LiveLayout.RESULT_SLOTS * LiveLayout.INT_STRIDE);
    floats = pool.newSharedFloatArray(LiveLayout.RESULT_SLOTS * LiveLayout.FLOAT_STRIDE);
    spectrogram = pool.newSharedFloatArray(LiveLayout.COLUMNS * LiveLayout.ROWS);
  }

  boolean active() {
    return running || starting;
  }

  /** Asks for the microphone (the page's start button; a user gesture, which audio needs). */
  void start() {
    if (active()) {
      return;
    }
    enabled = new boolean[] {options.liveMcLeod, options.liveYin};
    if (!enabled[0] && !enabled[1]) {
      PitchUi.message("Choose at least one algorithm (McLeod or YIN) for live analysis.", true);
      return;
    }
    primary = enabled[LiveLayout.MCLEOD] ? LiveLayout.MCLEOD : LiveLayout.YIN;
    window = options.liveWindow;
    starting = true;
    for (int i = 0; i < LiveLayout.CONTROL_WORDS; i++) {
      control.set(i, 0);
    }
    for (int i = 0; i < stamps.length(); i++) {
      stamps.set(i, -1);
    }
    baseMs = Clock.nowMs();
    dateBaseMs = Math.floor(PitchUi.dateNowMs());
    PitchUi.status("asking for the microphone");
    PitchUi.startAudio(SharedArrayViews.float32(ring), SharedArrayViews.int32(control), SharedArrayViews.int32(stamps),
        baseMs, dateBaseMs, this::started, this::failed);
  }

  private void failed(String message) {
    starting = false;
    running = false;
    PitchUi.status("live mode stopped");
    PitchUi.message(message, true);
    JSObject data = JsObjects.newObject();
    JsObjects.set(data, "error", message);
    PitchUi.publish("liveError", data);
  }

  private void started(int sampleRate) {
    starting = false;
    if (sampleRate < PitchSettings.MIN_SAMPLE_RATE || sampleRate > PitchSettings.MAX_SAMPLE_RATE) {
      PitchUi.stopAudio();
      failed("The audio device runs at " + sampleRate + " Hz; live analysis needs 8 to 96 kHz.");
      return;
    }
    rate = sampleRate;
    hop = LiveLayout.hopFor(rate);
    NoteNames names = new NoteNames(options.a4Hz);
    tuner = new TunerSmoother(hop / (double) rate, names);
    log = new NoteLog(hop / (double) rate);
    loggedNotes = 0;
    firstWindow = nextWindow + LiveLayout.RESULT_SLOTS;
    nextWindow = firstWindow;
    nextResult = firstWindow;
    nextColumnWindow = firstWindow;
    dropped = 0;
    unstamped = 0;
    unheardWindows = 0;
    analysed[0] = 0;
    analysed[1] = 0;
    busyUs[0] = new LiveStats();
    busyUs[1] = new LiveStats();
    latencyUs = new LiveStats();
    stampCheckMs = new LiveStats();
    dateLatencyMs = new LiveStats();
    submitDelayMs = new LiveStats();
    dateOffsetMs = dateOffset();
    running = true;
    startedMs = Clock.nowMs();
    lastFiguresMs = startedMs;
    lastWritten = 0;
    JSObject settings = JsObjects.newObject();
    JsObjects.set(settings, "sampleRate", rate);
    JsObjects.set(settings, "hop", hop);
    JsObjects.set(settings, "window", window);
    JsObjects.set(settings, "mcleod", enabled[0]);
    JsObjects.set(settings, "yin", enabled[1]);
    JsObjects.set(settings, "rows", LiveLayout.ROWS);
    JsObjects.set(settings, "columns", LiveLayout.COLUMNS);
    JsObjects.set(settings, "lowHz", LiveLayout.LOW_HZ);
    JsObjects.set(settings, "highHz", LiveLayout.HIGH_HZ);
    JsObjects.set(settings, "a4", options.a4Hz);
    PitchUi.liveStarted(settings, SharedArrayViews.float32(spectrogram));
    PitchUi.status("listening: " + rate + " Hz, a window of " + window + " every " + hop + " samples ("
        + Math.round(hop * 10000.0 / rate) / 10.0 + " ms)");
    PitchUi.message("", false);
    WebFutures.whenChanged(control, LiveLayout.WRITTEN, 0, this::onAudio);
  }

  /** The stop button: ends the audio, keeps the figures and the history on screen. */
  void stop() {
    if (starting) {
      starting = false;
      PitchUi.stopAudio();
      return;
    }
    if (!running) {
      return;
    }
    running = false;
    control.set(LiveLayout.STOP, 1);
    control.notifyWaiters(LiveLayout.WRITTEN); // wakes the clock worker, which then ends
    PitchUi.stopAudio();
    drainResults();
    updateFigures();
    PitchUi.liveStopped();
    PitchUi.status("live mode stopped");
    PitchUi.publish("live", result());
  }

  /** The sample counter moved (or was notified): submit the new windows, read the results that are in. */
  private void onAudio() {
    if (!running) {
      return;
    }
    int written = control.get(LiveLayout.WRITTEN);
    lastWritten = written;
    dispatch(written);
    drainResults();
    if (options.liveSeconds > 0 && written >= options.liveSeconds * (double) rate) {
      stop();
      return;
    }
    if (options.untilSilence && log.size() > 0 && unheardWindows * (double) hop / rate >= 0.7) {
      stop();
      return;
    }
    WebFutures.whenChanged(control, LiveLayout.WRITTEN, written, this::onAudio);
  }

  private void dispatch(int written) {
    int spectrumLength = Math.max(window, LiveLayout.SPECTRUM_WINDOW);
    while (true) {
      int stream = nextWindow - firstWindow;
      int end = stream * hop + window;
      if (written - end < 0) {
        return;
      }
      int k = nextWindow++;
      if (written - (end - spectrumLength) > LiveLayout.RING / 2) {
        // The page fell far behind (a stall of about a second): these samples will be overwritten.
        for (int a = 0; a <= LiveLayout.YIN; a++) {
          if (enabled[a]) {
            ints.set((k % LiveLayout.RESULT_SLOTS) * LiveLayout.INT_STRIDE + LiveLayout.SEQ + a, -(k + 1));
          }
        }
        continue;
      }
      submittedMs[k % LiveLayout.RESULT_SLOTS] = Clock.nowMs();
      for (int a = 0; a <= LiveLayout.YIN; a++) {
        if (enabled[a]) {
          submit(k, end, a);
        }
      }
      if (stream % LiveLayout.SPECTRUM_EVERY == 0 && end >= spectrumLength) {
        submit(k, end, LiveLayout.SPECTRUM);
      }
    }
  }

  /**
   * Submits one analysis of window k. With every task slot taken (the workers stalled for minutes) the
   * page must not block: the analysis is marked dropped instead.
   */
  private void submit(int k, int end, int analysis) {
    try {
      pool.execute(LiveTasks.WINDOW, ring, control, ints, floats, spectrogram, k, end, rate, window, analysis,
          baseMs);
    } catch (SlotsExhaustedException e) {
      ints.set((k % LiveLayout.RESULT_SLOTS) * LiveLayout.INT_STRIDE + LiveLayout.SEQ + analysis, -(k + 1));
    }
  }

  /** Reads the results that are in, in window order. */
  private void drainResults() {
    while (nextResult < nextWindow) {
      int k = nextResult;
      int slot = (k % LiveLayout.RESULT_SLOTS) * LiveLayout.INT_STRIDE;
      boolean ready = true;
      for (int a = 0; a <= LiveLayout.YIN; a++) {
        if (enabled[a]) {
          int seq = ints.get(slot + LiveLayout.SEQ + a);
          ready &= seq == k + 1 || seq == -(k + 1);
        }
      }
      if (!ready) {
        if (nextWindow - k < LiveLayout.RESULT_SLOTS - 256) {
          break;
        }
        // Its slot is about to be reused: give up on it.
        dropped++;
        nextResult++;
        continue;
      }
      consume(k, slot);
      nextResult++;
    }
    int spectrumLength = Math.max(window, LiveLayout.SPECTRUM_WINDOW);
    while (nextColumnWindow < nextResult) {
      int stream = nextColumnWindow - firstWindow;
      if (stream * hop + window < spectrumLength) {
        nextColumnWindow += LiveLayout.SPECTRUM_EVERY;
        continue;
      }
      int k = nextColumnWindow;
      int seq = ints.get((k % LiveLayout.RESULT_SLOTS) * LiveLayout.INT_STRIDE + LiveLayout.SEQ + LiveLayout.SPECTRUM);
      if (seq != k + 1 && seq != -(k + 1)) {
        if (nextWindow - k < LiveLayout.RESULT_SLOTS - 256) {
          break;
        }
        seq = -(k + 1);
      }
      PitchUi.spectrogramColumn(seq > 0 ? LiveLayout.column(k) : -1);
      nextColumnWindow += LiveLayout.SPECTRUM_EVERY;
    }
  }

  private void consume(int k, int slot) {
    int stream = k - firstWindow;
    int end = stream * hop + window;
    double[] hz = {Double.NaN, Double.NaN};
    double[] clarity = {Double.NaN, Double.NaN};
    boolean lost = false;
    int fslot = (k % LiveLayout.RESULT_SLOTS) * LiveLayout.FLOAT_STRIDE;
    int quantum = (end - 1) / LiveLayout.QUANTUM;
    int stampAt = (quantum % LiveLayout.STAMP_SLOTS) * LiveLayout.STAMP_STRIDE;
    boolean stamped = stamps.get(stampAt + LiveLayout.STAMP_QUANTUM) == quantum;
    int stampUs = stamps.get(stampAt + LiveLayout.STAMP_CLOCK_US);
    if (stamped) {
      // The clock worker's stamp against the worklet's own (whole ms, so this is 0 to 1 ms when the
      // clock worker woke at once), on the performance clock.
      double clockMs = baseMs + stampUs / 1000.0;
      double dateMs = dateBaseMs + stamps.get(stampAt + LiveLayout.STAMP_DATE_MS) - dateOffsetMs;
      stampCheckMs.add(clockMs - dateMs);
      submitDelayMs.add(submittedMs[k % LiveLayout.RESULT_SLOTS] - clockMs);
    }
    // The worklet writes its Date.now() stamp before it publishes the samples: it is always there.
    double writtenDateMs = dateBaseMs + stamps.get(stampAt + LiveLayout.STAMP_DATE_MS);
    for (int a = 0; a <= LiveLayout.YIN; a++) {
      if (!enabled[a]) {
        continue;
      }
      if (ints.get(slot + LiveLayout.SEQ + a) < 0) {
        lost = true;
        continue;
      }
      double doneMs = baseMs + ints.get(slot + LiveLayout.DONE_US + a) / 1000.0;
      dateLatencyMs.add(doneMs + dateOffsetMs - writtenDateMs);
      hz[a] = floats.get(fslot + 3 * a);
      clarity[a] = floats.get(fslot + 3 * a + 1);
      analysed[a]++;
      busyUs[a].add(ints.get(slot + LiveLayout.BUSY_US + a));
      if (stamped) {
        latencyUs.add(ints.get(slot + LiveLayout.DONE_US + a) - stampUs);
      } else {
        unstamped++;
      }
    }
    if (lost) {
      dropped++;
    }
    double f = hz[primary];
    tuner.update(f > 0 ? f : 0);
    log.update(tuner);
    unheardWindows = f > 0 ? 0 : unheardWindows + 1;
    PitchUi.livePoint((end - window / 2.0) / rate, hz[0], clarity[0], hz[1], clarity[1]);
  }

  /**
   * Date.now() minus the shared performance clock: the median of 21 readings (Date.now() counts whole
   * milliseconds, so each reading is up to 1 ms low; the median of the difference sits half a ms low).
   */
  private static double dateOffset() {
    double[] d = new double[21];
    for (int i = 0; i < d.length; i++) {
      d[i] = PitchUi.dateNowMs() - Clock.nowMs();
    }
    java.util.Arrays.sort(d);
    return d[d.length / 2] + 0.5;
  }

  /** Called at every animation frame while live: the tuner, the heard notes and (4 times a second) the figures. */
  void frame() {
    if (!running) {
      return;
    }
    drainResults();
    PitchUi.tuner(tuner.voiced(), tuner.voiced() ? NoteNames.pitchClassOfMidi(tuner.midi()) : "-",
        tuner.voiced() ? NoteNames.octaveOfMidi(tuner.midi()) : 0, tuner.cents(), tuner.frequencyHz());
    if (log.size() != loggedNotes) {
      loggedNotes = log.size();
      PitchUi.heard(notes());
    }
    if (Clock.nowMs() - lastFiguresMs >= 250) {
      updateFigures();
      PitchUi.heard(notes()); // the last note's cents and length move while it sounds
    }
  }

  private void updateFigures() {
    double now = Clock.nowMs();
    double seconds = (now - lastFiguresMs) / 1000;
    JSObject figures = JsObjects.newObject();
    for (int a = 0; a <= LiveLayout.YIN; a++) {
      String name = a == LiveLayout.MCLEOD ? "mcleod" : "yin";
      JsObjects.set(figures, name + "PerSecond", enabled[a] && seconds > 0
          ? busyUs[a].countSinceMark() / seconds : Double.NaN);
      JsObjects.set(figures, name + "Us", enabled[a] ? busyUs[a].meanSinceMark() : Double.NaN);
      busyUs[a].markNow();
    }
    JsObjects.set(figures, "dropped", dropped);
    JsObjects.set(figures, "latencyMedianMs", latencyUs.recentPercentile(500, 50) / 1000);
    JsObjects.set(figures, "latencyP95Ms", latencyUs.recentPercentile(500, 95) / 1000);
    JsObjects.set(figures, "seconds", lastWritten / (double) Math.max(1, rate));
    JsObjects.set(figures, "workers", pool.threadIds().length);
    PitchUi.liveFigures(figures);
    lastFiguresMs = now;
  }

  private JSObject notes() {
    JSObject list = JsObjects.newArray();
    for (int i = 0; i < log.size(); i++) {
      JSObject note = JsObjects.newObject();
      JsObjects.set(note, "name", NoteNames.nameOfMidi(log.midi(i)));
      JsObjects.set(note, "midi", log.midi(i));
      JsObjects.set(note, "cents", Math.round(log.cents(i) * 100) / 100.0);
      JsObjects.set(note, "start", Math.round(log.startSeconds(i) * 1000) / 1000.0);
      JsObjects.set(note, "seconds", Math.round(log.seconds(i) * 1000) / 1000.0);
      JsObjects.push(list, note);
    }
    return list;
  }

  /** The session's figures for tests and the benchmark. */
  private JSObject result() {
    double wallSeconds = (Clock.nowMs() - startedMs) / 1000;
    JSObject r = JsObjects.newObject();
    JsObjects.set(r, "sampleRate", rate);
    JsObjects.set(r, "hop", hop);
    JsObjects.set(r, "window", window);
    JsObjects.set(r, "hopMs", hop * 1000.0 / rate);
    JsObjects.set(r, "workers", pool.threadIds().length);
    JsObjects.set(r, "audioSeconds", lastWritten / (double) rate);
    JsObjects.set(r, "wallSeconds", wallSeconds);
    JsObjects.set(r, "windows", nextResult - firstWindow);
    JsObjects.set(r, "dropped", dropped);
    for (int a = 0; a <= LiveLayout.YIN; a++) {
      String name = a == LiveLayout.MCLEOD ? "mcleod" : "yin";
      JSObject alg = JsObjects.newObject();
      JsObjects.set(alg, "enabled", enabled[a]);
      JsObjects.set(alg, "analyses", analysed[a]);
      JsObjects.set(alg, "perSecond", analysed[a] / wallSeconds);
      JsObjects.set(alg, "usMean", busyUs[a].mean());
      JsObjects.set(alg, "usMedian", busyUs[a].percentile(50));
      JsObjects.set(alg, "usP95", busyUs[a].percentile(95));
      JsObjects.set(r, name, alg);
    }
    JSObject latency = JsObjects.newObject();
    JsObjects.set(latency, "count", latencyUs.count());
    JsObjects.set(latency, "unstamped", unstamped);
    JsObjects.set(latency, "medianMs", latencyUs.percentile(50) / 1000);
    JsObjects.set(latency, "p95Ms", latencyUs.percentile(95) / 1000);
    JsObjects.set(latency, "p99Ms", latencyUs.percentile(99) / 1000);
    JsObjects.set(latency, "maxMs", latencyUs.max() / 1000);
    JsObjects.set(latency, "pageSubmitDelayMedianMs", submitDelayMs.percentile(50));
    JsObjects.set(latency, "pageSubmitDelayP95Ms", submitDelayMs.percentile(95));
    JsObjects.set(latency, "pageSubmitDelayMaxMs", submitDelayMs.max());
    JsObjects.set(r, "latency", latency);
    JSObject check = JsObjects.newObject();
    JsObjects.set(check, "medianMs", stampCheckMs.percentile(50));
    JsObjects.set(check, "p99Ms", stampCheckMs.percentile(99));
    JsObjects.set(check, "maxMs", stampCheckMs.max());
    JsObjects.set(r, "clockStampMinusWorkletDateMs", check);
    JSObject byDate = JsObjects.newObject();
    JsObjects.set(byDate, "count", dateLatencyMs.count());
    JsObjects.set(byDate, "medianMs", dateLatencyMs.percentile(50));
    JsObjects.set(byDate, "p95Ms", dateLatencyMs.percentile(95));
    JsObjects.set(byDate, "maxMs", dateLatencyMs.max());
    JsObjects.set(byDate, "dateMinusClockOffsetMs", dateOffsetMs);
    JsObjects.set(r, "latencyFromWorkletDate", byDate);
    JsObjects.set(r, "notes", notes());
    return r;
  }
}
