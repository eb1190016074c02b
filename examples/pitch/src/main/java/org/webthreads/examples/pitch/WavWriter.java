package org.webthreads.examples.pitch;

/**
 * Encodes mono float samples as a WAV file in memory: 16-bit PCM (samples clamped to [-1, 1) and
 * rounded, {@code round(x * 32768)}, so {@link WavReader} reads back {@code v / 32768}) or 32-bit IEEE
 * float (exact). For tests and for making fake-microphone test files.
 */
public final class WavWriter {
  private WavWriter() {
  }

  /** A mono 16-bit PCM WAV file. */
  public static byte[] pcm16(float[] samples, int sampleRate) {
    byte[] out = header(samples.length * 2, 1, sampleRate, 16, 0, false);
    int at = out.length - samples.length * 2;
    for (float x : samples) {
      long v = Math.round((double) x * 32768);
      int s = (int) Math.max(-32768, Math.min(32767, v));
      out[at++] = (byte) s;
      out[at++] = (byte) (s >> 8);
    }
    return out;
  }

  /** A mono 32-bit IEEE float WAV file (with the 'fact' chunk non-PCM files should carry). */
  public static byte[] float32(float[] samples, int sampleRate) {
    byte[] out = header(samples.length * 4, 3, sampleRate, 32, samples.length, true);
    int at = out.length - samples.length * 4;
    for (float x : samples) {
      int bits = Float.floatToIntBits(x);
      out[at++] = (byte) bits;
      out[at++] = (byte) (bits >> 8);
      out[at++] = (byte) (bits >> 16);
      out[at++] = (byte) (bits >> 24);
    }
    return out;
  }

  /** RIFF header, fmt chunk (18 bytes with cbSize = 0 for float), optional fact chunk, data header. */
  private static byte[] header(int dataBytes, int tag, int sampleRate, int bits, int frames, boolean floating) {
    int fmtSize = floating ? 18 : 16;
    int factSize = floating ? 12 : 0;
    int total = 12 + 8 + fmtSize + factSize + 8 + dataBytes + (dataBytes & 1);
    byte[] out = new byte[total];
    int at = 0;
    at = text(out, at, "RIFF");
    at = u32(out, at, total - 8);
    at = text(out, at, "WAVE");
    at = text(out, at, "fmt ");
    at = u32(out, at, fmtSize);
    at = u16(out, at, tag);
    at = u16(out, at, 1);
    at = u32(out, at, sampleRate);
    at = u32(out, at, sampleRate * (bits / 8));
    at = u16(out, at, bits / 8);
    at = u16(out, at, bits);
    if (floating) {
      at = u16(out, at, 0);
      at = text(out, at, "fact");
      at = u32(out, at, 4);
      at = u32(out, at, frames);
    }
    at = text(out, at, "data");
    u32(out, at, dataBytes);
    return out;
  }

  private static int text(byte[] out, int at, String fourCc) {
    for (int i = 0; i < 4; i++) {
      out[at + i] = (byte) fourCc.charAt(i);
    }
    return at + 4;
  }

  private static int u16(byte[] out, int at, int v) {
    out[at] = (byte) v;
    out[at + 1] = (byte) (v >> 8);
    return at + 2;
  }

  private static int u32(byte[] out, int at, int v) {
    out[at] = (byte) v;
    out[at + 1] = (byte) (v >> 8);
    out[at + 2] = (byte) (v >> 16);
    out[at + 3] = (byte) (v >> 24);
    return at + 4;
  }
}
