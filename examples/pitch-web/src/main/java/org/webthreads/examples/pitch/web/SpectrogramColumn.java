package org.webthreads.examples.pitch.web;

/**
 * A magnitude spectrum (dB per FFT bin, {@link org.webthreads.examples.pitch.Spectrum}) as one column of
 * the live spectrogram: {@link LiveLayout#ROWS} rows on the same log-frequency axis as the pitch history.
 * A row covering several bins takes their loudest; a row narrower than a bin (low frequencies) reads the
 * spectrum linearly interpolated at its centre.
 */
final class SpectrogramColumn {
  private SpectrogramColumn() {
  }

  static void toRows(float[] db, int rate, int fftSize, float[] rows) {
    double binHz = (double) rate / fftSize;
    int lastBin = fftSize / 2;
    for (int r = 0; r < LiveLayout.ROWS; r++) {
      double lowHz = LiveLayout.rowHz(r - 0.5);
      double highHz = LiveLayout.rowHz(r + 0.5);
      int from = (int) Math.ceil(lowHz / binHz);
      int to = Math.min(lastBin, (int) Math.floor(highHz / binHz));
      if (from > lastBin) {
        rows[r] = (float) org.webthreads.examples.pitch.Spectrum.FLOOR_DB;
      } else if (to >= from) {
        float loudest = db[from];
        for (int b = from + 1; b <= to; b++) {
          loudest = Math.max(loudest, db[b]);
        }
        rows[r] = loudest;
      } else {
        double at = LiveLayout.rowHz(r) / binHz;
        int below = Math.min(lastBin - 1, (int) Math.floor(at));
        double t = at - below;
        rows[r] = (float) (db[below] * (1 - t) + db[below + 1] * t);
      }
    }
  }
}
