package org.webthreads.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int32Array;
import org.webthreads.SharedIntArray;

/**
 * Draws an image held in a {@link SharedIntArray} on a canvas. A canvas takes pixels only through an
 * {@code ImageData}, which cannot lie over shared memory, so the pixels are copied once into an
 * {@code ImageData} (reused while the size stays the same) and put on the canvas with
 * {@code putImageData}; the JavaScript side is {@code webthreads.putImageData(target, int32View, width,
 * height[, x, y, w, h])} of webthreads.js, which a page's own script may call too.
 *
 * <p>The pixel format: one element per pixel, row-major ({@code rgba.get(y * width + x)}), each the word
 * {@code 0xAABBGGRR}: red in the low byte, then green, blue, alpha in the high byte. Little-endian
 * memory (every platform browsers run on) makes that the bytes R, G, B, A, the order of
 * {@code ImageData}; so {@code 0xFF0000FF} is opaque red and {@code (a << 24) | (b << 16) | (g << 8) | r}
 * packs a pixel. The canvas keeps pixels with premultiplied alpha, so pixels with alpha below 255 may
 * read back slightly different through {@code getImageData}.
 *
 * <p>Call it on the thread that owns the canvas: the page, or a worker holding an
 * {@code OffscreenCanvas} (target: the canvas or its 2d context).
 *
 * <pre>{@code
 * SharedIntArray image = pool.newSharedIntArray(width * height);     // 0: transparent black
 * TaskFuture<Void> shaded = pool.submit(SHADE_ROWS, image, width, 0, height);   // a task filling it
 * WebFutures.whenDone(shaded, () -> WebCanvas.putRgba(canvas, image, width, height));
 * }</pre>
 */
public final class WebCanvas {
  private WebCanvas() {
  }

  /**
   * Draws the whole {@code width} x {@code height} image at (0, 0) of the canvas.
   *
   * @param target an {@code HTMLCanvasElement} or {@code OffscreenCanvas} (its 2d context is used), or
   *     a {@code CanvasRenderingContext2D} / {@code OffscreenCanvasRenderingContext2D}
   * @param rgba at least {@code width * height} pixels, {@code 0xAABBGGRR} each
   * @param width the image's width in pixels
   * @param height the image's height in pixels
   * @throws IllegalArgumentException for a target that is no canvas nor 2d context, sizes below 1, or an
   *     array too short for the image
   */
  public static void putRgba(JSObject target, SharedIntArray rgba, int width, int height) {
    putRgba(target, rgba, width, height, 0, 0, width, height);
  }

  /**
   * Draws the rectangle ({@code x}, {@code y}, {@code w}, {@code h}) of the {@code width} x
   * {@code height} image at the same place on the canvas: e.g. the tile a task has just finished.
   *
   * @param target an {@code HTMLCanvasElement} or {@code OffscreenCanvas}, or a 2d context of one
   * @param rgba at least {@code width * height} pixels, {@code 0xAABBGGRR} each
   * @param width the image's width in pixels
   * @param height the image's height in pixels
   * @param x the rectangle's left column
   * @param y the rectangle's top row
   * @param w the rectangle's width
   * @param h the rectangle's height
   * @throws IllegalArgumentException as {@link #putRgba(JSObject, SharedIntArray, int, int)}, or when
   *     the rectangle is not inside the image
   */
  public static void putRgba(JSObject target, SharedIntArray rgba, int width, int height,
      int x, int y, int w, int h) {
    if (rgba == null) {
      throw new NullPointerException("WebCanvas.putRgba needs the pixels: a SharedIntArray, got null");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("WebCanvas.putRgba needs a width and height above 0, got "
          + width + " x " + height);
    }
    long pixels = (long) width * height;
    if (rgba.length() < pixels) {
      throw new IllegalArgumentException("WebCanvas.putRgba: a SharedIntArray of " + rgba.length()
          + " elements cannot hold a " + width + " x " + height + " image (" + pixels + " pixels, one "
          + "element each)");
    }
    if (x < 0 || y < 0 || w < 0 || h < 0 || x > width - w || y > height - h) {
      throw new IllegalArgumentException("WebCanvas.putRgba: the rectangle at (" + x + ", " + y + ") of "
          + w + " x " + h + " is not inside the " + width + " x " + height + " image");
    }
    if (!isDrawTarget(target)) {
      throw new IllegalArgumentException("WebCanvas.putRgba needs a canvas (HTMLCanvasElement, "
          + "OffscreenCanvas) or its 2d context, got " + describe(target) + "; a canvas whose context is "
          + "already another kind (webgl, bitmaprenderer) has no 2d context");
    }
    put(target, SharedArrayViews.int32(rgba), width, height, x, y, w, h);
  }

  @JSBody(params = "target", script = "if (!target) return false;"
      + " const ctx = typeof target.getContext === 'function' ? target.getContext('2d') : target;"
      + " return !!ctx && typeof ctx.putImageData === 'function' && typeof ctx.createImageData === 'function';")
  private static native boolean isDrawTarget(JSObject target);

  @JSBody(params = "target", script = "if (target === null || target === undefined) return String(target);"
      + " return (target.constructor && target.constructor.name) || typeof target;")
  private static native String describe(JSObject target);

  @JSBody(params = {"target", "pixels", "width", "height", "x", "y", "w", "h"},
      script = "self.webthreads.putImageData(target, pixels, width, height, x, y, w, h);")
  private static native void put(JSObject target, Int32Array pixels, int width, int height,
      int x, int y, int w, int h);
}
