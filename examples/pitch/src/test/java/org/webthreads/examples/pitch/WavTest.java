package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class WavTest {
  /** Builds WAV files byte by byte. */
  static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes text(String s) {
      for (char c : s.toCharArray()) {
        out.write(c);
      }
      return this;
    }

    Bytes u8(int v) {
      out.write(v);
      return this;
    }

    Bytes u16(int v) {
      return u8(v & 0xFF).u8((v >> 8) & 0xFF);
    }

    Bytes u24(int v) {
      return u16(v & 0xFFFF).u8((v >> 16) & 0xFF);
    }

    Bytes u32(long v) {
      return u16((int) (v & 0xFFFF)).u16((int) ((v >> 16) & 0xFFFF));
    }

    Bytes u64(long v) {
      return u32(v & 0xFFFFFFFFL).u32(v >>> 32);
    }

    Bytes bytes(byte[] b) {
      out.write(b, 0, b.length);
      return this;
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }

  static byte[] fmt(int tag, int channels, int rate, int bits) {
    return new Bytes().u16(tag).u16(channels).u32(rate).u32((long) rate * channels * bits / 8)
        .u16(channels * bits / 8).u16(bits).toArray();
  }

  static byte[] chunk(String id, byte[] body) {
    Bytes b = new Bytes().text(id).u32(body.length).bytes(body);
    if (body.length % 2 == 1) {
      b.u8(0);
    }
    return b.toArray();
  }

  static byte[] riff(byte[]... chunks) {
    Bytes body = new Bytes().text("WAVE");
    for (byte[] c : chunks) {
      body.bytes(c);
    }
    byte[] b = body.toArray();
    return new Bytes().text("RIFF").u32(b.length).bytes(b).toArray();
  }

  static byte[] extensibleFmt(int channels, int rate, int bits, int validBits, int subFormat) {
    return new Bytes().bytes(fmt(0xFFFE, channels, rate, bits)).u16(22).u16(validBits).u32(channels == 2 ? 3 : 4)
        .u32(subFormat).u16(0).u16(0x10).u8(0x80).u8(0).u8(0).u8(0xAA).u8(0).u8(0x38).u8(0x9B).u8(0x71).toArray();
  }

  @Test
  void pcm16RoundTripIsWithinOneStep() {
    float[] x = TestSignals.harmonicTone(22050, 440, 0.05, 0.5);
    MonoAudio audio = WavReader.read(WavWriter.pcm16(x, 22050));
    assertEquals(22050, audio.sampleRate());
    assertEquals(x.length, audio.samples().length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], audio.samples()[i], 0.5 / 32768 + 1e-9);
    }
    assertEquals("WAV PCM 16-bit, 1 channel, 22050 Hz", audio.source());
  }

  @Test
  void pcm16ClampsOutOfRangeSamples() {
    MonoAudio audio = WavReader.read(WavWriter.pcm16(new float[] {2f, -2f, 1f, -1f}, 8000));
    assertArrayEquals(new float[] {32767 / 32768f, -1f, 32767 / 32768f, -1f}, audio.samples());
  }

  @Test
  void float32RoundTripIsExact() {
    float[] x = TestSignals.noise(48000, 0.01, -3, 1);
    MonoAudio audio = WavReader.read(WavWriter.float32(x, 48000));
    assertArrayEquals(x, audio.samples());
    assertEquals("WAV IEEE float 32-bit, 1 channel, 48000 Hz", audio.source());
  }

  @Test
  void pcm8IsUnsigned() {
    byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 8)), chunk("data", new byte[] {0, (byte) 128, (byte) 255, 64}));
    assertArrayEquals(new float[] {-1f, 0f, 127 / 128f, -0.5f}, WavReader.read(wav).samples());
  }

  @Test
  void pcm24SignExtends() {
    byte[] data = new Bytes().u24(0x7FFFFF).u24(0x800000).u24(0x000001).u24(0xFFFFFF).u24(0x400000).toArray();
    byte[] wav = riff(chunk("fmt ", fmt(1, 1, 96000, 24)), chunk("data", data));
    assertArrayEquals(new float[] {0x7FFFFF / 8388608f, -1f, 1 / 8388608f, -1 / 8388608f, 0.5f},
        WavReader.read(wav).samples());
  }

  @Test
  void pcm32IsSignedFullScale() {
    byte[] data = new Bytes().u32(0x7FFFFFFFL).u32(0x80000000L).u32(0x40000000L).u32(0xC0000000L).toArray();
    byte[] wav = riff(chunk("fmt ", fmt(1, 1, 44100, 32)), chunk("data", data));
    assertArrayEquals(new float[] {1f, -1f, 0.5f, -0.5f}, WavReader.read(wav).samples());
  }

  @Test
  void float64IsRead() {
    byte[] data = new Bytes().u64(Double.doubleToLongBits(0.25)).u64(Double.doubleToLongBits(-0.75)).toArray();
    byte[] wav = riff(chunk("fmt ", fmt(3, 1, 44100, 64)), chunk("data", data));
    MonoAudio audio = WavReader.read(wav);
    assertArrayEquals(new float[] {0.25f, -0.75f}, audio.samples());
    assertEquals("WAV IEEE float 64-bit, 1 channel, 44100 Hz", audio.source());
  }

  @Test
  void stereoIsMixedToMono() {
    byte[] data = new Bytes().u16(16384).u16(0).u16(-16384 & 0xFFFF).u16(-16384 & 0xFFFF).u16(32767).u16(-32768 & 0xFFFF)
        .toArray();
    MonoAudio audio = WavReader.read(riff(chunk("fmt ", fmt(1, 2, 44100, 16)), chunk("data", data)));
    assertArrayEquals(new float[] {0.25f, -0.5f, -0.5f / 32768f}, audio.samples());
    assertEquals("WAV PCM 16-bit, 2 channels, 44100 Hz", audio.source());
  }

  @Test
  void sixChannelsAreAveraged() {
    Bytes data = new Bytes();
    for (int c = 0; c < 6; c++) {
      data.u8(128 + 16 * c);
    }
    MonoAudio audio = WavReader.read(riff(chunk("fmt ", fmt(1, 6, 8000, 8)), chunk("data", data.toArray())));
    assertArrayEquals(new float[] {(float) ((0 + 16 + 32 + 48 + 64 + 80) / 6.0 / 128)}, audio.samples());
  }

  @Test
  void extensiblePcmAndFloatAreRead() {
    byte[] data24 = new Bytes().u24(0x400000).u24(0x200000).toArray();
    MonoAudio pcm = WavReader.read(riff(chunk("fmt ", extensibleFmt(2, 48000, 24, 24, 1)), chunk("data", data24)));
    assertArrayEquals(new float[] {0.375f}, pcm.samples());
    assertEquals("WAV extensible PCM 24-bit, 2 channels, 48000 Hz", pcm.source());
    // 20 valid bits in a 24-bit container: left-justified, so it scales like 24-bit.
    MonoAudio twenty = WavReader.read(riff(chunk("fmt ", extensibleFmt(1, 48000, 24, 20, 1)),
        chunk("data", new Bytes().u24(0xC00000).toArray())));
    assertArrayEquals(new float[] {-0.5f}, twenty.samples());
    byte[] dataFloat = new Bytes().u32(Float.floatToIntBits(-0.125f)).toArray();
    MonoAudio floating = WavReader.read(riff(chunk("fmt ", extensibleFmt(1, 44100, 32, 32, 3)),
        chunk("data", dataFloat)));
    assertArrayEquals(new float[] {-0.125f}, floating.samples());
  }

  @Test
  void chunksInAnyOrderUnknownChunksAndOddPaddingAreHandled() {
    byte[] data = new Bytes().u16(8192).u16(-8192 & 0xFFFF).u16(0).toArray();
    byte[] odd = {'a', 'b', 'c'}; // 3 bytes: followed by a pad byte
    byte[] wav = riff(chunk("LIST", odd), chunk("data", data), chunk("junk", new byte[5]),
        chunk("fmt ", fmt(1, 1, 16000, 16)), chunk("bext", new byte[1]));
    MonoAudio audio = WavReader.read(wav);
    assertArrayEquals(new float[] {0.25f, -0.25f, 0f}, audio.samples());
    assertEquals(16000, audio.sampleRate());
  }

  @Test
  void oddSizedDataChunkDropsThePartialFrameAndMayLackItsPadAtTheEnd() {
    byte[] body = new Bytes().u16(16384).u8(7).toArray();
    byte[] dataChunk = new Bytes().text("data").u32(3).bytes(body).toArray(); // no pad byte: end of file
    Bytes b = new Bytes().text("WAVE").bytes(chunk("fmt ", fmt(1, 1, 8000, 16))).bytes(dataChunk);
    byte[] inner = b.toArray();
    byte[] wav = new Bytes().text("RIFF").u32(inner.length).bytes(inner).toArray();
    assertArrayEquals(new float[] {0.5f}, WavReader.read(wav).samples());
  }

  private static String error(byte[] wav) {
    String message = assertThrows(IllegalArgumentException.class, () -> WavReader.read(wav)).getMessage();
    assertFalse(message.contains("\n"), message);
    return message;
  }

  @Test
  void everyProblemHasItsOwnOneLineMessage() {
    byte[] fmt16 = chunk("fmt ", fmt(1, 1, 8000, 16));
    byte[] data = chunk("data", new byte[4]);
    assertEquals("not a WAV file: 5 bytes is too short for a RIFF header", error(new byte[5]));
    assertEquals("not a WAV file: no RIFF header (starts with 'OggS')",
        error(new Bytes().text("OggS").u32(4).text("WAVE").toArray()));
    assertEquals("not a WAV file: RIFF form type is 'AVI ', not 'WAVE'",
        error(new Bytes().text("RIFF").u32(4).text("AVI ").toArray()));
    assertEquals("not a usable WAV file: no 'fmt ' chunk", error(riff(data)));
    assertEquals("not a usable WAV file: no 'data' chunk", error(riff(fmt16)));
    assertEquals("bad WAV file: 'fmt ' chunk of 14 bytes, at least 16 needed",
        error(riff(chunk("fmt ", new byte[14]), data)));
    assertEquals("unsupported WAV format: format tag 0x0002 (only PCM 0x0001 and IEEE float 0x0003)",
        error(riff(chunk("fmt ", fmt(2, 1, 8000, 4)), data)));
    assertEquals("unsupported WAV format: 12-bit PCM (only 8, 16, 24 and 32)",
        error(riff(chunk("fmt ", fmt(1, 1, 8000, 12)), data)));
    assertEquals("unsupported WAV format: 16-bit IEEE float (only 32 and 64)",
        error(riff(chunk("fmt ", fmt(3, 1, 8000, 16)), data)));
    assertEquals("unsupported WAV format: extensible format tag 0x0055 (only PCM 0x0001 and IEEE float 0x0003)",
        error(riff(chunk("fmt ", extensibleFmt(1, 8000, 16, 16, 0x55)), data)));
    byte[] badGuid = extensibleFmt(1, 8000, 16, 16, 1);
    badGuid[39] = 0x72;
    assertEquals("unsupported WAV format: extensible sub-format GUID 00000001-0000-0010-8000-00AA00389B72 "
        + "(only PCM and IEEE float)", error(riff(chunk("fmt ", badGuid), data)));
    assertEquals("bad WAV file: extensible 'fmt ' chunk of 18 bytes, 40 needed",
        error(riff(chunk("fmt ", new Bytes().bytes(fmt(0xFFFE, 1, 8000, 16)).u16(0).toArray()), data)));
    assertEquals("bad WAV file: 0 channels", error(riff(chunk("fmt ", fmt(1, 0, 8000, 16)), data)));
    assertEquals("bad WAV file: sample rate 0 Hz", error(riff(chunk("fmt ", fmt(1, 1, 0, 16)), data)));
    byte[] badAlign = fmt(1, 2, 8000, 16);
    badAlign[12] = 2;
    assertEquals("bad WAV file: block align 2 does not match 2 channels of 16 bits",
        error(riff(chunk("fmt ", badAlign), data)));
    byte[] whole = riff(fmt16, chunk("data", new byte[100]));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 30);
    assertEquals("truncated WAV file: chunk 'data' at byte 36 declares 100 bytes but only 70 remain", error(cut));
  }
}
