package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CSV text: header, one row per window at its centre, fixed decimals, 0 and -inf where they belong. */
class PitchCsvTest {
  @Test
  void rowsAreWindowCentresWithFixedDecimals() {
    int rate = 8000;
    float[] x = new float[4096];
    float[] tone = TestSignals.sine(rate, 250, 0.25, 0.5);
    System.arraycopy(tone, 0, x, 0, 2000);
    PitchTrack track = PitchTrack.analyse(x, PitchAlgorithm.MCLEOD, PitchSettings.of(rate, 1024), 512);
    String csv = PitchCsv.write(track);
    String[] lines = csv.split("\n");
    assertEquals("time_s,frequency_hz,clarity,rms_dbfs", lines[0]);
    assertEquals(1 + (4096 - 1024) / 512 + 1, lines.length);
    assertTrue(csv.endsWith("\n"));
    assertTrue(lines[1].startsWith("0.064000,250.0000,1.0000,-9.0"), lines[1]); // centre 512 / 8000 s; RMS of 0.5 sine
    assertEquals("0.448000,0,0.0000,-inf", lines[7]); // window 3072..4096: all zeros
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      assertEquals(4, cells.length, lines[i]);
      assertEquals(6, cells[0].length() - cells[0].indexOf('.') - 1, lines[i]);
    }
  }

  @Test
  void fixedFormattingRoundsAndNeverWritesMinusZero() {
    StringBuilder s = new StringBuilder();
    PitchCsv.appendFixed(s, -0.004, 2);
    s.append(' ');
    PitchCsv.appendFixed(s, -12.346, 2);
    s.append(' ');
    PitchCsv.appendFixed(s, 1.99996, 4);
    s.append(' ');
    PitchCsv.appendFixed(s, 0.0001, 6);
    s.append(' ');
    PitchCsv.appendFixed(s, Double.NEGATIVE_INFINITY, 2);
    s.append(' ');
    PitchCsv.appendFixed(s, 3, 0);
    assertEquals("0.00 -12.35 2.0000 0.000100 -inf 3", s.toString());
  }
}
