package org.webthreads.examples.pitch;

/**
 * Decodes a WAV file held in memory into mono float samples, in pure Java (no I/O, nothing TeaVM
 * lacks), so the browser can decode files the user drops.
 *
 * <p>Reads the RIFF/WAVE container (Microsoft/IBM "Multimedia Programming Interface and Data
 * Specifications 1.0", 1991, and Microsoft's WAVE_FORMAT_EXTENSIBLE note): little-endian chunks
 * {@code id, size, body} with a pad byte after odd-sized bodies; the {@code fmt } and {@code data}
 * chunks may come in either order and every other chunk ({@code LIST}, {@code fact}, {@code bext},
 * ...) is skipped. Formats:
 * <ul>
 *   <li>PCM (tag 1): 8-bit unsigned ({@code (b - 128) / 128}), 16, 24 and 32-bit signed
 *       ({@code v / 2^(bits - 1)});</li>
 *   <li>IEEE float (tag 3): 32 and 64-bit;</li>
 *   <li>WAVE_FORMAT_EXTENSIBLE (tag 0xFFFE) whose sub-format GUID is PCM or IEEE float, with the same
 *       container sizes (samples with fewer valid bits are left-justified, so they scale the same).</li>
 * </ul>
 * Any number of channels, mixed down to mono by averaging; any sample rate. A partial frame at the
 * end of the data is dropped. Everything else is refused with an {@link IllegalArgumentException}
 * whose one-line message names the problem: not RIFF, not WAVE, no fmt or data chunk, a chunk running
 * past the end of the file (truncated), an unsupported format tag, sub-format or bit depth, zero
 * channels or sample rate, or a block size that does not match the channels and bit depth.
 */
public final class WavReader {
  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_FLOAT = 3;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  /** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT GUIDs (bytes 0..1 are the format tag). */
  private static final int[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00,
      0x38, 0x9B, 0x71};

  private WavReader() {
  }

  /** Decodes a whole WAV file. */
  public static MonoAudio read(byte[] wav) {
    if (wav.length < 12) {
      throw new IllegalArgumentException("not a WAV file: " + wav.length + " bytes is too short for a RIFF header");
    }
    if (!fourCc(wav, 0).equals("RIFF")) {
      throw new IllegalArgumentException("not a WAV file: no RIFF header (starts with '" + fourCc(wav, 0) + "')");
    }
    if (!fourCc(wav, 8).equals("WAVE")) {
      throw new IllegalArgumentException("not a WAV file: RIFF form type is '" + fourCc(wav, 8) + "', not 'WAVE'");
    }
    long riffEnd = 8 + u32(wav, 4);
    int end = riffEnd < wav.length ? (int) riffEnd : wav.length;
    int fmt = -1;
    int fmtSize = 0;
    int data = -1;
    int dataSize = 0;
    int position = 12;
    while (position + 8 <= end) {
      String id = fourCc(wav, position);
      long size = u32(wav, position + 4);
      int body = position + 8;
      if (size > wav.length - body) {
        throw new IllegalArgumentException("truncated WAV file: chunk '" + id + "' at byte " + position + " declares "
            + size + " bytes but only " + (wav.length - body) + " remain");
      }
      if (id.equals("fmt ") && fmt < 0) {
        fmt = body;
        fmtSize = (int) size;
      } else if (id.equals("data") && data < 0) {
        data = body;
        dataSize = (int) size;
      }
      position = body + (int) size + (int) (size & 1);
    }
    if (fmt < 0) {
      throw new IllegalArgumentException("not a usable WAV file: no 'fmt ' chunk");
    }
    if (data < 0) {
      throw new IllegalArgumentException("not a usable WAV file: no 'data' chunk");
    }
    if (fmtSize < 16) {
      throw new IllegalArgumentException("bad WAV file: 'fmt ' chunk of " + fmtSize + " bytes, at least 16 needed");
    }
    int tag = u16(wav, fmt);
    int channels = u16(wav, fmt + 2);
    long sampleRate = u32(wav, fmt + 4);
    int blockAlign = u16(wav, fmt + 12);
    int bits = u16(wav, fmt + 14);
    String kind = "";
    if (tag == FORMAT_EXTENSIBLE) {
      if (fmtSize < 40) {
        throw new IllegalArgumentException("bad WAV file: extensible 'fmt ' chunk of " + fmtSize
            + " bytes, 40 needed");
      }
      int subFormat = u16(wav, fmt + 24);
      for (int i = 0; i < GUID_TAIL.length; i++) {
        if ((wav[fmt + 26 + i] & 0xFF) != GUID_TAIL[i]) {
          throw new IllegalArgumentException("unsupported WAV format: extensible sub-format GUID "
              + guid(wav, fmt + 24) + " (only PCM and IEEE float)");
        }
      }
      tag = subFormat;
      kind = "extensible ";
    }
    if (tag != FORMAT_PCM && tag != FORMAT_FLOAT) {
      throw new IllegalArgumentException("unsupported WAV format: " + kind + "format tag 0x" + hex4(tag)
          + " (only PCM 0x0001 and IEEE float 0x0003)");
    }
    boolean floating = tag == FORMAT_FLOAT;
    if (floating ? bits != 32 && bits != 64 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
      throw new IllegalArgumentException("unsupported WAV format: " + bits + "-bit " + (floating ? "IEEE float"
          : "PCM") + " (only " + (floating ? "32 and 64" : "8, 16, 24 and 32") + ")");
    }
    if (channels == 0) {
      throw new IllegalArgumentException("bad WAV file: 0 channels");
    }
    if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad WAV file: sample rate " + sampleRate + " Hz");
    }
    int bytesPerSample = bits / 8;
    if (blockAlign != channels * bytesPerSample) {
      throw new IllegalArgumentException("bad WAV file: block align " + blockAlign + " does not match " + channels
          + " channels of " + bits + " bits");
    }
    int frames = dataSize / blockAlign;
    float[] samples = new float[frames];
    double mix = 1.0 / channels;
    for (int f = 0; f < frames; f++) {
      int frame = data + f * blockAlign;
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += sample(wav, frame + c * bytesPerSample, bits, floating);
      }
      samples[f] = (float) (sum * mix);
    }
    String source = "WAV " + kind + (floating ? "IEEE float " : "PCM ") + bits + "-bit, " + channels
        + (channels == 1 ? " channel, " : " channels, ") + sampleRate + " Hz";
    return new MonoAudio(samples, (int) sampleRate, source);
  }

  private static double sample(byte[] b, int at, int bits, boolean floating) {
    if (floating) {
      if (bits == 32) {
        return Float.intBitsToFloat((int) u32(b, at));
      }
      return Double.longBitsToDouble(u32(b, at) | (u32(b, at + 4) << 32));
    }
    switch (bits) {
      case 8:
        return ((b[at] & 0xFF) - 128) / 128.0;
      case 16:
        return (short) u16(b, at) / 32768.0;
      case 24:
        return ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | b[at + 2] << 16) / 8388608.0;
      default:
        return (int) u32(b, at) / 2147483648.0;
    }
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
  }

  /** Four bytes as text, with anything not printable ASCII shown as '?'. */
  private static String fourCc(byte[] b, int at) {
    StringBuilder out = new StringBuilder(4);
    for (int i = at; i < at + 4; i++) {
      int c = b[i] & 0xFF;
      out.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
    }
    return out.toString();
  }

  private static String hex4(int value) {
    String digits = "0123456789ABCDEF";
    StringBuilder out = new StringBuilder(4);
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(digits.charAt((value >> shift) & 0xF));
    }
    return out.toString();
  }

  /** A GUID in its usual text form from its 16 little-endian bytes. */
  private static String guid(byte[] b, int at) {
    return hex4(u16(b, at + 2)) + hex4(u16(b, at)) + "-" + hex4(u16(b, at + 4)) + "-" + hex4(u16(b, at + 6)) + "-"
        + hex4((b[at + 8] & 0xFF) << 8 | (b[at + 9] & 0xFF)) + "-" + hex4((b[at + 10] & 0xFF) << 8
        | (b[at + 11] & 0xFF)) + hex4((b[at + 12] & 0xFF) << 8 | (b[at + 13] & 0xFF)) + hex4((b[at + 14] & 0xFF)
        << 8 | (b[at + 15] & 0xFF));
  }
}
