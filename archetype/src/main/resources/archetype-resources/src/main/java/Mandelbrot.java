package ${package};

import org.webthreads.SharedIntArray;

/**
 * The computation itself, plain Java that runs the same on the JVM and in the browser: how many
 * iterations a point takes to escape, the colour of a pixel, and a band of rows drawn into the shared
 * image. Only {@code +}, {@code -}, {@code *} and comparisons on doubles are used, so every platform
 * computes the same pixels, bit for bit (the tests compare checksums).
 *
 * <p>A pixel is one int, RGBA in memory order: red in the lowest byte, alpha in the highest, which is
 * what a canvas's {@code ImageData} holds when its bytes are viewed as little-endian ints.
 */
public final class Mandelbrot {
  /** The colour of points inside the set: opaque black. */
  public static final int INTERIOR = 0xFF000000;

  private Mandelbrot() {
  }

  /**
   * How many iterations of z = z * z + c, from z = 0, keep |z| at most 2, up to {@code maxIterations}
   * (then the point is taken to be inside the set).
   */
  public static int iterations(double cx, double cy, int maxIterations) {
    double x = 0;
    double y = 0;
    int n = 0;
    while (n < maxIterations) {
      double xx = x * x;
      double yy = y * y;
      if (xx + yy > 4.0) {
        break;
      }
      y = 2 * x * y + cy;
      x = xx - yy + cx;
      n++;
    }
    return n;
  }

  /** The RGBA colour of a point that took {@code n} iterations: black inside, a blue-to-gold ramp outside. */
  public static int color(int n, int maxIterations) {
    if (n >= maxIterations) {
      return INTERIOR;
    }
    int t = n * 255 / maxIterations;                  // 0..254, integer arithmetic only
    int ramp = Math.min(255, t * 4);
    int red = ramp;
    int green = Math.min(255, t * 2);
    int blue = 255 - ramp / 2;
    return 0xFF000000 | blue << 16 | green << 8 | red;
  }

  /** The colour of pixel ({@code x}, {@code y}) of {@code view}. */
  public static int pixel(MandelbrotView view, int x, int y) {
    return color(iterations(view.re(x), view.im(y), view.maxIterations()), view.maxIterations());
  }

  /**
   * Draws rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) into {@code image}, one int per
   * pixel, row after row. Each row is computed into a Java array and copied into shared memory at once.
   */
  public static void drawRows(MandelbrotView view, SharedIntArray image, int fromRow, int toRow) {
    if (image.length() != view.pixels()) {
      throw new IllegalArgumentException("the image has " + image.length() + " pixels, the view "
          + view.width() + " x " + view.height() + " needs " + view.pixels());
    }
    if (fromRow < 0 || toRow > view.height() || fromRow > toRow) {
      throw new IllegalArgumentException("rows " + fromRow + ".." + toRow + " are not within 0.." + view.height());
    }
    int[] row = new int[view.width()];
    for (int y = fromRow; y < toRow; y++) {
      for (int x = 0; x < row.length; x++) {
        row[x] = pixel(view, x, y);
      }
      image.copyFrom(row, 0, y * view.width(), row.length);
    }
  }

  /** The whole picture on one thread: what the parallel drawing must equal. */
  public static int[] drawSequentially(MandelbrotView view) {
    int[] pixels = new int[view.pixels()];
    for (int y = 0; y < view.height(); y++) {
      for (int x = 0; x < view.width(); x++) {
        pixels[y * view.width() + x] = pixel(view, x, y);
      }
    }
    return pixels;
  }

  /** A checksum of a picture (FNV-1a over the ints), so the page and the JVM can compare one number. */
  public static int checksum(int[] pixels) {
    int hash = 0x811C9DC5;
    for (int p : pixels) {
      hash = (hash ^ p) * 0x01000193;
    }
    return hash;
  }

  /** How many pixels are inside the set (coloured {@link #INTERIOR}). */
  public static int interiorPixels(int[] pixels) {
    int count = 0;
    for (int p : pixels) {
      if (p == INTERIOR) {
        count++;
      }
    }
    return count;
  }
}
