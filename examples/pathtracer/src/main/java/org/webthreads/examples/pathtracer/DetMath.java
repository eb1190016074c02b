package org.webthreads.examples.pathtracer;

/**
 * The only math the renderer uses besides {@code + - * /}, {@link Math#sqrt} and {@link Math#floor},
 * which are exactly rounded by IEEE 754 on the JVM and in WebAssembly alike. {@code Math.sin} and
 * friends are not: the browser's JS {@code Math} may round differently from the JVM, so a render would
 * not match bit for bit. Everything here is plain double arithmetic and comparisons.
 */
public final class DetMath {
  public static final double PI = 3.141592653589793;
  private static final double TWO_OVER_PI = 0.6366197723675814;
  // pi/2 split in two parts (Cody-Waite), so k * PIO2_HI is exact for moderate k.
  private static final double PIO2_HI = 1.5707963267341256;
  private static final double PIO2_LO = 6.077100506506192e-11;
  /** Largest |x| the trigonometric functions accept (range reduction stays accurate to ~1e-12). */
  public static final double MAX_TRIG_ARGUMENT = 1.0e6;

  private DetMath() {
  }

  public static double min(double a, double b) {
    return a < b ? a : b;
  }

  public static double max(double a, double b) {
    return a > b ? a : b;
  }

  public static double abs(double a) {
    return a < 0 ? -a : a;
  }

  public static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }

  public static double toRadians(double degrees) {
    return degrees * (PI / 180.0);
  }

  public static double sin(double x) {
    return sinCos(x, 0);
  }

  public static double cos(double x) {
    return sinCos(x, 1);
  }

  public static double tan(double x) {
    return sin(x) / cos(x);
  }

  /** sin(x + shift * pi/2) for shift 0 or 1, by range reduction to [-pi/4, pi/4] and Taylor series. */
  private static double sinCos(double x, int shift) {
    if (!(abs(x) <= MAX_TRIG_ARGUMENT)) {
      throw new IllegalArgumentException("trigonometric argument out of range: " + x);
    }
    double k = Math.floor(x * TWO_OVER_PI + 0.5);
    double r = (x - k * PIO2_HI) - k * PIO2_LO;
    int quadrant = ((int) (k - 4.0 * Math.floor(k * 0.25)) + shift) & 3;
    switch (quadrant) {
      case 0:
        return sinPoly(r);
      case 1:
        return cosPoly(r);
      case 2:
        return -sinPoly(r);
      default:
        return -cosPoly(r);
    }
  }

  // Taylor coefficients 1/n! with alternating signs; |r| <= pi/4 makes the first omitted term < 1e-17.
  private static double sinPoly(double r) {
    double r2 = r * r;
    double p = -1.0 / 1307674368000.0;                 // -1/15!
    p = p * r2 + 1.0 / 6227020800.0;                   // 1/13!
    p = p * r2 - 1.0 / 39916800.0;                     // -1/11!
    p = p * r2 + 1.0 / 362880.0;                       // 1/9!
    p = p * r2 - 1.0 / 5040.0;                         // -1/7!
    p = p * r2 + 1.0 / 120.0;                          // 1/5!
    p = p * r2 - 1.0 / 6.0;                            // -1/3!
    return r + r * r2 * p;
  }

  private static double cosPoly(double r) {
    double r2 = r * r;
    double p = 1.0 / 20922789888000.0;                 // 1/16!
    p = p * r2 - 1.0 / 87178291200.0;                  // -1/14!
    p = p * r2 + 1.0 / 479001600.0;                    // 1/12!
    p = p * r2 - 1.0 / 3628800.0;                      // -1/10!
    p = p * r2 + 1.0 / 40320.0;                        // 1/8!
    p = p * r2 - 1.0 / 720.0;                          // -1/6!
    p = p * r2 + 1.0 / 24.0;                           // 1/4!
    p = p * r2 - 0.5;                                  // -1/2!
    return 1.0 + r2 * p;
  }
}
