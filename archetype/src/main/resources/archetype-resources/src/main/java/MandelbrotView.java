package ${package};

import org.webthreads.Codec;

/**
 * Which part of the complex plane a picture shows, and how finely: {@code width} x {@code height}
 * pixels around ({@code centerX}, {@code centerY}), {@code pixelSize} apart, each point iterated at most
 * {@code maxIterations} times.
 *
 * <p>{@link #CODEC} writes a view as six task arguments, so a typed task kind can take it
 * ({@link MandelbrotTasks#BAND}).
 */
public record MandelbrotView(int width, int height, double centerX, double centerY, double pixelSize,
    int maxIterations) {

  /** What the page draws and the tests check: the whole set, 480 x 320 pixels. */
  public static final MandelbrotView DEFAULT = new MandelbrotView(480, 320, -0.6, 0.0, 3.2 / 480, 256);

  /** Six values: the two sizes, the centre, the pixel size and the iteration limit, in that order. */
  public static final Codec<MandelbrotView> CODEC = Codec.of("MandelbrotView", 6,
      (view, out) -> {
        out.writeInt(view.width());
        out.writeInt(view.height());
        out.writeDouble(view.centerX());
        out.writeDouble(view.centerY());
        out.writeDouble(view.pixelSize());
        out.writeInt(view.maxIterations());
      },
      in -> new MandelbrotView(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(),
          in.readDouble(), in.readInt()));

  public MandelbrotView {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("a view needs at least 1 x 1 pixels, was " + width + " x " + height);
    }
    if (!(pixelSize > 0) || Double.isInfinite(pixelSize)) {
      throw new IllegalArgumentException("pixelSize must be a positive finite number, was " + pixelSize);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
    }
  }

  /** The number of pixels, which is also the length of the image's shared array (one RGBA int each). */
  public int pixels() {
    return width * height;
  }

  /** The real part of the point at column {@code x}. */
  public double re(int x) {
    return centerX + (x - width / 2.0) * pixelSize;
  }

  /** The imaginary part of the point at row {@code y} (row 0 is at the top). */
  public double im(int y) {
    return centerY - (y - height / 2.0) * pixelSize;
  }
}
