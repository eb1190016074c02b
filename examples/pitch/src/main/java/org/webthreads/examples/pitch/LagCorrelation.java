package org.webthreads.examples.pitch;

/**
 * Lagged products of one frame, {@code c(tau) = sum_{j < head} x[j] x[j + tau]}, for all lags at once
 * through the FFT (Wiener-Khinchin: the correlation is the inverse transform of
 * {@code conj(A) * B}, where A is the spectrum of the frame's first {@code head} samples and B that
 * of the whole frame, both zero-padded to the FFT size).
 *
 * <p>With {@code head == frame} this is the autocorrelation {@code r(tau) = sum_{j < N - tau} x[j]
 * x[j + tau]} (one forward transform suffices: {@code |X|^2}), as McLeod's NSDF needs; with a shorter
 * head it is YIN's fixed-integration-window product. No circular wrap-around reaches the requested
 * lags as long as {@code head + lags - 1 <= fftSize}.
 *
 * <p>Owns its FFT plan and two scratch arrays; allocates nothing per call. One instance per thread.
 */
final class LagCorrelation {
  private final RealFft fft;
  private final double[] headSpectrum;
  private final double[] frameSpectrum;

  LagCorrelation(int fftSize) {
    fft = new RealFft(fftSize);
    headSpectrum = new double[fftSize];
    frameSpectrum = new double[fftSize];
  }

  int fftSize() {
    return fft.size();
  }

  /**
   * Writes {@code out[tau] = sum_{j < head} y[j] * y[j + tau]} for {@code tau < lags}, where
   * {@code y[j] = x[offset + j] - bias} inside the frame and 0 at or past {@code offset + frame}.
   */
  void correlate(float[] x, int offset, int head, int frame, int lags, double bias, double[] out) {
    int n = fft.size();
    if (head > frame || frame > n || head + lags - 1 > n) {
      throw new IllegalArgumentException("head " + head + ", frame " + frame + ", lags " + lags
          + " do not fit an FFT of size " + n);
    }
    double[] a = headSpectrum;
    for (int j = 0; j < head; j++) {
      a[j] = x[offset + j] - bias;
    }
    for (int j = head; j < n; j++) {
      a[j] = 0;
    }
    fft.forward(a);
    if (head == frame) {
      a[0] = a[0] * a[0];
      a[1] = a[1] * a[1];
      for (int k = 2; k < n; k += 2) {
        a[k] = a[k] * a[k] + a[k + 1] * a[k + 1];
        a[k + 1] = 0;
      }
    } else {
      double[] b = frameSpectrum;
      for (int j = 0; j < frame; j++) {
        b[j] = x[offset + j] - bias;
      }
      for (int j = frame; j < n; j++) {
        b[j] = 0;
      }
      fft.forward(b);
      a[0] = a[0] * b[0];
      a[1] = a[1] * b[1];
      for (int k = 2; k < n; k += 2) {
        double ar = a[k];
        double ai = a[k + 1];
        double br = b[k];
        double bi = b[k + 1];
        a[k] = ar * br + ai * bi;
        a[k + 1] = ar * bi - ai * br;
      }
    }
    fft.inverse(a);
    System.arraycopy(a, 0, out, 0, lags);
  }
}
