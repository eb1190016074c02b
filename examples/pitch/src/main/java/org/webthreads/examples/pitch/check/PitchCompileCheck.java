package org.webthreads.examples.pitch.check;

import org.webthreads.examples.pitch.McLeodPitch;
import org.webthreads.examples.pitch.PitchEstimate;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.TestSignals;
import org.webthreads.examples.pitch.YinPitch;

/** Placeholder: grows into the whole-library check. */
public final class PitchCompileCheck {
  private PitchCompileCheck() {
  }

  public static String run() {
    PitchSettings settings = PitchSettings.of(44100, 2048);
    float[] tone = TestSignals.harmonicTone(44100, 220, 0.1, 0.5);
    PitchEstimate estimate = new PitchEstimate();
    new McLeodPitch(settings).analyse(tone, 0, estimate);
    double mcleod = estimate.frequencyHz();
    new YinPitch(settings).analyse(tone, 0, estimate);
    return "mcleod " + Math.round(mcleod) + " yin " + Math.round(estimate.frequencyHz());
  }

  public static void main(String[] args) {
    System.out.println(run());
  }
}
