package org.webthreads.examples.pathtracer;

/**
 * The golden render, the frame every platform must render bit for bit (the JVM runner's and the
 * browser page's tests and the TeaVM build's check class compare with it):
 * {@code DefaultScene.build(42, 64, 48)}, a 64 x 48 frame, passes 0..3 (one sample per pixel each),
 * every sample added with {@link Accumulation#quantize} into int sums (3 per pixel, row by row). {@link #SUMS} is {@link Accumulation#checksum(int[])} (64-bit
 * FNV-1a over the ints) of those sums; {@link #RGBA} is {@link Accumulation#checksum(byte[])} of the
 * bytes {@link Accumulation#toRgba} makes from them with 4 passes.
 */
public final class Golden {
  public static final long SUMS = 0x7a25ba5f8fdbfda1L;
  public static final long RGBA = 0x76ede547a265075fL;
  public static final int WIDTH = 64;
  public static final int HEIGHT = 48;
  public static final int PASSES = 4;
  public static final long SEED = 42;

  private Golden() {
  }
}
