package org.webthreads.examples.pitch;

/**
 * A small seeded pseudo-random generator, PCG-XSH-RR with 64-bit state and 32-bit output (M. E.
 * O'Neill, "PCG: A family of simple fast space-efficient statistically good algorithms for random
 * number generation", 2014). Integer arithmetic only, so the stream is the same on the JVM and in
 * WebAssembly; Gaussian values use the Box-Muller transform (G. E. P. Box and M. E. Muller, 1958),
 * whose {@code log}/{@code cos} may differ in the last bits between platforms. Not thread-safe.
 */
public final class Pcg32 {
  private static final long MULTIPLIER = 6364136223846793005L;
  private static final long INCREMENT = 1442695040888963407L;

  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  public Pcg32(long seed) {
    state = 0;
    nextInt();
    state += seed;
    nextInt();
  }

  /** 32 uniformly random bits. */
  public int nextInt() {
    long old = state;
    state = old * MULTIPLIER + INCREMENT;
    int xorShifted = (int) (((old >>> 18) ^ old) >>> 27);
    int rotation = (int) (old >>> 59);
    return Integer.rotateRight(xorShifted, rotation);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    long high = (nextInt() & 0xFFFFFFFFL) >>> 6;
    long low = (nextInt() & 0xFFFFFFFFL) >>> 5;
    return ((high << 27) | low) * 0x1.0p-53;
  }

  /** Standard normal (mean 0, variance 1). */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u = 1 - nextDouble();
    double v = nextDouble();
    double radius = Math.sqrt(-2 * Math.log(u));
    double angle = 2 * Math.PI * v;
    spareGaussian = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  }
}
