package org.webthreads.examples.pathtracer;

/**
 * A thin-lens perspective camera, kept as the derived vectors the renderer needs (so decoding a scene
 * reproduces it exactly without recomputing anything).
 */
public final class Camera {
  /** Number of doubles in {@link #toArray()}. */
  public static final int SIZE = 19;

  final double ox, oy, oz;       // origin
  final double llx, lly, llz;    // lower left corner of the focus plane
  final double hx, hy, hz;       // horizontal extent
  final double vx, vy, vz;       // vertical extent
  final double ux, uy, uz;       // unit right
  final double wx, wy, wz;       // unit up (camera "v")
  final double lensRadius;

  private Camera(double[] a) {
    ox = a[0];
    oy = a[1];
    oz = a[2];
    llx = a[3];
    lly = a[4];
    llz = a[5];
    hx = a[6];
    hy = a[7];
    hz = a[8];
    vx = a[9];
    vy = a[10];
    vz = a[11];
    ux = a[12];
    uy = a[13];
    uz = a[14];
    wx = a[15];
    wy = a[16];
    wz = a[17];
    lensRadius = a[18];
  }

  /**
   * A camera at {@code from} looking at {@code at}.
   *
   * @param vfovDegrees vertical field of view, in (0, 180)
   * @param aspect width / height of the image
   * @param aperture lens diameter; 0 gives a pinhole camera (everything sharp)
   * @param focusDistance distance of the plane in focus
   */
  public static Camera lookAt(double fromX, double fromY, double fromZ, double atX, double atY, double atZ,
      double upX, double upY, double upZ, double vfovDegrees, double aspect, double aperture,
      double focusDistance) {
    if (!(vfovDegrees > 0 && vfovDegrees < 180) || !(aspect > 0) || !(aperture >= 0)
        || !(focusDistance > 0)) {
      throw new IllegalArgumentException("bad camera: vfov " + vfovDegrees + ", aspect " + aspect
          + ", aperture " + aperture + ", focus distance " + focusDistance);
    }
    double halfHeight = DetMath.tan(DetMath.toRadians(vfovDegrees) * 0.5);
    double halfWidth = aspect * halfHeight;
    // w: from the target back to the eye
    double bx = fromX - atX;
    double by = fromY - atY;
    double bz = fromZ - atZ;
    double bl = Math.sqrt(bx * bx + by * by + bz * bz);
    if (!(bl > 0)) {
      throw new IllegalArgumentException("camera looks at its own position");
    }
    bx /= bl;
    by /= bl;
    bz /= bl;
    // u = normalize(up x w)
    double ux = upY * bz - upZ * by;
    double uy = upZ * bx - upX * bz;
    double uz = upX * by - upY * bx;
    double ul = Math.sqrt(ux * ux + uy * uy + uz * uz);
    if (!(ul > 0)) {
      throw new IllegalArgumentException("camera up vector is parallel to the view direction");
    }
    ux /= ul;
    uy /= ul;
    uz /= ul;
    // v = w x u
    double vx = by * uz - bz * uy;
    double vy = bz * ux - bx * uz;
    double vz = bx * uy - by * ux;
    double[] a = new double[SIZE];
    double f = focusDistance;
    a[0] = fromX;
    a[1] = fromY;
    a[2] = fromZ;
    a[3] = fromX - halfWidth * f * ux - halfHeight * f * vx - f * bx;
    a[4] = fromY - halfWidth * f * uy - halfHeight * f * vy - f * by;
    a[5] = fromZ - halfWidth * f * uz - halfHeight * f * vz - f * bz;
    a[6] = 2 * halfWidth * f * ux;
    a[7] = 2 * halfWidth * f * uy;
    a[8] = 2 * halfWidth * f * uz;
    a[9] = 2 * halfHeight * f * vx;
    a[10] = 2 * halfHeight * f * vy;
    a[11] = 2 * halfHeight * f * vz;
    a[12] = ux;
    a[13] = uy;
    a[14] = uz;
    a[15] = vx;
    a[16] = vy;
    a[17] = vz;
    a[18] = aperture * 0.5;
    return new Camera(a);
  }

  /** The camera's state, {@link #SIZE} doubles. */
  public double[] toArray() {
    return new double[] {ox, oy, oz, llx, lly, llz, hx, hy, hz, vx, vy, vz, ux, uy, uz, wx, wy, wz,
        lensRadius};
  }

  /** The inverse of {@link #toArray()}, reading {@link #SIZE} doubles from {@code offset}. */
  public static Camera fromArray(double[] data, int offset) {
    double[] a = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      a[i] = data[offset + i];
      if (a[i] != a[i] || a[i] - a[i] != 0) {
        throw new IllegalArgumentException("camera value " + i + " is not finite: " + a[i]);
      }
    }
    if (a[18] < 0) {
      throw new IllegalArgumentException("negative lens radius " + a[18]);
    }
    return new Camera(a);
  }
}
