package org.webthreads.examples.pitch;

import java.util.Arrays;

/** Collects per-frame errors in cents (unvoiced frames count as misses) and summarises them. */
final class AccuracyStats {
  private double[] errors = new double[256];
  private int count;
  private int unvoiced;
  private int outside50;

  static double cents(double estimateHz, double trueHz) {
    return 1200 * Math.log(estimateHz / trueHz) / Math.log(2);
  }

  void add(PitchEstimate estimate, double trueHz) {
    if (count == errors.length) {
      errors = Arrays.copyOf(errors, 2 * count);
    }
    double error;
    if (estimate.voiced()) {
      error = Math.abs(cents(estimate.frequencyHz(), trueHz));
    } else {
      error = Double.POSITIVE_INFINITY;
      unvoiced++;
    }
    if (!(error <= 50)) {
      outside50++;
    }
    errors[count++] = error;
  }

  int frames() {
    return count;
  }

  int unvoiced() {
    return unvoiced;
  }

  int outside50() {
    return outside50;
  }

  double within50Fraction() {
    return 1 - (double) outside50 / count;
  }

  double percentile(double p) {
    double[] sorted = Arrays.copyOf(errors, count);
    Arrays.sort(sorted);
    return sorted[Math.min(count - 1, (int) Math.floor(p * count))];
  }

  double median() {
    return percentile(0.5);
  }

  @Override
  public String toString() {
    return String.format("frames %5d  unvoiced %3d  >50c %3d  median %.4f c  p95 %.4f c  max %.3f c", count,
        unvoiced, outside50, median(), percentile(0.95), percentile(1.0));
  }
}
