package org.webthreads.examples.pathtracer;

/**
 * A small deterministic random number generator (SplitMix64): 64-bit integer arithmetic only, so the
 * JVM and WebAssembly produce the same stream. Not thread-safe; each renderer context owns one.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  public Rng(long seed) {
    this.state = seed;
  }

  public void reseed(long seed) {
    this.state = seed;
  }

  /** The SplitMix64 finaliser: a bijective 64-bit mix. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The seed of the sample of pixel (x, y) in pass {@code pass}: independent of tiles and threads. */
  public static long pixelSeed(long salt, int x, int y, int pass) {
    long h = mix64(salt ^ 0x2545F4914F6CDD1DL);
    h = mix64(h + ((long) x << 32 | (y & 0xFFFFFFFFL)));
    return mix64(h + pass * GOLDEN);
  }

  public long nextLong() {
    state += GOLDEN;
    return mix64(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform int in [0, bound) (bound > 0); slightly biased for huge bounds, fine for scene building. */
  public int nextInt(int bound) {
    return (int) ((nextLong() >>> 33) % bound);
  }
}
