package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSObject;
import org.webthreads.PoolConfig;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pathtracer.DefaultScene;
import org.webthreads.examples.pathtracer.SceneCodec;
import org.webthreads.examples.pathtracer.tiles.TileActivity;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.WebOptions;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebThreads;

/**
 * The path tracer page (tracer.html), compiled to WasmGC; main runs on the page and in every worker.
 *
 * <p>In a worker it registers the page's tasks ({@link TracerTasks}) and serves the pool. On the page
 * it reads the options ({@link PageSettings}), starts the workers, builds {@link DefaultScene}, sends it
 * encoded ({@link SceneCodec}, a {@code Float64Array}) once to every worker ({@link SceneTask}) and
 * then renders in the chosen {@link RenderMode}: {@link SharedMemoryRender} (the default),
 * {@link PostMessageRender} or {@link IndependentRender}. The figures and the per-worker activity chart
 * are updated after every pass ({@link TracerUi}).
 *
 * <p>When the page stops (after {@code passes} passes) it publishes {@code self.tracerResult}
 * ({@link PageResult}: figures and checksums of the sums and pixels), sets {@code self.framesDone} and
 * the title "done"; on a failure it publishes {@code {error}} instead ({@link PageFailure}).
 */
public final class TracerPage {
  /** The id under which every worker keeps the page's one scene. */
  private static final int SCENE_ID = 1;

  private TracerPage() {
  }

  public static void main(String[] args) {
    TracerTasks.register();
    if (WebThreads.isWorker()) {
      WebThreads.start(WebOptions.defaults(), ready -> { }, error -> { });
      return;
    }
    PageSettings settings;
    try {
      settings = PageSettings.parse(WebThreads.pageQuery());
    } catch (IllegalArgumentException e) {
      PageFailure.report("bad page options: " + e.getMessage());
      return;
    }
    TracerUi.setup(PageResult.settings(settings));
    WebOptions options = settings.workers > 0 ? WebOptions.workers(settings.workers) : WebOptions.defaults();
    WebThreads.start(options, platform -> {
      try {
        ready(settings, platform);
      } catch (RuntimeException e) {
        PageFailure.report("could not start rendering: " + e);
      }
    }, error -> PageFailure.report(error.getMessage()));
  }

  private static void ready(PageSettings settings, WebPlatform platform) {
    platform.onWorkerFailure(failure -> PageFailure.report(failure.getMessage()));
    // The arena holds the frame's sums (3 words per pixel) and display colours (1), plus task arguments.
    ThreadPool pool = ThreadPool.create(platform,
        PoolConfig.defaults().withArenaWords(settings.pixels() * 4 + (1 << 20)), platform.workerIds());
    PageRender render = renderFor(settings, platform, pool);
    TracerUi.status("building the scene");
    double[] encoded = SceneCodec.encode(DefaultScene.build(settings.seed, settings.width, settings.height));
    JSObject data = TracerUi.float64Array(encoded.length);
    for (int i = 0; i < encoded.length; i++) {
      TracerUi.setDouble(data, i, encoded[i]);
    }
    TracerUi.status("sending the scene (" + encoded.length + " doubles) to " + platform.workerCount()
        + " workers");
    int[] acknowledged = {0};
    for (int id : platform.workerIds()) {
      JSObject payload = JsObjects.newObject();
      JsObjects.set(payload, "id", SCENE_ID);
      JsObjects.set(payload, "data", data);
      // Structured clone: every worker gets its own copy of the Float64Array.
      platform.sendJs(SceneTask.KIND, id, payload, null, new JsTaskCallback() {
        @Override
        public void completed(JSObject result) {
          if (++acknowledged[0] == platform.workerCount()) {
            render.start(TracerUi.now());
          }
        }

        @Override
        public void failed(JsTaskFailedException failure) {
          PageFailure.report("worker " + id + " could not load the scene: " + failure.getMessage());
        }
      });
    }
  }

  private static PageRender renderFor(PageSettings settings, WebPlatform platform, ThreadPool pool) {
    if (settings.mode == RenderMode.INDEPENDENT) {
      return new IndependentRender(settings, platform, SCENE_ID);
    }
    TileActivity activity = new TileActivity(pool.newSharedIntArray(TileActivity.wordsFor(platform.workerCount())));
    return settings.mode == RenderMode.POSTMESSAGE
        ? new PostMessageRender(settings, platform, activity, SCENE_ID)
        : new SharedMemoryRender(settings, platform, pool, activity, SCENE_ID);
  }
}
