package org.webthreads.examples.pitch.check;

import org.webthreads.examples.pitch.FrameAnalyser;
import org.webthreads.examples.pitch.FrameCandidates;
import org.webthreads.examples.pitch.McLeodPitch;
import org.webthreads.examples.pitch.MonoAudio;
import org.webthreads.examples.pitch.NoteLog;
import org.webthreads.examples.pitch.NoteNames;
import org.webthreads.examples.pitch.PitchEstimate;
import org.webthreads.examples.pitch.PitchEstimator;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchCsv;
import org.webthreads.examples.pitch.PitchTrack;
import org.webthreads.examples.pitch.PitchTracker;
import org.webthreads.examples.pitch.RateAdapter;
import org.webthreads.examples.pitch.Spectrum;
import org.webthreads.examples.pitch.TestSignals;
import org.webthreads.examples.pitch.TunerSmoother;
import org.webthreads.examples.pitch.WavReader;
import org.webthreads.examples.pitch.WavWriter;
import org.webthreads.examples.pitch.YinPitch;

/**
 * Uses the whole pitch library on a small deterministic input and prints a summary: a three-note
 * melody (A3 C#4 E4, 0.25 s each, 22.05 kHz, then the sequence's second of silence) goes through a
 * 16-bit WAV file and back, then McLeod and YIN per frame (window 1024, hop 512), the candidates and
 * the tracker, and one spectrum frame. The build compiles this class with TeaVM to WebAssembly GC,
 * which proves the library uses nothing TeaVM lacks. The summary holds note names, frame counts and
 * frequencies rounded to 0.1 Hz, so the browser's run can be compared with the JVM's (CompileCheckTest)
 * despite last-bit differences of Math functions.
 */
public final class PitchCompileCheck {
  private PitchCompileCheck() {
  }

  public static String run() {
    int rate = 22050;
    int window = 1024;
    int hop = 512;
    float[] melody = TestSignals.noteSequence(rate, new int[] {57, 61, 64}, new double[] {0.25, 0.25, 0.25}, 0.5,
        440);
    MonoAudio audio = WavReader.read(WavWriter.pcm16(melody, rate));
    float[] x = audio.samples();
    PitchSettings settings = PitchSettings.of(audio.sampleRate(), window);
    int frames = settings.frameCount(x.length, hop);
    StringBuilder out = new StringBuilder();
    out.append("wav ").append(x.length).append(" samples; frames ").append(frames);
    out.append("; mcleod ").append(perFrame(new McLeodPitch(settings), x, frames, hop));
    out.append("; yin ").append(perFrame(new YinPitch(settings), x, frames, hop));
    float[] candidates = new float[frames * FrameCandidates.STRIDE];
    FrameCandidates analyser = new FrameCandidates(settings);
    for (int f = 0; f < frames; f++) {
      analyser.analyse(x, f * hop, candidates, f * FrameCandidates.STRIDE);
    }
    float[] track = new PitchTracker(settings).decode(candidates, frames);
    out.append("; tracker ").append(summary(track));
    Spectrum spectrum = new Spectrum(window);
    float[] db = new float[spectrum.bins()];
    spectrum.magnitudeDb(x, 0, db, 0);
    int peak = 0;
    for (int k = 1; k < db.length; k++) {
      if (db[k] > db[peak]) {
        peak = k;
      }
    }
    out.append("; spectrum peak bin ").append(peak).append(" (").append(tenths((double) peak * rate / window))
        .append(" Hz)");
    // The whole-file path (FrameAnalyser records, PitchTrack, CSV) and the live path (tuner, note log),
    // on the melody resampled from 6 kHz (RateAdapter).
    MonoAudio slow = new MonoAudio(TestSignals.noteSequence(6000, new int[] {57, 64}, new double[] {0.3, 0.3}, 0.5,
        440), 6000, "generated");
    MonoAudio adapted = RateAdapter.toSupportedRate(slow);
    PitchTrack whole = PitchTrack.analyse(adapted.samples(), PitchAlgorithm.parse("track"),
        PitchSettings.of(adapted.sampleRate(), window), hop);
    String csv = PitchCsv.write(whole);
    out.append("; adapted ").append(adapted.sampleRate()).append(" Hz, csv ").append(csv.split("\n").length - 1)
        .append(" rows");
    TunerSmoother tuner = new TunerSmoother(hop / (double) rate, new NoteNames());
    NoteLog log = new NoteLog(hop / (double) rate);
    FrameAnalyser live = new FrameAnalyser(PitchAlgorithm.MCLEOD, settings);
    float[] record = new float[live.recordFloats()];
    for (int f = 0; f < frames; f++) {
      live.analyse(x, f * hop, record, 0);
      tuner.update(record[0]);
      log.update(tuner);
    }
    out.append("; heard");
    for (int i = 0; i < log.size(); i++) {
      out.append(' ').append(NoteNames.nameOfMidi(log.midi(i))).append(log.cents(i) >= -0.5 && log.cents(i) < 0.5
          ? "+0c" : "?c");
    }
    return out.toString();
  }

  private static String perFrame(PitchEstimator estimator, float[] x, int frames, int hop) {
    float[] track = new float[frames];
    PitchEstimate estimate = new PitchEstimate();
    for (int f = 0; f < frames; f++) {
      estimator.analyse(x, f * hop, estimate);
      track[f] = (float) estimate.frequencyHz();
    }
    return summary(track);
  }

  /** Voiced frame count, then each run of frames on one note: name, length and median frequency. */
  private static String summary(float[] track) {
    NoteNames names = new NoteNames();
    StringBuilder out = new StringBuilder();
    int voiced = 0;
    for (float hz : track) {
      voiced += hz > 0 ? 1 : 0;
    }
    out.append(voiced).append(" voiced");
    int start = 0;
    while (start < track.length) {
      if (!(track[start] > 0)) {
        start++;
        continue;
      }
      int midi = names.nearestMidi(track[start]);
      int end = start + 1;
      while (end < track.length && track[end] > 0 && names.nearestMidi(track[end]) == midi) {
        end++;
      }
      out.append(' ').append(NoteNames.nameOfMidi(midi)).append('x').append(end - start).append('@')
          .append(tenths(middle(track, start, end)));
      start = end;
    }
    return out.toString();
  }

  /** The median of track[start .. end) (the upper middle for even counts), by selection. */
  private static double middle(float[] track, int start, int end) {
    int n = end - start;
    int rank = n / 2;
    for (int i = start; i < end; i++) {
      int below = 0;
      int equal = 0;
      for (int j = start; j < end; j++) {
        if (track[j] < track[i]) {
          below++;
        } else if (track[j] == track[i]) {
          equal++;
        }
      }
      if (below <= rank && rank < below + equal) {
        return track[i];
      }
    }
    return track[start];
  }

  /** A value rounded to 0.1, as text, without relying on floating-point formatting. */
  private static String tenths(double value) {
    long t = Math.round(value * 10);
    return (t / 10) + "." + Math.abs(t % 10);
  }

  public static void main(String[] args) {
    System.out.println(run());
  }
}
