package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tracker against the plain per-frame estimators on a melody with rests, a noise floor, noise
 * bursts in the rests and, inside every note, a block where the fundamental almost vanishes (a strong
 * second harmonic: per-frame YIN and McLeod read those frames one octave up).
 */
class PitchTrackerTest {
  static final int RATE = 44100;
  static final int WINDOW = 2048;
  static final int HOP = 256;
  /** A4 C5 E5 D5 rest A5 F4 E4 rest G4 B4 A3; MIDI -1 is a rest. */
  static final int[] MELODY = {69, 72, 76, 74, -1, 81, 65, 64, -1, 67, 71, 57};
  static final double NOTE_SECONDS = 0.35;
  /** The octave-prone block: harmonics 1..6 with a weak fundamental and a strong second harmonic. */
  static final double[] WEAK_FUNDAMENTAL = {0.05, 0.5, 0.025, 0.25, 0, 0.15};
  static final double BLOCK_START = 0.12;
  static final double BLOCK_SECONDS = 0.08;

  /** The test signal; {@code truth[i]} is the pitch at sample i (0 in rests and the final silence). */
  static float[] melody(double[] truth) {
    double[] durations = new double[MELODY.length];
    java.util.Arrays.fill(durations, NOTE_SECONDS);
    float[] x = TestSignals.noteSequence(RATE, MELODY, durations, 0.5, 440);
    int noteLength = TestSignals.sampleCount(RATE, NOTE_SECONDS);
    for (int n = 0; n < MELODY.length; n++) {
      int start = n * noteLength;
      if (MELODY[n] < 0) {
        // A burst of white noise in the middle of the rest.
        float[] burst = TestSignals.noise(RATE, 0.1, -30, n);
        int at = start + noteLength / 2 - burst.length / 2;
        for (int i = 0; i < burst.length; i++) {
          x[at + i] += burst[i];
        }
        continue;
      }
      double hz = NoteNames.frequencyOfMidi(MELODY[n], 440);
      for (int i = 0; i < noteLength; i++) {
        truth[start + i] = hz;
      }
      // Replace a block of the note by the weak-fundamental tone, in phase with the note.
      int blockStart = start + TestSignals.sampleCount(RATE, BLOCK_START);
      int blockLength = TestSignals.sampleCount(RATE, BLOCK_SECONDS);
      float[] tone = TestSignals.harmonics(RATE, hz, NOTE_SECONDS, WEAK_FUNDAMENTAL);
      for (int i = 0; i < blockLength; i++) {
        x[blockStart + i] = 0.9f * tone[blockStart - start + i];
      }
    }
    float[] floor = TestSignals.noise(RATE, x.length / (double) RATE, -50, 12345);
    for (int i = 0; i < x.length; i++) {
      x[i] += floor[i];
    }
    return x;
  }

  /** Per frame: the true pitch if the whole window is inside one note, 0 if it is all rest, NaN if mixed. */
  static double[] frameTruth(double[] truth, int frames) {
    double[] out = new double[frames];
    for (int f = 0; f < frames; f++) {
      double first = truth[f * HOP];
      boolean same = true;
      for (int i = f * HOP; i < f * HOP + WINDOW; i++) {
        if (truth[i] != first) {
          same = false;
          break;
        }
      }
      out[f] = same ? first : Double.NaN;
    }
    return out;
  }

  /** Frames whose estimate is wrong: voiced in a rest, unvoiced in a note, or over 50 cents off. */
  static int errors(float[] track, double[] frameTruth) {
    int errors = 0;
    for (int f = 0; f < track.length; f++) {
      double truth = frameTruth[f];
      if (Double.isNaN(truth)) {
        continue;
      }
      if (truth == 0) {
        errors += track[f] > 0 ? 1 : 0;
      } else if (!(track[f] > 0 && Math.abs(AccuracyStats.cents(track[f], truth)) <= 50)) {
        errors++;
      }
    }
    return errors;
  }

  static float[] perFrame(PitchEstimator estimator, float[] x, int frames) {
    float[] track = new float[frames];
    PitchEstimate estimate = new PitchEstimate();
    for (int f = 0; f < frames; f++) {
      estimator.analyse(x, f * HOP, estimate);
      track[f] = (float) estimate.frequencyHz();
    }
    return track;
  }

  static float[] candidates(PitchSettings settings, float[] x, int frames) {
    float[] candidates = new float[frames * FrameCandidates.STRIDE];
    FrameCandidates analyser = new FrameCandidates(settings);
    for (int f = 0; f < frames; f++) {
      analyser.analyse(x, f * HOP, candidates, f * FrameCandidates.STRIDE);
    }
    return candidates;
  }

  /** The notes of a track: runs of at least {@code minFrames} frames on one nearest MIDI note. */
  static int[] notes(float[] track, int minFrames) {
    NoteNames names = new NoteNames();
    List<Integer> notes = new ArrayList<>();
    int run = 0;
    int current = Integer.MIN_VALUE;
    for (int f = 0; f <= track.length; f++) {
      int midi = f < track.length && track[f] > 0 ? names.nearestMidi(track[f]) : Integer.MIN_VALUE;
      if (midi == current) {
        run++;
        continue;
      }
      if (current != Integer.MIN_VALUE && run >= minFrames
          && (notes.isEmpty() || notes.get(notes.size() - 1) != current)) {
        notes.add(current);
      }
      current = midi;
      run = 1;
    }
    return notes.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void fewerErrorsThanThePerFrameEstimatorsAndTheNotesInOrder() {
    double[] truth = new double[TestSignals.sampleCount(RATE, MELODY.length * NOTE_SECONDS) + RATE];
    float[] x = melody(truth);
    PitchSettings settings = PitchSettings.of(RATE, WINDOW);
    int frames = settings.frameCount(x.length, HOP);
    double[] expected = frameTruth(truth, frames);
    int scored = 0;
    for (double t : expected) {
      scored += Double.isNaN(t) ? 0 : 1;
    }
    float[] tracked = new PitchTracker(settings).decode(candidates(settings, x, frames), frames);
    int trackerErrors = errors(tracked, expected);
    int yinErrors = errors(perFrame(new YinPitch(settings), x, frames), expected);
    int mcleodErrors = errors(perFrame(new McLeodPitch(settings), x, frames), expected);
    System.out.printf("melody, %d scored frames: errors tracker %d, YIN %d, McLeod %d%n", scored,
        trackerErrors, yinErrors, mcleodErrors);
    assertTrue(trackerErrors < yinErrors && trackerErrors < mcleodErrors,
        "tracker " + trackerErrors + ", YIN " + yinErrors + ", McLeod " + mcleodErrors);
    // Per-frame estimators with a permissive clarity gate (to keep quiet or breathy notes voiced)
    // also voice noise in the rests; the tracker has no clarity gate to tune.
    PitchSettings permissive = settings.withGates(settings.minRmsDbfs(), 0.15);
    int yinPermissive = errors(perFrame(new YinPitch(permissive), x, frames), expected);
    int mcleodPermissive = errors(perFrame(new McLeodPitch(permissive), x, frames), expected);
    System.out.printf("  with clarity gate 0.15: YIN %d, McLeod %d%n", yinPermissive, mcleodPermissive);
    assertTrue(trackerErrors < yinPermissive && trackerErrors < mcleodPermissive);
    int[] melodyNotes = java.util.Arrays.stream(MELODY).filter(m -> m >= 0).toArray();
    assertArrayEquals(melodyNotes, notes(tracked, 5));
  }

  @Test
  void framesAreIndependentSoTheyCanBeAnalysedInAnyOrderByManyAnalysers() {
    double[] truth = new double[TestSignals.sampleCount(RATE, MELODY.length * NOTE_SECONDS) + RATE];
    float[] x = melody(truth);
    PitchSettings settings = PitchSettings.of(RATE, WINDOW);
    int frames = settings.frameCount(x.length, HOP);
    float[] inOrder = candidates(settings, x, frames);
    // Two "workers", each with its own analyser, taking alternate frames from the end backwards.
    float[] shared = new float[frames * FrameCandidates.STRIDE];
    FrameCandidates[] workers = {new FrameCandidates(settings), new FrameCandidates(settings)};
    for (int f = frames - 1; f >= 0; f--) {
      workers[f % 2].analyse(x, f * HOP, shared, f * FrameCandidates.STRIDE);
    }
    assertArrayEquals(inOrder, shared);
    PitchTracker tracker = new PitchTracker(settings);
    assertArrayEquals(tracker.decode(inOrder, frames), tracker.decode(shared, frames));
  }

  @Test
  void candidateRecordsFollowTheDocumentedLayout() {
    PitchSettings settings = PitchSettings.of(RATE, WINDOW);
    float[] tone = TestSignals.harmonicTone(RATE, 220, 0.1, 0.5);
    float[] out = new float[3 * FrameCandidates.STRIDE];
    java.util.Arrays.fill(out, -7);
    FrameCandidates analyser = new FrameCandidates(settings);
    int count = analyser.analyse(tone, 0, out, FrameCandidates.STRIDE);
    assertEquals(-7, out[0]);
    assertEquals(-7, out[2 * FrameCandidates.STRIDE]);
    assertEquals(count, FrameCandidates.count(out, 1));
    assertTrue(count >= 1 && count <= FrameCandidates.MAX_CANDIDATES);
    assertEquals(220, FrameCandidates.frequency(out, 1, 0), 0.01);
    assertTrue(FrameCandidates.probability(out, 1, 0) > 0.9);
    assertEquals(20 * Math.log10(Math.sqrt(0.25 * (1 + 1 / 4.0 + 1 / 9.0 + 1 / 16.0 + 1 / 25.0 + 1 / 36.0
        + 1 / 49.0 + 1 / 64.0 + 1 / 81.0 + 1 / 100.0) / 2)), FrameCandidates.rmsDbfs(out, 1), 0.1);
    for (int i = count; i < FrameCandidates.MAX_CANDIDATES; i++) {
      assertEquals(0, FrameCandidates.frequency(out, 1, i));
      assertEquals(0, FrameCandidates.probability(out, 1, i));
    }
    assertEquals(0, analyser.analyse(new float[WINDOW], 0, out, 0));
    assertEquals(Float.NEGATIVE_INFINITY, FrameCandidates.rmsDbfs(out, 0));
  }

  @Test
  void silenceAndNoiseDecodeUnvoiced() {
    PitchSettings settings = PitchSettings.of(RATE, WINDOW);
    float[] noise = TestSignals.noise(RATE, 2, -20, 5);
    int frames = settings.frameCount(noise.length, HOP);
    float[] track = new PitchTracker(settings).decode(candidates(settings, noise, frames), frames);
    for (float hz : track) {
      assertEquals(0, hz);
    }
    float[] silence = new float[RATE];
    frames = settings.frameCount(silence.length, HOP);
    track = new PitchTracker(settings).decode(candidates(settings, silence, frames), frames);
    for (float hz : track) {
      assertEquals(0, hz);
    }
  }
}
