package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSObject;
import org.webthreads.examples.pathtracer.Tile;
import org.webthreads.examples.pathtracer.tiles.TileActivity;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.WebPlatform;

/**
 * mode=postmessage, the comparison: each tile is a JS task ({@link TilePixelsTask}) to the
 * least busy worker, which returns the tile's samples in a transferred Int32Array; the page adds them
 * to its own sums (a plain Int32Array) and writes the tile's colours into its frame image, as a page
 * driving a worker pool by messages would. The image reaches the canvas on the same schedule as the
 * shared-memory mode draws, so the comparison is of how tiles travel, not of how often the page draws
 * (the first version drew every tile on arrival: 1024 image copies per pass at tiles of 16).
 */
final class PostMessageRender extends PassByPassRender {
  private final int sceneId;
  /** The frame's sums on the page: a plain (unshared) Int32Array. */
  private final JSObject pageSums;
  /** The tiles merged into the frame image since it was last drawn. */
  private final DirtyBox dirty = new DirtyBox();

  PostMessageRender(PageSettings settings, WebPlatform platform, TileActivity activity, int sceneId) {
    super(settings, platform, activity);
    this.sceneId = sceneId;
    this.pageSums = TracerUi.int32Array(settings.pixels() * 3);
  }

  @Override
  void renderPass(int pass) {
    TracerUi.status("pass " + (pass + 1) + " of " + settings.passes + " (tiles by postMessage)");
    double start = TracerUi.now();
    dirty.clear();
    drawing.whilePassRenders(pass, this::drawMergedTiles);
    int[] left = {grid.count()};
    for (int k = 0; k < grid.count(); k++) {
      Tile tile = grid.tile(k);
      int index = k;
      platform.sendJs(TilePixelsTask.KIND, WebPlatform.ANY_WORKER, payload(tile, pass), null,
          new JsTaskCallback() {
            @Override
            public void completed(JSObject samples) {
              if (PageFailure.happened()) {
                return;
              }
              merge(tile, pass, samples);
              if (--left[0] == 0) {
                drawing.stop();
                passDone(pass, TracerUi.now() - start);
              }
            }

            @Override
            public void failed(JsTaskFailedException failure) {
              PageFailure.report(tileName(index) + " of pass " + pass + " failed: " + failure.getMessage());
            }
          });
    }
  }

  private JSObject payload(Tile tile, int pass) {
    JSObject payload = JsObjects.newObject();
    JsObjects.set(payload, "id", sceneId);
    JsObjects.set(payload, "width", settings.width);
    JsObjects.set(payload, "height", settings.height);
    JsObjects.set(payload, "x0", tile.x0());
    JsObjects.set(payload, "y0", tile.y0());
    JsObjects.set(payload, "w", tile.width());
    JsObjects.set(payload, "h", tile.height());
    JsObjects.set(payload, "pass", pass);
    return payload;
  }

  /** Adds a returned tile to the page's sums and image, and counts it for the worker that rendered it. */
  private void merge(Tile tile, int pass, JSObject samples) {
    TracerUi.addTile(pageSums, samples, settings.width, tile.x0(), tile.y0(), tile.width(), tile.height(),
        pass + 1);
    dirty.add(tile);
    // The same activity figures the pure tile tasks count on the workers, from the result's trailer.
    int trailer = tile.pixels() * 3;
    int thread = TracerUi.intAt(samples, trailer);
    if (thread > 0) {
      activity.record(thread, TracerUi.intAt(samples, trailer + 1));
    }
  }

  private void drawMergedTiles() {
    if (!dirty.isEmpty()) {
      TracerUi.drawFrameImage(dirty.left(), dirty.top(), dirty.width(), dirty.height());
      dirty.clear();
    }
  }

  @Override
  void drawWholeFrame() {
    TracerUi.drawFrameImage(0, 0, settings.width, settings.height);
  }

  @Override
  int[] finalSums() {
    int[] sums = new int[settings.pixels() * 3];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = TracerUi.intAt(pageSums, i);
    }
    return sums;
  }

  @Override
  int[] shownPixels() {
    return TracerUi.canvasWords(settings.pixels());
  }
}
