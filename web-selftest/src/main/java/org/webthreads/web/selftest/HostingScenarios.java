package org.webthreads.web.selftest;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.web.WebCanvas;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebPlatform;

/**
 * The self-test group "hosting" (selftest.html?group=hosting, isolation-sw.html): a short run that shows
 * the page works once isolated (however it got there: headers or the isolation service worker), and
 * WebCanvas.putRgba drawing a SharedIntArray that a worker filled, read back through getImageData.
 */
final class HostingScenarios {
  private HostingScenarios() {
  }

  static final int WIDTH = 13;
  static final int HEIGHT = 7;

  /** The test image's pixel (x, y), 0xAABBGGRR, opaque (so it reads back exactly). */
  static int pixel(int x, int y) {
    int red = (x * 19 + 3) & 0xFF;
    int green = (y * 37 + 5) & 0xFF;
    int blue = ((x + y) * 11 + 200) & 0xFF;
    return 0xFF000000 | (blue << 16) | (green << 8) | red;
  }

  /** Fills a width x height SharedIntArray with {@link #pixel}; returns the id of the thread that did it. */
  static final TaskKind<Integer> FILL_IMAGE = TaskKind.register("selftest.fillImage", (args, pool) -> {
    SharedIntArray image = args.readSharedIntArray();
    int width = args.readInt();
    int height = args.readInt();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.set(y * width + x, pixel(x, y));
      }
    }
    return org.webthreads.web.WebThreads.threadId();
  });

  static void register() {
    if (FILL_IMAGE == null) {
      throw new IllegalStateException("selftest.fillImage not registered");
    }
  }

  /** "isolatedPool": the page is cross-origin isolated and a pool task runs on a worker. */
  static void isolatedPool(BrowserSelfTest.Result r, WebPlatform platform, ThreadPool pool) {
    TaskFuture<Long> fib = pool.submit(SelfTestTasks.FIB, 15);
    WebFutures.whenDone(fib, () -> {
      long value = fib.join();
      r.check(value == 610 && crossOriginIsolated(),
          "crossOriginIsolated " + crossOriginIsolated() + ", fib(15) on the pool = " + value);
    });
  }

  /**
   * "canvasPutRgba": a worker fills the image; WebCanvas.putRgba draws it whole on one canvas and one
   * rectangle of it on another (given as its 2d context); getImageData reads both back. Bad input is
   * refused with IllegalArgumentException before anything is drawn.
   */
  static void canvasPutRgba(BrowserSelfTest.Result r, ThreadPool pool) {
    SharedIntArray image = pool.newSharedIntArray(WIDTH * HEIGHT);
    TaskFuture<Integer> fill = pool.submit(FILL_IMAGE, image, WIDTH, HEIGHT);
    WebFutures.whenDone(fill, () -> {
      int filledBy = fill.join();
      JSObject whole = newCanvas(WIDTH, HEIGHT);
      WebCanvas.putRgba(whole, image, WIDTH, HEIGHT);
      JSObject part = newCanvas(WIDTH, HEIGHT);
      WebCanvas.putRgba(context2d(part), image, WIDTH, HEIGHT, 3, 2, 5, 4);
      StringBuilder problems = new StringBuilder();
      for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
          int expected = pixel(x, y);
          int[] bytes = {expected & 0xFF, (expected >>> 8) & 0xFF, (expected >>> 16) & 0xFF, expected >>> 24};
          String wanted = bytes[0] + "," + bytes[1] + "," + bytes[2] + "," + bytes[3];
          String got = readPixel(whole, x, y);
          if (!got.equals(wanted) && problems.length() < 300) {
            problems.append(" whole (").append(x).append(',').append(y).append(") ").append(got)
                .append(" not ").append(wanted).append(';');
          }
          boolean inside = x >= 3 && x < 8 && y >= 2 && y < 6;
          String gotPart = readPixel(part, x, y);
          String wantedPart = inside ? wanted : "0,0,0,0";
          if (!gotPart.equals(wantedPart) && problems.length() < 300) {
            problems.append(" part (").append(x).append(',').append(y).append(") ").append(gotPart)
                .append(" not ").append(wantedPart).append(';');
          }
        }
      }
      String shortArray = refusal(() -> WebCanvas.putRgba(whole, image, WIDTH, HEIGHT + 1));
      String outside = refusal(() -> WebCanvas.putRgba(whole, image, WIDTH, HEIGHT, 10, 0, 4, 1));
      String notACanvas = refusal(() -> WebCanvas.putRgba(plainObject(), image, WIDTH, HEIGHT));
      boolean refusals = shortArray.contains("cannot hold a 13 x 8 image")
          && outside.contains("is not inside the 13 x 7 image")
          && notACanvas.contains("needs a canvas");
      image.free();
      r.check(problems.length() == 0 && filledBy > 0 && refusals,
          "filled by worker " + filledBy + "; pixel (1, 2) read back " + readPixel(whole, 1, 2)
              + (problems.length() == 0 ? "; every pixel as packed" : ";" + problems)
              + "; refusals: [" + shortArray + "] [" + outside + "] [" + notACanvas + "]");
    });
  }

  /** The message of the IllegalArgumentException the call throws, or a note that it threw none. */
  private static String refusal(Runnable call) {
    try {
      call.run();
      return "no exception";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @JSBody(script = "return self.crossOriginIsolated === true;")
  private static native boolean crossOriginIsolated();

  @JSBody(params = {"width", "height"}, script = "const c = document.createElement('canvas');"
      + " c.width = width; c.height = height; document.body.appendChild(c); return c;")
  private static native JSObject newCanvas(int width, int height);

  @JSBody(params = "canvas", script = "return canvas.getContext('2d');")
  private static native JSObject context2d(JSObject canvas);

  @JSBody(params = {"canvas", "x", "y"},
      script = "return Array.from(canvas.getContext('2d').getImageData(x, y, 1, 1).data).join(',');")
  private static native String readPixel(JSObject canvas, int x, int y);

  @JSBody(script = "return {};")
  private static native JSObject plainObject();
}
