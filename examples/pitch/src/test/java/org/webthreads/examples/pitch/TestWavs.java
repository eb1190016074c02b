package org.webthreads.examples.pitch;

import java.io.ByteArrayOutputStream;

/**
 * WAV files of every kind the reader takes, for tests in other packages: PCM 8/16/24/32-bit and IEEE
 * float 32/64-bit, any channel count, plain or WAVE_FORMAT_EXTENSIBLE. Samples are clamped to
 * [-1, 1) for PCM.
 */
public final class TestWavs {
  public static final int PCM = 1;
  public static final int FLOAT = 3;

  private TestWavs() {
  }

  /** A WAV file of {@code channels[c][i]} (all channels the same length). */
  public static byte[] encode(float[][] channels, int rate, int tag, int bits, boolean extensible) {
    int frames = channels[0].length;
    int count = channels.length;
    int bytes = bits / 8;
    ByteArrayOutputStream data = new ByteArrayOutputStream(frames * count * bytes);
    for (int i = 0; i < frames; i++) {
      for (float[] channel : channels) {
        double x = channel[i];
        if (tag == FLOAT) {
          long v = bits == 32 ? Float.floatToIntBits((float) x) & 0xFFFFFFFFL : Double.doubleToLongBits(x);
          for (int b = 0; b < bytes; b++) {
            data.write((int) (v >>> (8 * b)));
          }
        } else {
          double scale = Math.pow(2, bits - 1);
          long v = Math.max((long) -scale, Math.min((long) scale - 1, Math.round(x * scale)));
          if (bits == 8) {
            v += 128;
          }
          for (int b = 0; b < bytes; b++) {
            data.write((int) (v >>> (8 * b)));
          }
        }
      }
    }
    ByteArrayOutputStream fmt = new ByteArrayOutputStream();
    u16(fmt, extensible ? 0xFFFE : tag);
    u16(fmt, count);
    u32(fmt, rate);
    u32(fmt, (long) rate * count * bytes);
    u16(fmt, count * bytes);
    u16(fmt, bits);
    if (extensible) {
      u16(fmt, 22);
      u16(fmt, bits);
      u32(fmt, 0);
      u16(fmt, tag);
      int[] tail = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71};
      for (int b : tail) {
        fmt.write(b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] f = fmt.toByteArray();
    byte[] d = data.toByteArray();
    out.write('R');
    out.write('I');
    out.write('F');
    out.write('F');
    u32(out, 4 + 8 + f.length + 8 + d.length + (d.length & 1));
    text(out, "WAVEfmt ");
    u32(out, f.length);
    out.write(f, 0, f.length);
    text(out, "data");
    u32(out, d.length);
    out.write(d, 0, d.length);
    if ((d.length & 1) == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  /** A mono WAV file. */
  public static byte[] mono(float[] samples, int rate, int tag, int bits) {
    return encode(new float[][] {samples}, rate, tag, bits, false);
  }

  private static void text(ByteArrayOutputStream out, String s) {
    for (char c : s.toCharArray()) {
      out.write(c);
    }
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >> 8);
  }

  private static void u32(ByteArrayOutputStream out, long v) {
    u16(out, (int) (v & 0xFFFF));
    u16(out, (int) (v >>> 16));
  }
}
