package org.webthreads.examples.pitch.web;

import org.teavm.jso.JSObject;
import org.webthreads.PoolConfig;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pitch.pool.FileTasks;
import org.webthreads.examples.pitch.web.bench.BenchTasks;
import org.webthreads.examples.pitch.web.bench.PitchBench;
import org.webthreads.web.JsObjects;
import org.webthreads.web.WebOptions;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebThreads;

/**
 * The pitch detector page (pitch.html), compiled to WasmGC; main runs on the page and in every worker.
 * On the page: one pool over every worker, live mode ({@link LiveSession}: the microphone, a tuner, the
 * pitch history, a spectrogram computed on the workers) and file mode ({@link FileSession}: a whole
 * file on every worker). Settings: {@link PageOptions}. Outcomes are published for tests and benchmarks
 * as {@code self.pitchEvents} (each sets the title "done").
 */
public final class PitchPage {
  /** Shared words for the pool's arena: files up to 2^24 samples, live mode's arrays, task arguments. */
  static final int ARENA_WORDS = 1 << 25;

  private static PageOptions options;
  private static ThreadPool pool;
  private static LiveSession live;
  private static FileSession files;

  private PitchPage() {
  }

  public static void main(String[] args) {
    LiveTasks.register();
    FileTasks.register();
    BenchTasks.register();
    if (WebThreads.isWorker()) {
      WebThreads.start(WebOptions.defaults(), ready -> { }, error -> { });
      return;
    }
    if (PitchBench.isBenchPage()) {
      PitchBench.start(WebThreads.pageQuery()); // bench/js-pitch/pitch-bench.html runs the same program
      return;
    }
    try {
      options = PageOptions.parse(WebThreads.pageQuery());
    } catch (IllegalArgumentException e) {
      startFailed("bad page options: " + e.getMessage());
      return;
    }
    PitchUi.setup(options.toJs(), PitchPage::startLive, PitchPage::stopLive, PitchPage::fileChosen,
        PitchPage::demo, PitchPage::settingChanged, PitchPage::frame);
    PitchUi.status("starting the workers");
    WebOptions web = options.workers > 0 ? WebOptions.workers(options.workers) : WebOptions.defaults();
    WebThreads.start(web, PitchPage::ready, error -> startFailed(error.getMessage()));
  }

  private static void ready(WebPlatform platform) {
    try {
      pool = ThreadPool.create(platform, PoolConfig.defaults().withArenaWords(ARENA_WORDS), platform.workerIds());
      platform.onWorkerFailure(failure -> PitchUi.message("A worker failed: " + failure.getMessage()
          + ". Reload the page.", true));
      live = new LiveSession(pool, options);
      files = new FileSession(pool, options);
    } catch (RuntimeException e) {
      startFailed("could not start: " + e);
      return;
    }
    PitchUi.status("warming up the workers");
    double warmStart = Clock.nowMs();
    WarmUp.run(pool, () -> {
      PitchUi.status("ready: " + platform.workerCount() + " workers");
      JSObject data = JsObjects.newObject();
      JsObjects.set(data, "workers", platform.workerCount());
      JsObjects.set(data, "warmUpMs", Math.round(Clock.nowMs() - warmStart));
      if (options.autostart.equals("live")) {
        live.start();
      } else if (options.autostart.equals("demo")) {
        files.demo();
      } else {
        PitchUi.publish("ready", data);
      }
    });
  }

  private static void startFailed(String message) {
    PitchUi.status("not started");
    PitchUi.message(message, true);
    JSObject data = JsObjects.newObject();
    JsObjects.set(data, "error", message);
    PitchUi.publish("startError", data);
  }

  private static void startLive() {
    if (live != null) {
      live.start();
    }
  }

  private static void stopLive() {
    if (live != null) {
      live.stop();
    }
  }

  private static void fileChosen(org.teavm.jso.typedarrays.Int8Array bytes, String name) {
    if (files != null) {
      files.chosen(bytes, name);
    }
  }

  private static void demo() {
    if (files != null) {
      files.demo();
    }
  }

  /** A control changed: the settings take effect at the next start (live) or file. */
  private static void settingChanged(String name, String value) {
    try {
      options.set(name, value);
      PitchUi.message("", false);
    } catch (IllegalArgumentException e) {
      PitchUi.message(e.getMessage(), true);
    }
    if (live != null && live.active() && (name.equals("window") || name.equals("mcleod") || name.equals("yin")
        || name.equals("a4"))) {
      PitchUi.message("Stop and start again to use the new " + name + ".", false);
    }
  }

  private static void frame() {
    if (live != null) {
      live.frame();
    }
  }
}
