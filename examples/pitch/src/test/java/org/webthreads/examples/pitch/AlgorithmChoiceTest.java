package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which algorithm the command and the file mode use by default: each of the three on whole files, the
 * errors counted per window whose samples all lie in one note or one rest (voiced in a rest, unvoiced
 * in a note, or more than 50 cents off). {@link PitchAlgorithm#DEFAULT} must have the fewest errors
 * over all files.
 * <ul>
 *   <li>melody: PitchTrackerTest's (44.1 kHz, window 2048, hop 256): octave-prone blocks in every note,
 *       noise bursts in the rests, a -50 dBFS noise floor;</li>
 *   <li>semitones: every semitone E1..C7 for 0.25 s as a harmonic tone (48 kHz, window 4096, hop 512),
 *       clean and with white noise at 10 dB SNR over the whole file (also its final second).</li>
 * </ul>
 */
class AlgorithmChoiceTest {
  static Map<PitchAlgorithm, Integer> errors(float[] x, double[] truth, PitchSettings settings, int hop) {
    Map<PitchAlgorithm, Integer> out = new EnumMap<>(PitchAlgorithm.class);
    for (PitchAlgorithm algorithm : PitchAlgorithm.values()) {
      PitchTrack track = PitchTrack.analyse(x, algorithm, settings, hop);
      int errors = 0;
      for (int f = 0; f < track.frames(); f++) {
        double t = truth[f * hop];
        boolean uniform = true;
        for (int i = f * hop; i < f * hop + settings.windowSize(); i++) {
          if (truth[i] != t) {
            uniform = false;
            break;
          }
        }
        if (!uniform) {
          continue;
        }
        float hz = track.frequencyHz(f);
        if (t == 0 ? hz > 0 : !(hz > 0 && Math.abs(AccuracyStats.cents(hz, t)) <= 50)) {
          errors++;
        }
      }
      out.put(algorithm, errors);
    }
    return out;
  }

  static double[] semitoneTruth(int rate, int[] midi, double seconds, int length) {
    double[] truth = new double[length];
    int note = TestSignals.sampleCount(rate, seconds);
    for (int n = 0; n < midi.length; n++) {
      java.util.Arrays.fill(truth, n * note, (n + 1) * note, NoteNames.frequencyOfMidi(midi[n], 440));
    }
    return truth;
  }

  @Test
  void theDefaultHasTheFewestErrorsOnWholeFiles() {
    double[] melodyTruth = new double[2_000_000];
    float[] melody = PitchTrackerTest.melody(melodyTruth);
    Map<PitchAlgorithm, Integer> onMelody = errors(melody, melodyTruth,
        PitchSettings.of(PitchTrackerTest.RATE, PitchTrackerTest.WINDOW), PitchTrackerTest.HOP);

    int rate = 48000;
    int[] midi = new int[96 - 28 + 1];
    double[] seconds = new double[midi.length];
    for (int i = 0; i < midi.length; i++) {
      midi[i] = 28 + i;
      seconds[i] = 0.25;
    }
    float[] clean = TestSignals.noteSequence(rate, midi, seconds, 0.5, 440);
    double[] truth = semitoneTruth(rate, midi, 0.25, clean.length);
    PitchSettings settings = PitchSettings.of(rate, 4096);
    Map<PitchAlgorithm, Integer> onClean = errors(clean, truth, settings, 512);
    float[] noisy = clean.clone();
    double power = 0;
    int voicedSamples = 0;
    for (int i = 0; i < noisy.length; i++) {
      if (truth[i] > 0) {
        power += (double) noisy[i] * noisy[i];
        voicedSamples++;
      }
    }
    double noiseDb = 10 * Math.log10(power / voicedSamples) - 10;
    float[] noise = TestSignals.noise(rate, noisy.length / (double) rate, noiseDb, 99);
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] += noise[i];
    }
    Map<PitchAlgorithm, Integer> onNoisy = errors(noisy, truth, settings, 512);

    Map<PitchAlgorithm, Integer> total = new EnumMap<>(PitchAlgorithm.class);
    for (PitchAlgorithm a : PitchAlgorithm.values()) {
      total.put(a, onMelody.get(a) + onClean.get(a) + onNoisy.get(a));
      System.out.printf("%-7s melody %4d   semitones clean %4d   at 10 dB SNR %4d   total %4d%n", a.cliName(),
          onMelody.get(a), onClean.get(a), onNoisy.get(a), total.get(a));
    }
    PitchAlgorithm best = PitchAlgorithm.DEFAULT;
    for (PitchAlgorithm a : PitchAlgorithm.values()) {
      if (total.get(a) < total.get(best)) {
        best = a;
      }
    }
    assertEquals(PitchAlgorithm.DEFAULT, best, "fewest errors: " + total);
    assertTrue(total.get(PitchAlgorithm.DEFAULT) * 10 < Math.min(total.get(PitchAlgorithm.MCLEOD),
        total.get(PitchAlgorithm.YIN)), "the default is not clearly best: " + total);
  }
}
