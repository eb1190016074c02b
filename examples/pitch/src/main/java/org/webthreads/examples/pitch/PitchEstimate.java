package org.webthreads.examples.pitch;

/**
 * One frame's pitch, written by an analyser into an instance the caller owns and reuses (so analysing a
 * frame allocates nothing): the frequency in Hz (0 when the frame is unvoiced), the clarity (0..1, how
 * periodic the frame is; the analyser says how it measures it) and the frame's RMS level in dBFS (0 dBFS
 * is an RMS of 1.0; a frame of zeros is {@code -Infinity}). Not thread-safe.
 */
public final class PitchEstimate {
  /** Floats per estimate in {@link #writeTo}'s layout. */
  public static final int FLOATS = 3;

  private double frequencyHz;
  private double clarity;
  private double rmsDbfs;

  /** The estimated frequency, or 0 for an unvoiced frame. */
  public double frequencyHz() {
    return frequencyHz;
  }

  public double clarity() {
    return clarity;
  }

  public double rmsDbfs() {
    return rmsDbfs;
  }

  public boolean voiced() {
    return frequencyHz > 0;
  }

  /** Sets all three values (frequency 0 for unvoiced). */
  public void set(double frequencyHz, double clarity, double rmsDbfs) {
    this.frequencyHz = frequencyHz;
    this.clarity = clarity;
    this.rmsDbfs = rmsDbfs;
  }

  /** Writes frequency, clarity and level to {@code out[offset .. offset + 2]}. */
  public void writeTo(float[] out, int offset) {
    out[offset] = (float) frequencyHz;
    out[offset + 1] = (float) clarity;
    out[offset + 2] = (float) rmsDbfs;
  }

  /** Reads what {@link #writeTo} wrote. */
  public void readFrom(float[] in, int offset) {
    set(in[offset], in[offset + 1], in[offset + 2]);
  }

  @Override
  public String toString() {
    return "PitchEstimate[" + frequencyHz + " Hz, clarity " + clarity + ", " + rmsDbfs + " dBFS]";
  }
}
