package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Per-frame work allocates nothing: plans and scratch are allocated in constructors. Measured with the
 * JVM's per-thread allocation counter over many frames (mostly interpreted at this point, so escape
 * analysis does not hide anything); the tracker allocates its trellis once per decode.
 */
class AllocationTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static long allocated() {
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static long allocatedBy(Runnable work) {
    work.run(); // first call: class loading, lambda linkage
    long overhead = -allocated() + allocated();
    long before = allocated();
    work.run();
    return allocated() - before - overhead;
  }

  private static void assertAllocatesNothing(String what, Runnable frames) {
    long bytes = allocatedBy(frames);
    assertTrue(bytes < 512, what + " allocated " + bytes + " bytes over 50 frames");
  }

  static Object sink;

  @Test
  void theCounterSeesAllocations() {
    long bytes = allocatedBy(() -> sink = new float[1000]);
    assertTrue(bytes >= 4000, "counted " + bytes + " bytes for a float[1000]");
  }

  @Test
  void analysersAllocateNothingPerFrame() {
    int rate = 44100;
    float[] x = TestSignals.harmonicsWithNoise(rate, 196, 0.5, 0.5, 20, 3);
    for (int window : new int[] {1024, 2048, 4096}) {
      PitchSettings settings = PitchSettings.of(rate, window);
      PitchEstimate estimate = new PitchEstimate();
      PitchEstimator[] estimators = {new McLeodPitch(settings), new YinPitch(settings),
          new McLeodPitch(settings, 0.9, false), new YinPitch(settings, 0.15, false)};
      for (PitchEstimator estimator : estimators) {
        assertAllocatesNothing(estimator.getClass().getSimpleName() + " " + window, () -> {
          for (int f = 0; f < 50; f++) {
            estimator.analyse(x, f * 256, estimate);
          }
        });
      }
      FrameCandidates candidates = new FrameCandidates(settings);
      float[] out = new float[FrameCandidates.STRIDE];
      assertAllocatesNothing("FrameCandidates " + window, () -> {
        for (int f = 0; f < 50; f++) {
          candidates.analyse(x, f * 256, out, 0);
        }
      });
      Spectrum spectrum = new Spectrum(window);
      float[] db = new float[spectrum.bins()];
      assertAllocatesNothing("Spectrum " + window, () -> {
        for (int f = 0; f < 50; f++) {
          spectrum.magnitudeDb(x, f * 256, db, 0);
        }
      });
    }
  }

  @Test
  void trackerAllocatesOnlyItsTrellis() {
    PitchSettings settings = PitchSettings.of(44100, 2048);
    float[] x = TestSignals.harmonicTone(44100, 330, 1, 0.5);
    int frames = settings.frameCount(x.length, 256);
    float[] candidates = new float[frames * FrameCandidates.STRIDE];
    FrameCandidates analyser = new FrameCandidates(settings);
    for (int f = 0; f < frames; f++) {
      analyser.analyse(x, f * 256, candidates, f * FrameCandidates.STRIDE);
    }
    PitchTracker tracker = new PitchTracker(settings);
    float[] track = new float[frames];
    long bytes = allocatedBy(() -> tracker.decode(candidates, frames, track));
    long trellis = (long) frames * 2 * tracker.bins();
    assertTrue(bytes >= trellis && bytes < trellis + 512, "decode allocated " + bytes + " bytes, trellis "
        + trellis);
  }
}
