package org.webthreads.examples.pitch;

/**
 * A {@link PitchTrack} as CSV: the header {@value #HEADER}, then one line per window: its centre in
 * seconds (6 decimals), frequency in Hz (4 decimals, {@code 0} where unvoiced), clarity (4 decimals)
 * and RMS level in dBFS (2 decimals, {@code -inf} for a window of zeros). Lines end with {@code \n};
 * numbers use a dot and no exponent. Formatting is done here, without {@code String.format}, so the
 * browser writes the same text as the JVM.
 */
public final class PitchCsv {
  public static final String HEADER = "time_s,frequency_hz,clarity,rms_dbfs";

  private PitchCsv() {
  }

  /** The whole CSV text. */
  public static String write(PitchTrack track) {
    StringBuilder out = new StringBuilder(HEADER.length() + 40 * track.frames());
    out.append(HEADER).append('\n');
    for (int f = 0; f < track.frames(); f++) {
      appendRow(out, track, f);
    }
    return out.toString();
  }

  /** Appends window {@code f}'s line (with its newline). */
  public static void appendRow(StringBuilder out, PitchTrack track, int f) {
    appendFixed(out, track.timeSeconds(f), 6);
    out.append(',');
    float hz = track.frequencyHz(f);
    if (hz > 0) {
      appendFixed(out, hz, 4);
    } else {
      out.append('0');
    }
    out.append(',');
    appendFixed(out, track.clarity(f), 4);
    out.append(',');
    appendFixed(out, track.rmsDbfs(f), 2);
    out.append('\n');
  }

  /** {@code value} rounded to {@code decimals} places ("-inf", "inf" and "nan" for the special values). */
  public static void appendFixed(StringBuilder out, double value, int decimals) {
    if (Double.isNaN(value)) {
      out.append("nan");
      return;
    }
    if (Double.isInfinite(value)) {
      out.append(value > 0 ? "inf" : "-inf");
      return;
    }
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long scaled = Math.round(Math.abs(value) * scale);
    if (value < 0 && scaled != 0) {
      out.append('-');
    }
    out.append(scaled / scale);
    if (decimals > 0) {
      out.append('.');
      String fraction = Long.toString(scaled % scale);
      for (int i = fraction.length(); i < decimals; i++) {
        out.append('0');
      }
      out.append(fraction);
    }
  }
}
