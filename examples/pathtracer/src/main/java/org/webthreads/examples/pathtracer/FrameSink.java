package org.webthreads.examples.pathtracer;

/** Receives the radiance of one sample of pixel (x, y); frame coordinates, y growing downwards. */
public interface FrameSink {
  void add(int x, int y, double r, double g, double b);
}
