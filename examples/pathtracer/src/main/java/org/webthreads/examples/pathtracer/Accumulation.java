package org.webthreads.examples.pathtracer;

/**
 * How samples are summed and shown, shared by every platform so that pixels agree bit for bit.
 *
 * <p>A frame's accumulator is an {@code int} per colour channel per pixel (index
 * {@code (y * width + x) * 3 + channel}), which fits a 32-bit shared word in the browser and a
 * {@code SharedIntArray} on the JVM. Each sample's radiance is clamped to [0, {@link #CLAMP}] and
 * rounded to a fixed-point integer with {@link #SCALE} steps per unit ({@link #quantize}); integer
 * sums are exact and order-independent, so tiles, threads and even passes may add in any order (with
 * atomic adds when several writers share a word). A sum holds at most {@link #MAX_PASSES} samples.
 */
public final class Accumulation {
  /** Fixed-point steps per unit of radiance. */
  public static final int SCALE = 4096;
  /** Largest radiance one sample contributes (tames fireflies; the display saturates at 1 anyway). */
  public static final double CLAMP = 16.0;
  /** Largest quantized sample. */
  public static final int MAX_SAMPLE = (int) (CLAMP * SCALE);
  /** Passes a 32-bit sum can hold without overflow. */
  public static final int MAX_PASSES = Integer.MAX_VALUE / MAX_SAMPLE;

  private Accumulation() {
  }

  /** One sample's radiance as a fixed-point integer in [0, MAX_SAMPLE]; NaN and negatives give 0. */
  public static int quantize(double radiance) {
    if (!(radiance > 0)) {
      return 0;
    }
    if (radiance >= CLAMP) {
      return MAX_SAMPLE;
    }
    return (int) (radiance * SCALE + 0.5);
  }

  /**
   * The 8-bit display value of a channel whose sum over {@code passes} samples is {@code sum}: the mean,
   * gamma 2 (square root), clamped to [0, 1], times 255, rounded.
   */
  public static int toByte(int sum, int passes) {
    if (passes <= 0 || sum <= 0) {
      return 0;
    }
    double mean = sum / ((double) passes * SCALE);
    double v = Math.sqrt(mean);
    if (v >= 1) {
      return 255;
    }
    return (int) (v * 255 + 0.5);
  }

  /**
   * The display colour of a pixel whose channel sums over {@code passes} samples are given, as one int
   * whose little-endian bytes are R, G, B, 255 ({@link #toByte} each): a canvas's pixel as one word.
   */
  public static int packedRgba(int sumR, int sumG, int sumB, int passes) {
    return toByte(sumR, passes) | toByte(sumG, passes) << 8 | toByte(sumB, passes) << 16 | 0xFF << 24;
  }

  /**
   * Converts a frame's sums (3 per pixel) to RGBA bytes (4 per pixel, alpha 255), as a canvas
   * {@code ImageData} wants them. Bytes above 127 come out negative in Java; mask with 0xFF to read.
   */
  public static void toRgba(int[] sums, int pixelCount, int passes, byte[] rgba) {
    if (sums.length < pixelCount * 3 || rgba.length < pixelCount * 4) {
      throw new IllegalArgumentException("arrays too short for " + pixelCount + " pixels");
    }
    for (int i = 0; i < pixelCount; i++) {
      rgba[i * 4] = (byte) toByte(sums[i * 3], passes);
      rgba[i * 4 + 1] = (byte) toByte(sums[i * 3 + 1], passes);
      rgba[i * 4 + 2] = (byte) toByte(sums[i * 3 + 2], passes);
      rgba[i * 4 + 3] = (byte) 255;
    }
  }

  /** 64-bit FNV-1a over the ints, each taken as one unsigned 32-bit unit (for golden checks). */
  public static long checksum(int[] values) {
    return checksum(values, 0, values.length);
  }

  public static long checksum(int[] values, int from, int to) {
    long h = 0xCBF29CE484222325L;
    for (int i = from; i < to; i++) {
      h ^= values[i] & 0xFFFFFFFFL;
      h *= 0x100000001B3L;
    }
    return h;
  }

  /** 64-bit FNV-1a over the bytes (unsigned). */
  public static long checksum(byte[] values) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < values.length; i++) {
      h ^= values[i] & 0xFFL;
      h *= 0x100000001B3L;
    }
    return h;
  }

  /** The checksum as 16 lower-case hex digits (no String.format, which TeaVM builds should avoid). */
  public static String hex(long value) {
    char[] out = new char[16];
    for (int i = 15; i >= 0; i--) {
      int d = (int) (value & 15);
      out[i] = (char) (d < 10 ? '0' + d : 'a' + d - 10);
      value >>>= 4;
    }
    return new String(out);
  }
}
