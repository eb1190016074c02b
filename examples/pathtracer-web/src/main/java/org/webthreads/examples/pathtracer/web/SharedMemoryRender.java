package org.webthreads.examples.pathtracer.web;

import org.webthreads.SharedIntArray;
import org.webthreads.TaskGroup;
import org.webthreads.TaskProgress;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pathtracer.tiles.PassProgress;
import org.webthreads.examples.pathtracer.tiles.TileActivity;
import org.webthreads.examples.pathtracer.tiles.TileJob;
import org.webthreads.examples.pathtracer.tiles.TileTask;
import org.webthreads.web.WebCanvas;
import org.webthreads.web.WebGroups;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebProgress;

/**
 * mode=shared (the default): every tile of a pass is a pure {@link TileTask} through the scheduler,
 * submitted into the pass's {@link TaskGroup} without a future; it adds its samples to the frame's sums
 * in shared memory and writes its pixels' display colours into a second shared array, so no pixels
 * travel by postMessage. Each finished tile lists itself in the pass's {@link PassProgress}, from which
 * the page draws; the group's last task wakes the page once per pass ({@link WebGroups#whenDone}), and
 * a failing tile cancels the pass's tiles not yet started: the page does little work per tile.
 */
final class SharedMemoryRender extends PassByPassRender {
  private final ThreadPool pool;
  private final SharedIntArray sums;
  private final SharedIntArray display;
  private final PassProgress progress;
  /** Every tile's job but for its index and pass. */
  private final TileJob render;
  /** Places of the pass's finished list already drawn. */
  private int drawn;

  SharedMemoryRender(PageSettings settings, WebPlatform platform, ThreadPool pool, TileActivity activity,
      int sceneId) {
    super(settings, platform, activity);
    this.pool = pool;
    this.sums = pool.newSharedIntArray(settings.pixels() * 3);
    this.display = pool.newSharedIntArray(settings.pixels());
    this.progress = new PassProgress(pool.newSharedIntArray(PassProgress.wordsFor(grid.count())));
    // The scene travels once per worker (the tracer.scene JS task), not with the tiles.
    this.render = TileJob.of(sceneId, null, grid, sums).withDisplay(display).withActivity(activity)
        .withProgress(progress);
  }

  @Override
  void renderPass(int pass) {
    TracerUi.status("pass " + (pass + 1) + " of " + settings.passes);
    double start = TracerUi.now();
    progress.startPass(grid.count());
    // The pass's progress: every tile adds one; the page shows it at most once per animation frame.
    TaskProgress tilesDone = pool.newTaskProgress(grid.count());
    WebProgress.subscribe(tilesDone, (done, total) -> TracerUi.tilesDone(done, total));
    TileJob passJob = render.withTilesDone(tilesDone);
    TaskGroup tiles = pool.newGroup();
    for (int k = 0; k < grid.count(); k++) {
      tiles.submit(TileTask.KIND, passJob.forTile(k, pass));
    }
    drawn = 0;
    drawing.whilePassRenders(pass, this::drawFinishedTiles);
    // The group's last tile notifies when none is pending: one wake-up per pass.
    WebGroups.whenDone(tiles, () -> {
      drawing.stop();
      int failedTiles = tiles.failedCount();
      String failure = tiles.firstFailureClassName() + ": " + tiles.firstFailureMessage();
      int skipped = tiles.skippedCount();
      tiles.close();
      // Every tile added one before it left the group: the count is final (and the subscription, which
      // would stop after its call that sees it complete, stops now that it is freed).
      TracerUi.tilesDone(tilesDone.done(), tilesDone.total());
      tilesDone.free();
      if (failedTiles > 0) {
        PageFailure.report(tileName(progress.failedTile()) + " of pass " + pass + " failed (" + failedTiles
            + " failed, " + skipped + " not started): " + failure);
        return;
      }
      passDone(pass, TracerUi.now() - start);
    });
  }

  /**
   * Draws the tiles that finished since the last call, in one copy of the box around them. Tiles inside
   * the box that are still being rendered show what the display array holds at that moment; they are
   * drawn again once they finish, so every tile's final colours reach the canvas.
   */
  private void drawFinishedTiles() {
    DirtyBox box = new DirtyBox();
    int finished = progress.finishedCount();
    while (drawn < finished) {
      int tile = progress.finishedTile(drawn);
      if (tile < 0) {
        break; // its place is claimed but not filled yet: next time
      }
      box.add(grid.tile(tile));
      drawn++;
    }
    if (!box.isEmpty()) {
      WebCanvas.putRgba(TracerUi.frameCanvas(), display, settings.width, settings.height,
          box.left(), box.top(), box.width(), box.height());
    }
  }

  @Override
  ThreadPool tilePool() {
    return pool;
  }

  @Override
  void drawWholeFrame() {
    WebCanvas.putRgba(TracerUi.frameCanvas(), display, settings.width, settings.height);
  }

  @Override
  int[] finalSums() {
    return sums.toArray();
  }

  @Override
  int[] shownPixels() {
    return display.toArray();
  }
}
