package org.webthreads.examples.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RealFftTest {
  /** The naive DFT of real input, bin k: sum_j x[j] e^(-2 pi i j k / n). */
  private static double[] naiveBin(double[] x, int k) {
    int n = x.length;
    double re = 0;
    double im = 0;
    for (int j = 0; j < n; j++) {
      double angle = 2 * Math.PI * (((long) j * k) % n) / n;
      re += x[j] * Math.cos(angle);
      im -= x[j] * Math.sin(angle);
    }
    return new double[] {re, im};
  }

  private static double[] random(int n, long seed) {
    Pcg32 random = new Pcg32(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 2 * random.nextDouble() - 1;
    }
    return x;
  }

  /** Max abs difference between the packed FFT and the naive DFT over the given bins. */
  private static double maxError(double[] x, double[] packed, int[] bins) {
    int n = x.length;
    double worst = 0;
    for (int k : bins) {
      double[] expected = naiveBin(x, k);
      double re;
      double im;
      if (k == 0) {
        re = packed[0];
        im = 0;
      } else if (k == n / 2) {
        re = packed[1];
        im = 0;
      } else {
        re = packed[2 * k];
        im = packed[2 * k + 1];
      }
      worst = Math.max(worst, Math.max(Math.abs(re - expected[0]), Math.abs(im - expected[1])));
    }
    return worst;
  }

  @Test
  void forwardMatchesTheNaiveDftOnRandomInput() {
    for (int n : new int[] {64, 128, 256, 1024, 2048, 4096}) {
      double[] x = random(n, n);
      double[] data = x.clone();
      new RealFft(n).forward(data);
      int[] bins = new int[n / 2 + 1];
      for (int k = 0; k <= n / 2; k++) {
        bins[k] = k;
      }
      double error = maxError(x, data, bins);
      // Random input in [-1, 1]: bins are up to about sqrt(n) in size; rounding grows like log n.
      assertTrue(error < 1e-12 * n, "n=" + n + " max abs error " + error);
    }
  }

  @Test
  void largestSizesMatchTheNaiveDftOnSampledBins() {
    for (int n : new int[] {16384, 65536}) {
      double[] x = random(n, 7 * n);
      double[] data = x.clone();
      new RealFft(n).forward(data);
      int[] bins = {0, 1, 2, 3, 17, n / 4 - 1, n / 4, n / 4 + 1, n / 3, n / 2 - 1, n / 2};
      double error = maxError(x, data, bins);
      assertTrue(error < 1e-12 * n, "n=" + n + " max abs error " + error);
    }
  }

  @Test
  void inverseUndoesForward() {
    for (int n = RealFft.MIN_SIZE; n <= RealFft.MAX_SIZE; n *= 2) {
      double[] x = random(n, 3 * n);
      double[] data = x.clone();
      RealFft fft = new RealFft(n);
      fft.forward(data);
      fft.inverse(data);
      double worst = 0;
      for (int i = 0; i < n; i++) {
        worst = Math.max(worst, Math.abs(data[i] - x[i]));
      }
      assertTrue(worst < 1e-13 * Math.log(n), "n=" + n + " round trip error " + worst);
    }
  }

  @Test
  void inverseOfAPowerSpectrumIsTheCircularAutocorrelation() {
    int n = 256;
    double[] x = random(n, 99);
    double[] data = x.clone();
    RealFft fft = new RealFft(n);
    fft.forward(data);
    data[0] *= data[0];
    data[1] *= data[1];
    for (int k = 2; k < n; k += 2) {
      data[k] = data[k] * data[k] + data[k + 1] * data[k + 1];
      data[k + 1] = 0;
    }
    fft.inverse(data);
    for (int lag : new int[] {0, 1, 5, 100, 255}) {
      double expected = 0;
      for (int j = 0; j < n; j++) {
        expected += x[j] * x[(j + lag) % n];
      }
      assertEquals(expected, data[lag], 1e-10, "lag " + lag);
    }
  }

  @Test
  void rejectsUnsupportedSizes() {
    for (int n : new int[] {0, 32, 100, 1000, 131072}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RealFft(n));
      assertTrue(e.getMessage().contains("FFT size " + n), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new RealFft(64).forward(new double[63]));
  }
}
