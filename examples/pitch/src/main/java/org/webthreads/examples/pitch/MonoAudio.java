package org.webthreads.examples.pitch;

/**
 * Audio as the analysers take it: one channel of float samples (about -1..1) at a sample rate, plus
 * a description of the source it was decoded from. The array is shared, not copied.
 */
public final class MonoAudio {
  private final float[] samples;
  private final int sampleRate;
  private final String source;

  public MonoAudio(float[] samples, int sampleRate, String source) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate " + sampleRate + " is not positive");
    }
    this.samples = samples;
    this.sampleRate = sampleRate;
    this.source = source;
  }

  /** The samples (the array itself). */
  public float[] samples() {
    return samples;
  }

  public int sampleRate() {
    return sampleRate;
  }

  /** What the samples were decoded from, e.g. "WAV PCM 24-bit, 2 channels, 48000 Hz". */
  public String source() {
    return source;
  }

  public double seconds() {
    return (double) samples.length / sampleRate;
  }

  @Override
  public String toString() {
    return "MonoAudio[" + samples.length + " samples at " + sampleRate + " Hz from " + source + "]";
  }
}
