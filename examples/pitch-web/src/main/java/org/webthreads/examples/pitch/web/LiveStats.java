package org.webthreads.examples.pitch.web;

import java.util.Arrays;

/** A growing list of measurements with the summaries the figures show (count, mean, percentiles). */
final class LiveStats {
  private double[] values = new double[1024];
  private int count;
  private int mark;

  void add(double value) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = value;
  }

  int count() {
    return count;
  }

  double mean() {
    return mean(0);
  }

  /** The mean of the values added since {@link #markNow()} (NaN if none). */
  double meanSinceMark() {
    return mean(mark);
  }

  /** The p-th percentile (0..100, nearest rank) of all values, NaN if none. */
  double percentile(double p) {
    return percentile(0, p);
  }

  /** The p-th percentile of the last {@code last} values. */
  double recentPercentile(int last, double p) {
    return percentile(Math.max(0, count - last), p);
  }

  int countSinceMark() {
    return count - mark;
  }

  void markNow() {
    mark = count;
  }

  double max() {
    double max = Double.NaN;
    for (int i = 0; i < count; i++) {
      max = i == 0 ? values[i] : Math.max(max, values[i]);
    }
    return max;
  }

  private double mean(int from) {
    if (count <= from) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = from; i < count; i++) {
      sum += values[i];
    }
    return sum / (count - from);
  }

  private double percentile(int from, double p) {
    int n = count - from;
    if (n <= 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOfRange(values, from, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
  }
}
