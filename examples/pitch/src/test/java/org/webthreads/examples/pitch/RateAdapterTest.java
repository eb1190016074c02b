package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Audio at rates outside 8..96 kHz is brought into range by an integer factor without moving its pitch. */
class RateAdapterTest {
  @ParameterizedTest
  @ValueSource(ints = {4000, 6000, 7999, 96001, 176400, 192000, 384000})
  void aToneKeepsItsPitch(int rate) {
    double hz = 440;
    float[] x = TestSignals.harmonics(rate, hz, 0.5, rate < 8000 ? new double[] {0.5, 0.25} : new double[] {0.5,
        0.25, 0.12, 0.06});
    MonoAudio adapted = RateAdapter.toSupportedRate(new MonoAudio(x, rate, "test"));
    int k = rate < 8000 ? (8000 + rate - 1) / rate : (rate + 95999) / 96000;
    assertTrue(adapted.sampleRate() >= PitchSettings.MIN_SAMPLE_RATE
        && adapted.sampleRate() <= PitchSettings.MAX_SAMPLE_RATE, adapted.toString());
    assertEquals(rate < 8000 ? x.length * k : (x.length + k - 1) / k, adapted.samples().length);
    assertTrue(adapted.source().contains(rate < 8000 ? "interpolated by " + k : "decimated by " + k),
        adapted.source());
    McLeodPitch mcleod = new McLeodPitch(PitchSettings.of(adapted.sampleRate(), 2048));
    PitchEstimate estimate = new PitchEstimate();
    mcleod.analyse(adapted.samples(), adapted.samples().length / 2 - 1024, estimate);
    // The new rate is rate / k rounded to whole Hz: the pitch is exact against the true rate.
    double trueRate = rate < 8000 ? rate * (double) k : rate / (double) k;
    double measured = estimate.frequencyHz() * trueRate / adapted.sampleRate();
    double cents = AccuracyStats.cents(measured, hz);
    System.out.printf("%d Hz -> %d Hz: %.4f cents%n", rate, adapted.sampleRate(), cents);
    assertTrue(Math.abs(cents) < 0.05, cents + " cents");
  }

  @Test
  void audioInRangeIsReturnedAsItIs() {
    MonoAudio audio = new MonoAudio(new float[10], 44100, "test");
    assertSame(audio, RateAdapter.toSupportedRate(audio));
  }

  @Test
  void ratesOutsideWhatCanBeAdaptedAreRefused() {
    IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
        () -> RateAdapter.toSupportedRate(new MonoAudio(new float[10], 999, "test")));
    assertEquals("sample rate 999 Hz is outside what pitch analysis can use (1000 .. 768000 Hz)", low.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RateAdapter.toSupportedRate(new MonoAudio(new float[10], 768001, "test")));
  }

  @Test
  void decimationRemovesWhatWouldAlias() {
    // 70 kHz at 192 kHz would fold to 26 kHz at 96 kHz: it must be filtered out.
    float[] x = TestSignals.sine(192000, 70000, 0.1, 0.5);
    MonoAudio adapted = RateAdapter.toSupportedRate(new MonoAudio(x, 192000, "test"));
    double level = RmsLevel.dbfs(adapted.samples(), 200, adapted.samples().length - 400);
    assertTrue(level < -60, "aliased level " + level + " dBFS");
  }
}
