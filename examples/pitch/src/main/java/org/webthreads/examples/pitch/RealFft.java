package org.webthreads.examples.pitch;

/**
 * A fast Fourier transform of real input, in place, for power-of-two sizes 64..65536.
 *
 * <p>Algorithm: the {@code n} real samples are read as {@code n/2} complex numbers
 * {@code z[k] = x[2k] + i x[2k+1]}, transformed by an iterative radix-2 decimation-in-time complex
 * FFT (Cooley and Tukey 1965) of size {@code n/2}, and the spectra of the even and odd samples are
 * separated and recombined with one more twiddle pass (the standard "two for one" real-FFT split, e.g.
 * Brigham, The Fast Fourier Transform, 1974, ch. 10). The inverse runs the same steps backwards.
 *
 * <p>Packed spectrum layout (the forward output, the inverse input), with
 * {@code X[k] = sum_j x[j] e^(-2 pi i j k / n)} unnormalised:
 * <ul>
 *   <li>{@code data[0] = X[0]} (real), {@code data[1] = X[n/2]} (real, the Nyquist bin);</li>
 *   <li>{@code data[2k] = Re X[k]}, {@code data[2k+1] = Im X[k]} for {@code 0 < k < n/2}.</li>
 * </ul>
 * {@link #inverse} includes the {@code 1/n} factor, so {@code inverse(forward(x))} returns {@code x}.
 *
 * <p>The plan (bit-reversal table and twiddle factors) is built once in the constructor; the
 * transforms allocate nothing and write only the caller's array. The plan is never written after
 * construction, but the library's convention is still one plan per thread (each analyser owns its
 * plan and its scratch arrays, and an analyser is confined to the thread, or worker, that uses it).
 */
public final class RealFft {
  /** The smallest supported size. */
  public static final int MIN_SIZE = 64;
  /** The largest supported size. */
  public static final int MAX_SIZE = 65536;

  private final int size;
  private final int half;
  /** Pairs (i, j), i &lt; j, of complex indices the bit-reversal permutation swaps. */
  private final int[] swaps;
  /** cos(2 pi k / half) and sin(2 pi k / half) for k &lt; half / 2: the complex FFT's twiddles. */
  private final double[] cos;
  private final double[] sin;
  /** cos(2 pi k / size) and sin(2 pi k / size) for k &lt;= size / 4: the real split's twiddles. */
  private final double[] splitCos;
  private final double[] splitSin;

  /**
   * Builds the plan for {@code size} real samples.
   *
   * @throws IllegalArgumentException if size is not a power of two in [64, 65536]
   */
  public RealFft(int size) {
    if (!isSupportedSize(size)) {
      throw new IllegalArgumentException("FFT size " + size + " is not a power of two in [" + MIN_SIZE
          + ", " + MAX_SIZE + "]");
    }
    this.size = size;
    this.half = size / 2;
    int bits = Integer.numberOfTrailingZeros(half);
    int pairs = 0;
    for (int i = 0; i < half; i++) {
      if (i < reverse(i, bits)) {
        pairs++;
      }
    }
    swaps = new int[2 * pairs];
    int p = 0;
    for (int i = 0; i < half; i++) {
      int j = reverse(i, bits);
      if (i < j) {
        swaps[p++] = i;
        swaps[p++] = j;
      }
    }
    cos = new double[half / 2];
    sin = new double[half / 2];
    for (int k = 0; k < half / 2; k++) {
      double angle = 2 * Math.PI * k / half;
      cos[k] = Math.cos(angle);
      sin[k] = Math.sin(angle);
    }
    splitCos = new double[size / 4 + 1];
    splitSin = new double[size / 4 + 1];
    for (int k = 0; k <= size / 4; k++) {
      double angle = 2 * Math.PI * k / size;
      splitCos[k] = Math.cos(angle);
      splitSin[k] = Math.sin(angle);
    }
  }

  /** Whether {@code size} is a power of two in [{@link #MIN_SIZE}, {@link #MAX_SIZE}]. */
  public static boolean isSupportedSize(int size) {
    return size >= MIN_SIZE && size <= MAX_SIZE && Integer.bitCount(size) == 1;
  }

  /** The number of real samples this plan transforms. */
  public int size() {
    return size;
  }

  /**
   * Replaces the first {@code size()} entries of {@code data} (real samples) by their packed spectrum.
   */
  public void forward(double[] data) {
    checkLength(data);
    complexTransform(data, -1);
    // Split: E[k] = (Z[k] + conj Z[h-k]) / 2, O[k] = (Z[k] - conj Z[h-k]) / 2i,
    // X[k] = E[k] + w^k O[k] and X[h-k] = conj(E[k] - w^k O[k]) with w = e^(-2 pi i / n).
    double re0 = data[0];
    double im0 = data[1];
    data[0] = re0 + im0;
    data[1] = re0 - im0;
    for (int k = 1, m = half - 1; k <= m; k++, m--) {
      double zr = data[2 * k];
      double zi = data[2 * k + 1];
      double yr = data[2 * m];
      double yi = data[2 * m + 1];
      double er = 0.5 * (zr + yr);
      double ei = 0.5 * (zi - yi);
      double or = 0.5 * (zi + yi);
      double oi = -0.5 * (zr - yr);
      double wr = twiddleCos(k);
      double wi = -twiddleSin(k);
      double tr = wr * or - wi * oi;
      double ti = wr * oi + wi * or;
      data[2 * k] = er + tr;
      data[2 * k + 1] = ei + ti;
      data[2 * m] = er - tr;
      data[2 * m + 1] = -(ei - ti);
    }
  }

  /**
   * Replaces the packed spectrum in the first {@code size()} entries of {@code data} by the real
   * samples it is the spectrum of (scaled by {@code 1/n}, the exact inverse of {@link #forward}).
   */
  public void inverse(double[] data) {
    checkLength(data);
    // Unsplit: E[k] = (X[k] + conj X[h-k]) / 2, O[k] = (X[k] - conj X[h-k]) / (2 w^k), Z[k] = E[k] + i O[k].
    double x0 = data[0];
    double xh = data[1];
    data[0] = 0.5 * (x0 + xh);
    data[1] = 0.5 * (x0 - xh);
    for (int k = 1, m = half - 1; k <= m; k++, m--) {
      double xr = data[2 * k];
      double xi = data[2 * k + 1];
      double yr = data[2 * m];
      double yi = data[2 * m + 1];
      double er = 0.5 * (xr + yr);
      double ei = 0.5 * (xi - yi);
      double dr = 0.5 * (xr - yr);
      double di = 0.5 * (xi + yi);
      double wr = twiddleCos(k);
      double wi = twiddleSin(k);
      double or = dr * wr - di * wi;
      double oi = dr * wi + di * wr;
      // Z[k] = E[k] + i O[k]; Z[h-k] = conj(E[k]) + i conj(O[k]).
      data[2 * k] = er - oi;
      data[2 * k + 1] = ei + or;
      data[2 * m] = er + oi;
      data[2 * m + 1] = -ei + or;
    }
    complexTransform(data, 1);
    double scale = 1.0 / half;
    for (int i = 0; i < size; i++) {
      data[i] *= scale;
    }
  }

  private double twiddleCos(int k) {
    return k <= size / 4 ? splitCos[k] : -splitCos[half - k];
  }

  private double twiddleSin(int k) {
    return k <= size / 4 ? splitSin[k] : splitSin[half - k];
  }

  /** In-place complex FFT of size {@code half} on interleaved data, exponent sign {@code sign}. */
  private void complexTransform(double[] data, int sign) {
    for (int p = 0; p < swaps.length; p += 2) {
      int i = 2 * swaps[p];
      int j = 2 * swaps[p + 1];
      double tr = data[i];
      double ti = data[i + 1];
      data[i] = data[j];
      data[i + 1] = data[j + 1];
      data[j] = tr;
      data[j + 1] = ti;
    }
    // Length-2 butterflies need no twiddle.
    for (int i = 0; i < 2 * half; i += 4) {
      double ar = data[i];
      double ai = data[i + 1];
      double br = data[i + 2];
      double bi = data[i + 3];
      data[i] = ar + br;
      data[i + 1] = ai + bi;
      data[i + 2] = ar - br;
      data[i + 3] = ai - bi;
    }
    // Then the stages two at a time (spans s and 2s over blocks of 4s: the same butterflies as two
    // radix-2 passes, but each value is loaded and stored once for both; loads, stores and their
    // bounds checks, not the arithmetic, bound this loop on the JVM and in WebAssembly). The second
    // stage's twiddle for the block's upper half is the first one's times sign * i.
    int span = 2;
    for (; 2 * span < half; span *= 4) {
      int stride1 = half / (2 * span);
      int stride2 = half / (4 * span);
      for (int start = 0; start < half; start += 4 * span) {
        for (int k = 0; k < span; k++) {
          double w1r = cos[k * stride1];
          double w1i = sign * sin[k * stride1];
          double w2r = cos[k * stride2];
          double w2i = sign * sin[k * stride2];
          int p0 = 2 * (start + k);
          int p1 = p0 + 2 * span;
          int p2 = p1 + 2 * span;
          int p3 = p2 + 2 * span;
          double x0r = data[p0];
          double x0i = data[p0 + 1];
          double x1r = data[p1];
          double x1i = data[p1 + 1];
          double x2r = data[p2];
          double x2i = data[p2 + 1];
          double x3r = data[p3];
          double x3i = data[p3 + 1];
          // first stage (span s): (p0, p1) and (p2, p3), twiddle w1
          double t1r = x1r * w1r - x1i * w1i;
          double t1i = x1r * w1i + x1i * w1r;
          double t3r = x3r * w1r - x3i * w1i;
          double t3i = x3r * w1i + x3i * w1r;
          double y0r = x0r + t1r;
          double y0i = x0i + t1i;
          double y1r = x0r - t1r;
          double y1i = x0i - t1i;
          double y2r = x2r + t3r;
          double y2i = x2i + t3i;
          double y3r = x2r - t3r;
          double y3i = x2i - t3i;
          // second stage (span 2s): (p0, p2) with w2, (p1, p3) with w2 * sign * i
          double u2r = y2r * w2r - y2i * w2i;
          double u2i = y2r * w2i + y2i * w2r;
          double v3r = y3r * w2r - y3i * w2i;
          double v3i = y3r * w2i + y3i * w2r;
          double u3r = -sign * v3i;
          double u3i = sign * v3r;
          data[p0] = y0r + u2r;
          data[p0 + 1] = y0i + u2i;
          data[p2] = y0r - u2r;
          data[p2 + 1] = y0i - u2i;
          data[p1] = y1r + u3r;
          data[p1 + 1] = y1i + u3i;
          data[p3] = y1r - u3r;
          data[p3 + 1] = y1i - u3i;
        }
      }
    }
    if (span < half) {
      int stride = half / (2 * span);
      for (int start = 0; start < half; start += 2 * span) {
        for (int k = 0; k < span; k++) {
          double wr = cos[k * stride];
          double wi = sign * sin[k * stride];
          int a = 2 * (start + k);
          int b = a + 2 * span;
          double br = data[b] * wr - data[b + 1] * wi;
          double bi = data[b] * wi + data[b + 1] * wr;
          double ar = data[a];
          double ai = data[a + 1];
          data[a] = ar + br;
          data[a + 1] = ai + bi;
          data[b] = ar - br;
          data[b + 1] = ai - bi;
        }
      }
    }
  }

  private void checkLength(double[] data) {
    if (data.length < size) {
      throw new IllegalArgumentException("array of " + data.length + " values for an FFT of size " + size);
    }
  }

  private static int reverse(int value, int bits) {
    return Integer.reverse(value) >>> (32 - bits);
  }
}
