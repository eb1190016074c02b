package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.webthreads.PoolConfig;
import org.webthreads.SharedIntArray;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.DefaultScene;
import org.webthreads.examples.pathtracer.Scene;
import org.webthreads.examples.pathtracer.SceneCodec;
import org.webthreads.examples.pathtracer.Tile;
import org.webthreads.examples.pathtracer.TileGrid;
import org.webthreads.examples.pathtracer.tiles.PassProgress;
import org.webthreads.examples.pathtracer.tiles.TileActivity;
import org.webthreads.examples.pathtracer.tiles.TileJob;
import org.webthreads.examples.pathtracer.tiles.TileTask;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebOptions;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebThreads;

/**
 * The path tracer page (tracer.html), compiled to WasmGC; main runs on the page and in every worker.
 *
 * <p>On the page: builds {@link DefaultScene}, sends it encoded ({@link SceneCodec}, a
 * {@code Float64Array}) once to every worker as a {@link TracerTasks#SCENE} JS task, then renders pass
 * after pass: one pure {@link TileTask} per tile, whose samples go into a
 * {@link SharedIntArray} of fixed-point sums in shared memory (no postMessage for pixels). Tiles are
 * submitted without futures; each records itself in the pass's progress array, from which the page
 * draws finished tiles (at every animation frame in the first pass, so the image fills in tile by
 * tile, then every {@link #REFINE_DRAW_MILLIS} ms and at the end of each pass), and the last one wakes
 * the page ({@link WebFutures#whenValue}), so the page does little work per tile. The figures and the
 * per-worker activity chart are updated after every pass. Options: see {@link Settings#parse}.
 *
 * <p>When the page stops (after {@code passes} passes) it publishes {@code self.tracerResult} (figures
 * and checksums of the sums and pixels), sets {@code self.framesDone} and the title "done".
 */
public final class TracerPage {
  private static final int SCENE_ID = 1;
  /**
   * After the first pass (draw=auto), how often the page draws the tiles finished so far, besides the
   * end of every pass. Drawing at every animation frame cost about 11% of a core (the page's thread,
   * the compositor and the display compositor, measured at 512 x 512 with tiles of 32), which on a
   * machine with as many cores as workers is taken from the workers; once the frame is filled in, a
   * refinement pass changes every pixel a little and drawing whole passes shows it as well.
   */
  static final int REFINE_DRAW_MILLIS = 250;

  private static Settings settings;
  private static WebPlatform platform;
  private static ThreadPool pool;
  private static SharedIntArray sums;
  private static SharedIntArray display;
  private static TileActivity activity;
  /** The current pass's progress. */
  private static PassProgress progress;
  /** Tiles of the finished list already drawn, and the pass whose drawing loop runs (-1: none). */
  private static int drawn;
  private static int drawingPass = -1;
  private static TileGrid grid;
  /** Every tile's job but for the pass (shared-memory mode). */
  private static TileJob render;
  private static double[] passMillis;
  private static double startMillis;
  private static boolean failed;
  /** postMessage mode: the frame's sums on the page, a plain (unshared) Int32Array. */
  private static JSObject pageSums;
  /** postMessage mode: the box around the tiles merged since the last drawing (empty: right <= left). */
  private static int dirtyLeft;
  private static int dirtyTop;
  private static int dirtyRight;
  private static int dirtyBottom;

  private TracerPage() {
  }

  public static void main(String[] args) {
    TracerTasks.register();
    if (WebThreads.isWorker()) {
      WebThreads.start(WebOptions.defaults(), ready -> { }, error -> { });
      return;
    }
    try {
      settings = Settings.parse(WebThreads.pageQuery());
    } catch (IllegalArgumentException e) {
      fail("bad page options: " + e.getMessage());
      return;
    }
    Ui.setup(settings.toJs());
    WebOptions options = settings.workers > 0 ? WebOptions.workers(settings.workers) : WebOptions.defaults();
    WebThreads.start(options, ready -> {
      try {
        ready(ready);
      } catch (RuntimeException e) {
        fail("could not start rendering: " + e);
      }
    }, error -> fail(error.getMessage()));
  }

  private static void ready(WebPlatform ready) {
    platform = ready;
    platform.onWorkerFailure(failure -> fail(failure.getMessage()));
    // The arena holds the frame's sums (3 words per pixel) and display colours (1), plus task arguments.
    int frameWords = settings.width * settings.height * 4;
    pool = ThreadPool.create(platform, PoolConfig.defaults().withArenaWords(frameWords + (1 << 20)),
        platform.workerIds());
    Ui.status("building the scene");
    Scene scene = DefaultScene.build(settings.seed, settings.width, settings.height);
    double[] encoded = SceneCodec.encode(scene);
    JSObject data = Ui.float64Array(encoded.length);
    for (int i = 0; i < encoded.length; i++) {
      Ui.setDouble(data, i, encoded[i]);
    }
    int pixels = settings.width * settings.height;
    sums = pool.newSharedIntArray(pixels * 3);
    display = pool.newSharedIntArray(pixels);
    activity = new TileActivity(pool.newSharedIntArray(TileActivity.wordsFor(platform.workerCount())));
    grid = settings.grid();
    progress = new PassProgress(pool.newSharedIntArray(PassProgress.wordsFor(grid.count())));
    render = TileJob.of(SCENE_ID, null, grid, sums).withDisplay(display).withActivity(activity)
        .withProgress(progress);
    passMillis = new double[settings.passes];
    if (settings.postMessage) {
      pageSums = Ui.int32Array(pixels * 3);
    }
    Ui.status("sending the scene (" + encoded.length + " doubles) to " + platform.workerCount() + " workers");
    int[] acknowledged = {0};
    for (int id : platform.workerIds()) {
      JSObject payload = JsObjects.newObject();
      JsObjects.set(payload, "id", SCENE_ID);
      JsObjects.set(payload, "data", data);
      // Structured clone: every worker gets its own copy of the Float64Array.
      platform.sendJs(TracerTasks.SCENE, id, payload, null, new JsTaskCallback() {
        @Override
        public void completed(JSObject result) {
          if (++acknowledged[0] == platform.workerCount()) {
            startMillis = Ui.now();
            if (settings.independent) {
              runIndependently();
            } else {
              runPass(0);
            }
          }
        }

        @Override
        public void failed(JsTaskFailedException failure) {
          fail("worker " + id + " could not load the scene: " + failure.getMessage());
        }
      });
    }
  }

  private static void runPass(int pass) {
    if (failed) {
      return;
    }
    if (settings.postMessage) {
      runPassByMessages(pass);
      return;
    }
    Ui.status("pass " + (pass + 1) + (settings.passes > 0 ? " of " + settings.passes : ""));
    double start = Ui.now();
    int count = grid.count();
    progress.startPass(count);
    for (int k = 0; k < count; k++) {
      pool.execute(TileTask.KIND, render.forTile(k, pass).arguments());
    }
    drawn = 0;
    drawingPass = pass;
    scheduleDraw(pass);
    // The last tile notifies when the count of tiles left reaches 0: one wake-up per pass.
    WebFutures.whenValue(progress.words(), PassProgress.TILES_LEFT, 0, () -> {
      drawingPass = -1;
      int failedTile = progress.failedTile();
      if (failedTile >= 0) {
        fail(render.forTile(failedTile, pass) + " failed; the worker's console has its error");
        return;
      }
      passDone(pass, Ui.now() - start);
    });
  }

  /**
   * Draws the tiles that finished since the last call and schedules the next call while pass
   * {@code pass} is still being rendered (the pass's end draws the whole frame). One image copy covers
   * the box around all of them: with small tiles, one copy per tile cost the page (and so the workers,
   * on a machine with as many cores as workers) more than the copying itself. Tiles inside the box
   * that are still being rendered show what the display buffer holds at that moment; they are drawn
   * again once they finish, so every tile's final colours reach the canvas.
   */
  private static void drawFinishedTiles(int pass) {
    if (failed || pass != drawingPass) {
      return;
    }
    if (settings.postMessage) {
      if (dirtyRight > dirtyLeft) {
        Ui.drawFrameImage(dirtyLeft, dirtyTop, dirtyRight - dirtyLeft, dirtyBottom - dirtyTop);
        clearDirtyBox();
      }
      scheduleDraw(pass);
      return;
    }
    int finished = progress.finishedCount();
    int left = Integer.MAX_VALUE;
    int top = Integer.MAX_VALUE;
    int right = 0;
    int bottom = 0;
    while (drawn < finished) {
      int index = progress.finishedTile(drawn);
      if (index < 0) {
        break; // its place is claimed but not filled yet: next time
      }
      Tile tile = grid.tile(index);
      left = Math.min(left, tile.x0());
      top = Math.min(top, tile.y0());
      right = Math.max(right, tile.right());
      bottom = Math.max(bottom, tile.bottom());
      drawn++;
    }
    if (right > left) {
      Ui.drawTile(display.handle(), settings.width, left, top, right - left, bottom - top);
    }
    scheduleDraw(pass);
  }

  /** Asks for the next drawing of pass {@code pass}'s finished tiles before the pass ends, if any. */
  private static void scheduleDraw(int pass) {
    boolean auto = settings.draw.equals(Settings.DRAW_AUTO);
    if (settings.draw.equals(Settings.DRAW_FRAMES) || (auto && pass == 0)) {
      Ui.onAnimationFrame(() -> drawFinishedTiles(pass));
    } else if (auto) {
      Ui.after(REFINE_DRAW_MILLIS, () -> drawFinishedTiles(pass));
    }
  }

  /**
   * The comparison path: each tile is a JS task ({@link TracerTasks#TILE_PIXELS}) to the least busy
   * worker, which returns the tile's samples in a transferred Int32Array; the page adds them to its own
   * sums (a plain Int32Array) and writes the tile's colours into its frame image, as a page driving a
   * worker pool by messages would. The image reaches the canvas on the same schedule as the shared path
   * draws (see {@link #scheduleDraw}), so the comparison is of how tiles travel, not of how often the
   * page draws (the first version drew every tile on arrival: 1024 image copies per pass at tiles of 16).
   */
  private static void runPassByMessages(int pass) {
    Ui.status("pass " + (pass + 1) + " of " + settings.passes + " (tiles by postMessage)");
    double start = Ui.now();
    clearDirtyBox();
    drawingPass = pass;
    scheduleDraw(pass);
    int count = grid.count();
    int[] left = {count};
    for (int k = 0; k < count; k++) {
      Tile tile = grid.tile(k);
      int x0 = tile.x0();
      int y0 = tile.y0();
      int w = tile.width();
      int h = tile.height();
      JSObject payload = JsObjects.newObject();
      JsObjects.set(payload, "id", SCENE_ID);
      JsObjects.set(payload, "width", settings.width);
      JsObjects.set(payload, "height", settings.height);
      JsObjects.set(payload, "x0", x0);
      JsObjects.set(payload, "y0", y0);
      JsObjects.set(payload, "w", w);
      JsObjects.set(payload, "h", h);
      JsObjects.set(payload, "pass", pass);
      platform.sendJs(TracerTasks.TILE_PIXELS, WebPlatform.ANY_WORKER, payload, null, new JsTaskCallback() {
        @Override
        public void completed(JSObject samples) {
          if (failed) {
            return;
          }
          Ui.addTile(pageSums, samples, settings.width, x0, y0, w, h, pass + 1);
          dirtyLeft = Math.min(dirtyLeft, x0);
          dirtyTop = Math.min(dirtyTop, y0);
          dirtyRight = Math.max(dirtyRight, x0 + w);
          dirtyBottom = Math.max(dirtyBottom, y0 + h);
          // The same activity figures the pure tile tasks count on the workers.
          int thread = Ui.intAt(samples, w * h * 3);
          if (thread > 0) {
            activity.record(thread, Ui.intAt(samples, w * h * 3 + 1));
          }
          if (--left[0] == 0) {
            drawingPass = -1;
            passDone(pass, Ui.now() - start);
          }
        }

        @Override
        public void failed(JsTaskFailedException failure) {
          fail("tile (" + x0 + ", " + y0 + ") of pass " + pass + " failed: " + failure.getMessage());
        }
      });
    }
  }

  /**
   * The benchmark's reference (mode=independent): every worker renders every pass of the whole frame
   * alone ({@link TracerTasks#OWN_FRAMES}), all at once. With W workers the cores then do W times the
   * work with no scheduler and nothing shared, so W times the 1-worker pass time over this pass time is
   * the speedup the machine itself allows this renderer. Publishes each worker's pass times and the
   * mean over the workers per pass as {@code passMillis}; every worker's sums must match.
   */
  private static void runIndependently() {
    Ui.status("every worker renders " + settings.passes + " passes of the whole frame on its own");
    int workers = platform.workerCount();
    JSObject[] results = new JSObject[workers];
    int[] left = {workers};
    for (int k = 0; k < workers; k++) {
      int slot = k;
      JSObject payload = JsObjects.newObject();
      JsObjects.set(payload, "id", SCENE_ID);
      JsObjects.set(payload, "width", settings.width);
      JsObjects.set(payload, "height", settings.height);
      JsObjects.set(payload, "tile", settings.tile);
      JsObjects.set(payload, "passes", settings.passes);
      platform.sendJs(TracerTasks.OWN_FRAMES, platform.workerIds()[k], payload, null, new JsTaskCallback() {
        @Override
        public void completed(JSObject result) {
          results[slot] = result;
          if (--left[0] == 0) {
            finishIndependently(results, Ui.now() - startMillis);
          }
        }

        @Override
        public void failed(JsTaskFailedException failure) {
          fail("worker " + platform.workerIds()[slot] + " could not render its own frames: "
              + failure.getMessage());
        }
      });
    }
  }

  private static void finishIndependently(JSObject[] results, double totalMillis) {
    String checksum = JsObjects.getString(results[0], "sumsChecksum");
    JSObject perWorker = JsObjects.newArray();
    double[] mean = new double[settings.passes];
    for (JSObject r : results) {
      if (!checksum.equals(JsObjects.getString(r, "sumsChecksum"))) {
        fail("workers rendered different sums: " + checksum + " and "
            + JsObjects.getString(r, "sumsChecksum"));
        return;
      }
      JSObject times = JsObjects.get(r, "passMillis");
      JsObjects.push(perWorker, times);
      for (int pass = 0; pass < mean.length; pass++) {
        mean[pass] += Ui.doubleAt(times, pass) / results.length;
      }
    }
    JSObject result = settings.toJs();
    JsObjects.set(result, "workers", platform.workerCount());
    JsObjects.set(result, "tilesPerPass", grid.count());
    JsObjects.set(result, "sumsChecksum", checksum);
    JsObjects.set(result, "passMillisPerWorker", perWorker);
    JsObjects.set(result, "passMillis", roundedArray(mean));
    JsObjects.set(result, "totalMillis", Math.round(totalMillis * 100) / 100.0);
    Ui.status("done: " + settings.passes + " passes on each of " + platform.workerCount() + " workers");
    Ui.finish(result);
  }

  private static void clearDirtyBox() {
    dirtyLeft = Integer.MAX_VALUE;
    dirtyTop = Integer.MAX_VALUE;
    dirtyRight = 0;
    dirtyBottom = 0;
  }

  private static JSObject roundedArray(double[] values) {
    JSObject array = JsObjects.newArray();
    for (double v : values) {
      JsObjects.push(array, JsObjects.number(Math.round(v * 100) / 100.0));
    }
    return array;
  }

  /**
   * Pass {@code pass} ended: the next pass is submitted first, so that the workers render it while the
   * page draws this one and updates its figures (done the other way round, the workers waited for the
   * page's drawing at the end of every pass).
   */
  private static void passDone(int pass, double millis) {
    passMillis[pass] = millis;
    int tileCount = grid.count();
    double total = Ui.now() - startMillis;
    boolean last = pass + 1 >= settings.passes;
    if (!last) {
      runPass(pass + 1);
    }
    if (settings.postMessage) {
      Ui.drawFrameImage(0, 0, settings.width, settings.height);
    } else {
      // The whole frame: every tile of the pass is finished. Tiles of the next pass may already have
      // written newer colours into parts of it; those are drawn again when they finish.
      Ui.drawTile(display.handle(), settings.width, 0, 0, settings.width, settings.height);
    }
    double pixels = (double) settings.width * settings.height;
    Ui.figures(pass + 1, millis, pixels / millis * 1000, tileCount / millis * 1000,
        pixels * (pass + 1) / total * 1000, total);
    Ui.activity(activity.words().handle(), platform.workerCount(), total);
    if (last) {
      finish(total);
    }
  }

  private static void finish(double totalMillis) {
    int passes = settings.passes;
    int pixels = settings.width * settings.height;
    int[] sumValues;
    if (settings.postMessage) {
      sumValues = new int[pixels * 3];
      for (int i = 0; i < sumValues.length; i++) {
        sumValues[i] = Ui.intAt(pageSums, i);
      }
    } else {
      sumValues = sums.toArray();
    }
    byte[] rgba = new byte[pixels * 4];
    Accumulation.toRgba(sumValues, pixels, passes, rgba);
    int[] shown = settings.postMessage ? Ui.canvasWords(pixels) : display.toArray();
    byte[] shownBytes = new byte[pixels * 4];
    for (int i = 0; i < pixels; i++) {
      for (int c = 0; c < 4; c++) {
        shownBytes[i * 4 + c] = (byte) (shown[i] >>> (8 * c));
      }
    }
    JSObject result = settings.toJs();
    JsObjects.set(result, "workers", platform.workerCount());
    JsObjects.set(result, "tilesPerPass", grid.count());
    JsObjects.set(result, "sumsChecksum", Accumulation.hex(Accumulation.checksum(sumValues)));
    JsObjects.set(result, "rgbaChecksum", Accumulation.hex(Accumulation.checksum(rgba)));
    JsObjects.set(result, "displayChecksum", Accumulation.hex(Accumulation.checksum(shownBytes)));
    JsObjects.set(result, "passMillis", roundedArray(passMillis));
    JsObjects.set(result, "totalMillis", Math.round(totalMillis * 100) / 100.0);
    JsObjects.set(result, "samplesPerSec", Math.round((double) pixels * passes / totalMillis * 1000));
    JsObjects.set(result, "tasksPerSec", Math.round((double) grid.count() * passes / totalMillis * 1000));
    JSObject perWorker = JsObjects.newArray();
    for (int id = 1; id <= platform.workerCount(); id++) {
      JsObjects.push(perWorker, JsObjects.number(activity.tiles(id)));
    }
    JsObjects.set(result, "tilesPerWorker", perWorker);
    // Wall-clock time inside tile rendering per worker (includes time the OS gave its core to others).
    JSObject busy = JsObjects.newArray();
    for (int id = 1; id <= platform.workerCount(); id++) {
      JsObjects.push(busy, JsObjects.number(activity.micros(id) / 1000));
    }
    JsObjects.set(result, "renderMillisPerWorker", busy);
    Ui.finish(result);
  }

  private static void fail(String message) {
    if (failed) {
      return;
    }
    failed = true;
    Ui.error(message);
  }

  /** Page options from the query string, checked. */
  static final class Settings {
    int workers;
    int width = 512;
    int height = 384;
    int tile = 32;
    int passes = 256;
    long seed = 42;
    boolean golden;
    /** How tiles travel: false = pure tasks over shared memory, true = JS tasks returning pixels by postMessage. */
    boolean postMessage;
    /** Benchmark reference: every worker renders the whole frame alone (see {@link #runIndependently}). */
    boolean independent;
    static final String DRAW_AUTO = "auto";
    static final String DRAW_FRAMES = "frames";
    static final String DRAW_PASS = "pass";
    /**
     * When the page draws finished tiles (both modes): {@link #DRAW_AUTO} at every animation frame in
     * the first pass and then every {@link TracerPage#REFINE_DRAW_MILLIS} ms; {@link #DRAW_FRAMES} at
     * every animation frame; {@link #DRAW_PASS} only at the end of each pass. All three also draw at
     * the end of every pass.
     */
    String draw = DRAW_AUTO;

    /**
     * workers (1..256, default: all cores), width and height (8..4096; default 512 x 384), tile (4..1024,
     * default 32), passes (1..{@link Accumulation#MAX_PASSES}, default 256), seed; golden=1 renders the
     * golden frame (64 x 48, seed 42, 4 passes, tiles of 16) instead; mode=postmessage sends every tile as
     * a JS task that returns its samples by postMessage (for comparison) instead of a pure task writing
     * shared memory (mode=shared, the default); mode=independent has every worker render every pass of the
     * whole frame by itself, the benchmark's no-coordination reference; draw says when
     * finished tiles reach the canvas: auto (the default: every animation frame in the first pass, then
     * every {@link TracerPage#REFINE_DRAW_MILLIS} ms), frames (every animation frame) or pass (once per
     * pass); every pass's end is drawn in all three.
     */
    static Settings parse(String query) {
      Settings s = new Settings();
      String q = query.startsWith("?") ? query.substring(1) : query;
      for (String part : q.split("&")) {
        if (part.isEmpty()) {
          continue;
        }
        int eq = part.indexOf('=');
        String name = eq < 0 ? part : part.substring(0, eq);
        String value = eq < 0 ? "" : part.substring(eq + 1);
        switch (name) {
          case "workers":
            s.workers = number(name, value, 1, 256);
            break;
          case "width":
            s.width = number(name, value, 8, 4096);
            break;
          case "height":
            s.height = number(name, value, 8, 4096);
            break;
          case "tile":
            s.tile = number(name, value, 4, 1024);
            break;
          case "passes":
            s.passes = number(name, value, 1, Accumulation.MAX_PASSES);
            break;
          case "seed":
            s.seed = number(name, value, 0, Integer.MAX_VALUE);
            break;
          case "golden":
            s.golden = number(name, value, 0, 1) == 1;
            break;
          case "mode":
            if (!value.equals("shared") && !value.equals("postmessage") && !value.equals("independent")) {
              throw new IllegalArgumentException("mode must be 'shared', 'postmessage' or 'independent', "
                  + "was '" + value + "'");
            }
            s.postMessage = value.equals("postmessage");
            s.independent = value.equals("independent");
            break;
          case "draw":
            if (!value.equals(DRAW_AUTO) && !value.equals(DRAW_FRAMES) && !value.equals(DRAW_PASS)) {
              throw new IllegalArgumentException("draw must be 'auto', 'frames' or 'pass', was '" + value
                  + "'");
            }
            s.draw = value;
            break;
          default:
            throw new IllegalArgumentException("unknown option '" + name + "' (known: workers, width, "
                + "height, tile, passes, seed, golden, mode, draw)");
        }
      }
      if (s.golden) {
        s.width = 64;
        s.height = 48;
        s.seed = 42;
        s.passes = 4;
        s.tile = 16;
      }
      long tileCount = (long) ((s.width + s.tile - 1) / s.tile) * ((s.height + s.tile - 1) / s.tile);
      if (tileCount > 16384) {
        throw new IllegalArgumentException(tileCount + " tiles per pass is too many (at most 16384): use a "
            + "larger tile or a smaller frame");
      }
      return s;
    }

    private static int number(String name, String value, int min, int max) {
      int v;
      try {
        v = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
      }
      if (v < min || v > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + v);
      }
      return v;
    }

    /** The tiles of one pass. */
    TileGrid grid() {
      return new TileGrid(width, height, tile);
    }

    JSObject toJs() {
      JSObject o = JsObjects.newObject();
      JsObjects.set(o, "workers", workers);
      JsObjects.set(o, "width", width);
      JsObjects.set(o, "height", height);
      JsObjects.set(o, "tile", tile);
      JsObjects.set(o, "passes", passes);
      JsObjects.set(o, "seed", seed);
      JsObjects.set(o, "golden", golden);
      JsObjects.set(o, "mode", postMessage ? "postmessage" : independent ? "independent" : "shared");
      JsObjects.set(o, "draw", draw);
      return o;
    }
  }

  /** The page's JavaScript: tracer.html's tracerUi object and small object helpers. */
  static final class Ui {
    private Ui() {
    }

    @JSBody(params = "settings", script = "tracerUi.setup(settings);")
    static native void setup(JSObject settings);

    @JSBody(params = "text", script = "tracerUi.status(text);")
    static native void status(String text);

    @JSFunctor
    interface Frame extends JSObject {
      void run();
    }

    @JSBody(params = "callback", script = "requestAnimationFrame(() => callback());")
    static native void onAnimationFrame(Frame callback);

    @JSBody(params = {"millis", "callback"}, script = "setTimeout(() => callback(), millis);")
    static native void after(int millis, Frame callback);

    @JSBody(params = {"handle", "frameWidth", "x0", "y0", "w", "h"},
        script = "tracerUi.drawTile(handle, frameWidth, x0, y0, w, h);")
    static native void drawTile(int handle, int frameWidth, int x0, int y0, int w, int h);

    @JSBody(params = {"passes", "passMs", "samplesPerSec", "tasksPerSec", "overallSamplesPerSec", "totalMs"},
        script = "tracerUi.figures(passes, passMs, samplesPerSec, tasksPerSec, overallSamplesPerSec, totalMs);")
    static native void figures(int passes, double passMs, double samplesPerSec, double tasksPerSec,
        double overallSamplesPerSec, double totalMs);

    @JSBody(params = {"handle", "workers", "totalMs"}, script = "tracerUi.activity(handle, workers, totalMs);")
    static native void activity(int handle, int workers, double totalMs);

    @JSBody(params = "result", script = "tracerUi.finish(result);")
    static native void finish(JSObject result);

    @JSBody(params = "message", script = "tracerUi.error(message);")
    static native void error(String message);

    @JSBody(script = "return performance.now();")
    static native double now();

    @JSBody(params = {"sums", "samples", "frameWidth", "x0", "y0", "w", "h", "passes"},
        script = "tracerUi.addTile(sums, samples, frameWidth, x0, y0, w, h, passes);")
    static native void addTile(JSObject sums, JSObject samples, int frameWidth, int x0, int y0, int w, int h,
        int passes);

    @JSBody(params = {"x0", "y0", "w", "h"}, script = "tracerUi.drawFrameImage(x0, y0, w, h);")
    static native void drawFrameImage(int x0, int y0, int w, int h);

    @JSBody(params = "n", script = "return new Int32Array(n);")
    static native JSObject int32Array(int n);

    @JSBody(params = {"a", "i"}, script = "return a[i];")
    static native int intAt(JSObject a, int i);

    @JSBody(params = {"a", "i"}, script = "return a[i];")
    static native double doubleAt(JSObject a, int i);

    /** The canvas's pixels, one little-endian RGBA word each. */
    static int[] canvasWords(int pixels) {
      JSObject words = canvasPixels();
      int[] out = new int[pixels];
      for (int i = 0; i < pixels; i++) {
        out[i] = intAt(words, i);
      }
      return out;
    }

    @JSBody(script = "const c = document.getElementById('frame');"
        + " return new Int32Array(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.buffer);")
    static native JSObject canvasPixels();

    @JSBody(params = "n", script = "return new Float64Array(n);")
    static native JSObject float64Array(int n);

    @JSBody(params = {"a", "i", "v"}, script = "a[i] = v;")
    static native void setDouble(JSObject a, int i, double v);








  }
}
