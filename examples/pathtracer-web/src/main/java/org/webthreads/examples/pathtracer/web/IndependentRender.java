package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSObject;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.WebPlatform;

/**
 * mode=independent, the benchmark's reference: every worker renders every pass of the whole frame
 * alone ({@link OwnFramesTask}), all at once. With W workers the cores then do W times the
 * work with no scheduler and nothing shared, so W times the 1-worker pass time over this pass time is
 * the speedup the machine itself allows this renderer. Publishes each worker's pass times and the mean
 * over the workers per pass as {@code passMillis}; every worker's sums must match.
 */
final class IndependentRender implements PageRender {
  private final PageSettings settings;
  private final WebPlatform platform;
  private final int sceneId;
  private double startMillis;

  IndependentRender(PageSettings settings, WebPlatform platform, int sceneId) {
    this.settings = settings;
    this.platform = platform;
    this.sceneId = sceneId;
  }

  @Override
  public void start(double startMillis) {
    this.startMillis = startMillis;
    TracerUi.status("every worker renders " + settings.passes + " passes of the whole frame on its own");
    int[] workerIds = platform.workerIds();
    JSObject[] results = new JSObject[workerIds.length];
    int[] left = {workerIds.length};
    for (int k = 0; k < workerIds.length; k++) {
      int slot = k;
      JSObject payload = JsObjects.newObject();
      JsObjects.set(payload, "id", sceneId);
      JsObjects.set(payload, "width", settings.width);
      JsObjects.set(payload, "height", settings.height);
      JsObjects.set(payload, "tile", settings.tile);
      JsObjects.set(payload, "passes", settings.passes);
      platform.sendJs(OwnFramesTask.KIND, workerIds[k], payload, null, new JsTaskCallback() {
        @Override
        public void completed(JSObject result) {
          results[slot] = result;
          if (--left[0] == 0) {
            finish(results, TracerUi.now() - IndependentRender.this.startMillis);
          }
        }

        @Override
        public void failed(JsTaskFailedException failure) {
          PageFailure.report("worker " + workerIds[slot] + " could not render its own frames: "
              + failure.getMessage());
        }
      });
    }
  }

  private void finish(JSObject[] results, double totalMillis) {
    String checksum = JsObjects.getString(results[0], "sumsChecksum");
    JSObject perWorker = JsObjects.newArray();
    double[] mean = new double[settings.passes];
    for (JSObject r : results) {
      if (!checksum.equals(JsObjects.getString(r, "sumsChecksum"))) {
        PageFailure.report("workers rendered different sums: " + checksum + " and "
            + JsObjects.getString(r, "sumsChecksum"));
        return;
      }
      JSObject times = JsObjects.get(r, "passMillis");
      JsObjects.push(perWorker, times);
      for (int pass = 0; pass < mean.length; pass++) {
        mean[pass] += TracerUi.doubleAt(times, pass) / results.length;
      }
    }
    TracerUi.status("done: " + settings.passes + " passes on each of " + platform.workerCount() + " workers");
    TracerUi.finish(PageResult.independent(settings, platform.workerCount(), settings.grid().count(), checksum,
        perWorker, mean, totalMillis));
  }
}
