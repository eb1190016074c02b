package ${package};

import org.webthreads.SharedIntArray;
import org.webthreads.TaskGroup;
import org.webthreads.ThreadPool;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.SharedArrayViews;
import org.webthreads.web.WebCanvas;
import org.webthreads.web.WebGroups;
import org.webthreads.web.WebOptions;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebThreads;
import org.teavm.jso.JSObject;

/**
 * The page's program (index.html), compiled by TeaVM to WebAssembly. Its {@code main} runs on the page
 * and in every worker: it registers the task kinds everywhere; in a worker it then only starts the
 * worker, and on the page it starts one worker per core and, once they are ready:
 * <ol>
 *   <li>makes a pool of all workers and a shared image, one int per pixel;</li>
 *   <li>submits the picture in bands of {@value #ROWS_PER_BAND} rows into a task group
 *       ({@link MandelbrotTasks#drawInBands}) and waits for it without blocking ({@link WebGroups#whenDone});</li>
 *   <li>puts the image on the canvas ({@link WebCanvas#putRgba}) and computes its checksum;</li>
 *   <li>asks one worker, through a JS task ({@link InteriorCountTask}), to count the pixels inside the
 *       set, handing it a JavaScript view of the shared image;</li>
 *   <li>publishes the figures as {@code self.mandelbrot} and sets the title to "done" (or shows the
 *       error and sets it to "error").</li>
 * </ol>
 */
public final class MandelbrotPage {
  /** Rows per task: 320 rows make 40 tasks, enough for the threads to share out unequal bands. */
  static final int ROWS_PER_BAND = 8;

  private MandelbrotPage() {
  }

  public static void main(String[] args) {
    MandelbrotTasks.register();
    InteriorCountTask.register();
    if (WebThreads.isWorker()) {
      WebThreads.start(WebOptions.defaults(), platform -> { }, error -> { });
      return;
    }
    PageView.status("starting the workers");
    WebThreads.start(WebOptions.defaults(), platform -> {
      try {
        draw(platform, MandelbrotView.DEFAULT);
      } catch (RuntimeException e) {
        PageView.fail("could not start drawing: " + e);
      }
    }, error -> PageView.fail(error.getMessage()));
  }

  private static void draw(WebPlatform platform, MandelbrotView view) {
    platform.onWorkerFailure(failure -> PageView.fail(failure.getMessage()));
    ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
    SharedIntArray image = pool.newSharedIntArray(view.pixels());
    TaskGroup group = pool.newGroup();
    double started = PageView.now();
    int bands = MandelbrotTasks.drawInBands(group, view, image, ROWS_PER_BAND);
    PageView.status("drawing " + bands + " bands on " + platform.workerCount() + " workers");
    WebGroups.whenDone(group, () -> {
      try {
        group.join();                       // done now: returns, or throws the first band's failure
      } catch (RuntimeException e) {
        PageView.fail("drawing failed: " + e.getMessage());
        return;
      } finally {
        group.close();
      }
      try {
        show(platform, pool, image, view, bands, PageView.now() - started);
      } catch (RuntimeException e) {
        PageView.fail("could not show the picture: " + e);
      }
    });
  }

  /** Puts the drawn image on the canvas, then asks a worker for the interior count and reports. */
  private static void show(WebPlatform platform, ThreadPool pool, SharedIntArray image, MandelbrotView view,
      int bands, double millis) {
    // the shared pixels onto the canvas (copied once into its ImageData: a canvas cannot read shared memory)
    WebCanvas.putRgba(PageView.canvas(view.width(), view.height()), image, view.width(), view.height());
    int checksum = Mandelbrot.checksum(image.toArray());
    PageView.status("drawn in " + Math.round(millis) + " ms; asking a worker to count the interior");
    countInterior(platform, image, (interior, worker) -> {
      PageView.finish(checksum, interior, worker, bands, platform.workerCount(), millis);
      image.free();
      pool.shutdown();
    });
  }

  /** What {@link #countInterior} calls back with. */
  @FunctionalInterface
  private interface InteriorCount {
    void counted(int interior, int worker);
  }

  /** Sends the JS task to any worker and calls back with its answer (a failure is shown on the page). */
  private static void countInterior(WebPlatform platform, SharedIntArray image, InteriorCount then) {
    JSObject payload = InteriorCountTask.payload(SharedArrayViews.int32(image), Mandelbrot.INTERIOR);
    platform.sendJs(InteriorCountTask.KIND, WebPlatform.ANY_WORKER, payload, null, new JsTaskCallback() {
      @Override
      public void completed(JSObject result) {
        then.counted(InteriorCountTask.interior(result), InteriorCountTask.worker(result));
      }

      @Override
      public void failed(JsTaskFailedException failure) {
        PageView.fail("the interior count failed: " + failure.getMessage());
      }
    });
  }
}
