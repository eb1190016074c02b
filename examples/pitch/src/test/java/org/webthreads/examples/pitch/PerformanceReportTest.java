package org.webthreads.examples.pitch;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Prints microseconds per frame for each analyser at windows 1024, 2048 and 4096 (44.1 kHz, a noisy
 * harmonic tone at 196 Hz). Not a timed assertion: a report. The test runs it briefly; for steadier
 * figures run {@code main} (or set -Dpitch.benchmark.seconds=1).
 */
class PerformanceReportTest {
  static final int RATE = 44100;
  static final float[] SIGNAL = TestSignals.harmonicsWithNoise(RATE, 196, 1, 0.5, 20, 1);

  interface Frame {
    void analyse(int offset);
  }

  static double microsecondsPerFrame(Frame frame, int span, double seconds) {
    int hop = 97;
    int offset = 0;
    long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
    while (System.nanoTime() < warmEnd) {
      frame.analyse(offset);
      offset = (offset + hop) % span;
    }
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    int frames = 0;
    long now;
    do {
      for (int i = 0; i < 16; i++) {
        frame.analyse(offset);
        offset = (offset + hop) % span;
      }
      frames += 16;
      now = System.nanoTime();
    } while (now < end);
    return (now - start) / 1e3 / frames;
  }

  static String report(double seconds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-22s %10s %10s %10s%n", "us/frame (JVM)", "1024", "2048", "4096"));
    String[] names = {"McLeod (refined)", "McLeod (parabola)", "YIN (refined)", "YIN (parabola)",
        "FrameCandidates", "Spectrum"};
    for (String name : names) {
      out.append(String.format("%-22s", name));
      for (int window : new int[] {1024, 2048, 4096}) {
        PitchSettings settings = PitchSettings.of(RATE, window);
        Frame frame = frame(name, settings);
        out.append(String.format(" %10.1f", microsecondsPerFrame(frame, SIGNAL.length - window, seconds)));
      }
      out.append('\n');
    }
    // The tracker: decode time per frame of a 10-second file (hop 256).
    PitchSettings settings = PitchSettings.of(RATE, 2048);
    float[] melody = TestSignals.noteSequence(RATE, new int[] {60, 64, 67, 72, 67, 64, 60, 55, 48, 60},
        new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.5, 440);
    int frames = settings.frameCount(melody.length, 256);
    float[] candidates = new float[frames * FrameCandidates.STRIDE];
    FrameCandidates analyser = new FrameCandidates(settings);
    for (int f = 0; f < frames; f++) {
      analyser.analyse(melody, f * 256, candidates, f * FrameCandidates.STRIDE);
    }
    PitchTracker tracker = new PitchTracker(settings);
    float[] track = new float[frames];
    double perDecode = microsecondsPerFrame(offset -> tracker.decode(candidates, frames, track), 1, seconds * 2);
    out.append(String.format("PitchTracker.decode: %.2f us/frame (%d frames, %d bins, jump %d bins)%n",
        perDecode / frames, frames, tracker.bins(), tracker.jumpBins()));
    return out.toString();
  }

  private static Frame frame(String name, PitchSettings settings) {
    PitchEstimate estimate = new PitchEstimate();
    Function<PitchEstimator, Frame> of = e -> offset -> e.analyse(SIGNAL, offset, estimate);
    switch (name) {
      case "McLeod (refined)":
        return of.apply(new McLeodPitch(settings));
      case "McLeod (parabola)":
        return of.apply(new McLeodPitch(settings, McLeodPitch.DEFAULT_CUTOFF, false));
      case "YIN (refined)":
        return of.apply(new YinPitch(settings));
      case "YIN (parabola)":
        return of.apply(new YinPitch(settings, YinPitch.DEFAULT_THRESHOLD, false));
      case "FrameCandidates": {
        FrameCandidates candidates = new FrameCandidates(settings);
        float[] out = new float[FrameCandidates.STRIDE];
        return offset -> candidates.analyse(SIGNAL, offset, out, 0);
      }
      default: {
        Spectrum spectrum = new Spectrum(settings.windowSize());
        float[] db = new float[spectrum.bins()];
        return offset -> spectrum.magnitudeDb(SIGNAL, offset, db, 0);
      }
    }
  }

  @Test
  void printsMicrosecondsPerFrame() {
    for (String line : report(Double.parseDouble(System.getProperty("pitch.benchmark.seconds", "0.05"))).split("\n")) {
      System.out.println(line);
    }
  }

  public static void main(String[] args) {
    System.out.print(report(args.length > 0 ? Double.parseDouble(args[0]) : 1));
  }
}
