package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSObject;
import org.webthreads.PoolStatistics;
import org.webthreads.ThreadPool;
import org.webthreads.WorkerStatistics;
import org.webthreads.examples.pathtracer.Tile;
import org.webthreads.examples.pathtracer.TileGrid;
import org.webthreads.examples.pathtracer.tiles.TileActivity;
import org.webthreads.web.SharedArrayViews;
import org.webthreads.web.JsObjects;
import org.webthreads.web.WebPlatform;

/**
 * What the two modes that cut every pass into tile tasks share (shared memory and postMessage): passes
 * one after another, drawing while a pass renders ({@link DrawSchedule}), the whole frame and the
 * figures after each pass, the per-worker activity (the pool's statistics where tiles are pool tasks),
 * and the result after the last pass. A mode says how one pass is rendered and how its pixels reach
 * the canvas.
 */
abstract class PassByPassRender implements PageRender {
  final PageSettings settings;
  final WebPlatform platform;
  final TileGrid grid;
  /** Tiles and render time per worker id (the chart under the frame). */
  final TileActivity activity;
  final DrawSchedule drawing;
  private final double[] passMillis;
  private double startMillis;

  PassByPassRender(PageSettings settings, WebPlatform platform, TileActivity activity) {
    this.settings = settings;
    this.platform = platform;
    this.grid = settings.grid();
    this.activity = activity;
    this.drawing = new DrawSchedule(settings.draw);
    this.passMillis = new double[settings.passes];
  }

  @Override
  public final void start(double startMillis) {
    this.startMillis = startMillis;
    runPass(0);
  }

  /**
   * Renders pass {@code pass}: submits its tiles, draws finished ones at the {@link #drawing} schedule
   * and calls {@link #passDone} when the last one is in (or reports a failure).
   */
  abstract void renderPass(int pass);

  /** Puts the whole frame, as it is now, on the canvas. */
  abstract void drawWholeFrame();

  /** The frame's sums after the last pass. */
  abstract int[] finalSums();

  /** The colours on the canvas after the last pass, one little-endian RGBA word per pixel. */
  abstract int[] shownPixels();

  /** How errors name tile {@code index}: by its top left corner. */
  final String tileName(int index) {
    if (index < 0 || index >= grid.count()) {
      return "tile " + index;
    }
    Tile tile = grid.tile(index);
    return "tile (" + tile.x0() + ", " + tile.y0() + ")";
  }

  /**
   * The pool whose tasks are the tiles, whose statistics the chart shows; null where tiles are JS tasks
   * (postMessage mode: the tile tasks' own activity counters are shown instead).
   */
  ThreadPool tilePool() {
    return null;
  }

  /**
   * Tasks run (the tiles), stolen and parked per worker and what is queued, read from the pool without
   * stopping it (counts as of each worker's last publish: see ThreadPool.statistics); the busy share
   * comes from the tiles' own timing, which the statistics do not keep.
   */
  private void showStatistics(PoolStatistics statistics, double totalMillis) {
    JSObject run = JsObjects.newArray();
    JSObject stolen = JsObjects.newArray();
    JSObject parked = JsObjects.newArray();
    JSObject queued = JsObjects.newArray();
    JSObject busy = JsObjects.newArray();
    for (int k = 0; k < statistics.workerCount(); k++) {
      WorkerStatistics worker = statistics.worker(k);
      JsObjects.push(run, JsObjects.number(worker.tasksRun()));
      JsObjects.push(stolen, JsObjects.number(worker.tasksStolen()));
      JsObjects.push(parked, JsObjects.number(worker.timesParked()));
      JsObjects.push(queued, JsObjects.number(worker.tasksQueued()));
      JsObjects.push(busy, JsObjects.number(activity.micros(worker.threadId()) / 1000.0));
    }
    JSObject figures = JsObjects.newObject();
    JsObjects.set(figures, "run", run);
    JsObjects.set(figures, "stolen", stolen);
    JsObjects.set(figures, "parked", parked);
    JsObjects.set(figures, "queued", queued);
    JsObjects.set(figures, "sharedQueue", statistics.sharedQueueLength());
    JsObjects.set(figures, "busyMs", busy);
    TracerUi.poolStatistics(figures, totalMillis);
  }

  private void runPass(int pass) {
    if (!PageFailure.happened()) {
      renderPass(pass);
    }
  }

  /**
   * Pass {@code pass} ended after {@code millis}: the next pass is submitted first, so that the
   * workers render it while the page draws this one and updates its figures (done the other way round,
   * the workers waited for the page's drawing at the end of every pass).
   */
  final void passDone(int pass, double millis) {
    passMillis[pass] = millis;
    double total = TracerUi.now() - startMillis;
    boolean last = pass + 1 >= settings.passes;
    if (!last) {
      runPass(pass + 1);
    }
    // Tiles of the next pass may already have written newer colours into parts of the frame; those are
    // drawn again when they finish.
    drawWholeFrame();
    double pixels = settings.pixels();
    TracerUi.figures(pass + 1, millis, pixels / millis * 1000, grid.count() / millis * 1000,
        pixels * (pass + 1) / total * 1000, total);
    ThreadPool tilePool = tilePool();
    if (tilePool != null) {
      showStatistics(tilePool.statistics(), total);
    } else {
      TracerUi.activity(SharedArrayViews.int32(activity.words()), platform.workerCount(), total);
    }
    if (last) {
      TracerUi.finish(PageResult.passByPass(settings, platform.workerCount(), grid.count(), finalSums(),
          shownPixels(), passMillis, total, activity));
    }
  }
}
