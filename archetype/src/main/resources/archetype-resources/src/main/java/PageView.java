package ${package};

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * What the program shows on index.html: a status line, the picture on the canvas, the figures
 * (published as {@code self.mandelbrot} for tests and the console) and the title, "done" or "error".
 */
final class PageView {
  private static boolean failed;

  private PageView() {
  }

  @JSBody(params = "text", script = "document.getElementById('status').textContent = text;")
  static native void status(String text);

  @JSBody(script = "return performance.now();")
  static native double now();

  /** The page's canvas, sized to the picture (where WebCanvas.putRgba draws it). */
  @JSBody(params = {"width", "height"}, script = ""
      + "const canvas = document.getElementById('picture');"
      + "canvas.width = width; canvas.height = height;"
      + "return canvas;")
  static native JSObject canvas(int width, int height);

  @JSBody(params = {"checksum", "interior", "worker", "bands", "workers", "millis"}, script = ""
      + "self.mandelbrot = {checksum: checksum, interior: interior, worker: worker, bands: bands,"
      + "  workers: workers, millis: millis};"
      + "document.getElementById('status').textContent = bands + ' bands drawn on ' + workers"
      + "  + ' workers in ' + Math.round(millis) + ' ms; worker ' + worker + ' counted ' + interior"
      + "  + ' pixels inside the set (a JS task); checksum ' + checksum;"
      + "document.title = 'done';")
  private static native void publish(int checksum, int interior, int worker, int bands, int workers, double millis);

  @JSBody(params = "message", script = ""
      + "self.mandelbrot = {error: message};"
      + "document.getElementById('error').textContent = message;"
      + "document.getElementById('status').textContent = 'failed';"
      + "document.title = 'error';")
  private static native void showError(String message);

  /** Shows the figures and sets the title "done", unless the page failed before. */
  static void finish(int checksum, int interior, int worker, int bands, int workers, double millis) {
    if (!failed) {
      publish(checksum, interior, worker, bands, workers, millis);
    }
  }

  /** Shows the first failure on the page and sets the title "error"; later ones are dropped. */
  static void fail(String message) {
    if (!failed) {
      failed = true;
      showError(message);
    }
  }
}
