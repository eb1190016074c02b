package org.webthreads.examples.pathtracer.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * The page's side of tracer.html: its {@code tracerUi} object (form, status, canvas, figures, activity
 * chart, the published result) and the few browser calls the render modes need (timers, typed arrays,
 * the canvas's pixels).
 */
final class TracerUi {
  private TracerUi() {
  }

  /** A JavaScript callback made from Java (a timer's or an animation frame's). */
  @JSFunctor
  interface Callback extends JSObject {
    void run();
  }

  /** Fills the form from the settings and sizes the canvas. */
  @JSBody(params = "settings", script = "tracerUi.setup(settings);")
  static native void setup(JSObject settings);

  @JSBody(params = "text", script = "tracerUi.status(text);")
  static native void status(String text);

  /** Shows the error and publishes {@code {error}} as the result. */
  /** Shows how many of the pass's tiles are done (from its TaskProgress). */
  static void tilesDone(long done, long total) {
    tilesDoneText(done + " of " + total);
  }

  @JSBody(params = "text", script = "document.getElementById('f-tiles').textContent = text;")
  private static native void tilesDoneText(String text);

  @JSBody(params = "message", script = "tracerUi.error(message);")
  static native void error(String message);

  /** Publishes the result ({@code self.tracerResult}), sets {@code self.framesDone} and the title "done". */
  @JSBody(params = "result", script = "tracerUi.finish(result);")
  static native void finish(JSObject result);

  @JSBody(params = "callback", script = "requestAnimationFrame(() => callback());")
  static native void onAnimationFrame(Callback callback);

  @JSBody(params = {"millis", "callback"}, script = "setTimeout(() => callback(), millis);")
  static native void after(int millis, Callback callback);

  @JSBody(script = "return performance.now();")
  static native double now();

  /** The frame's canvas (2d context), where the shared display array is drawn with WebCanvas.putRgba. */
  @JSBody(script = "return tracerUi.ctx;")
  static native JSObject frameCanvas();

  /**
   * postMessage mode: adds a tile's returned samples to the page's sums and writes the tile's colours
   * into the page's frame image (not yet the canvas: see {@link #drawFrameImage}).
   */
  @JSBody(params = {"sums", "samples", "frameWidth", "x0", "y0", "w", "h", "passes"},
      script = "tracerUi.addTile(sums, samples, frameWidth, x0, y0, w, h, passes);")
  static native void addTile(JSObject sums, JSObject samples, int frameWidth, int x0, int y0, int w, int h,
      int passes);

  /** postMessage mode: puts a box of the page's frame image on the canvas. */
  @JSBody(params = {"x0", "y0", "w", "h"}, script = "tracerUi.drawFrameImage(x0, y0, w, h);")
  static native void drawFrameImage(int x0, int y0, int w, int h);

  @JSBody(params = {"passes", "passMs", "samplesPerSec", "tasksPerSec", "overallSamplesPerSec", "totalMs"},
      script = "tracerUi.figures(passes, passMs, samplesPerSec, tasksPerSec, overallSamplesPerSec, totalMs);")
  static native void figures(int passes, double passMs, double samplesPerSec, double tasksPerSec,
      double overallSamplesPerSec, double totalMs);

  /** Draws the bars of tiles per worker from the activity counters ({@code counters}, their shared view). */
  @JSBody(params = {"counters", "workers", "totalMs"}, script = "tracerUi.activity(counters, workers, totalMs);")
  static native void activity(Int32Array counters, int workers, double totalMs);

  /**
   * Draws the bars of tasks run per worker from the pool's statistics ({@code run}, {@code stolen},
   * {@code parked}, {@code queued} arrays in pool order) with each worker's busy share from
   * {@code busyMs}.
   */
  @JSBody(params = {"statistics", "totalMs"}, script = "tracerUi.poolStatistics(statistics, totalMs);")
  static native void poolStatistics(JSObject statistics, double totalMs);

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
  private static native JSObject canvasPixels();

  @JSBody(params = "n", script = "return new Int32Array(n);")
  static native JSObject int32Array(int n);

  @JSBody(params = {"a", "i"}, script = "return a[i];")
  static native int intAt(JSObject a, int i);

  @JSBody(params = {"a", "i"}, script = "return a[i];")
  static native double doubleAt(JSObject a, int i);

  @JSBody(params = "n", script = "return new Float64Array(n);")
  static native JSObject float64Array(int n);

  @JSBody(params = {"a", "i", "v"}, script = "a[i] = v;")
  static native void setDouble(JSObject a, int i, double v);
}
