package org.webthreads.examples.pathtracer.web;

/**
 * The page's {@code draw} option: when finished tiles reach the canvas while a pass renders. Every
 * mode also draws the whole frame at the end of every pass. See {@link DrawSchedule}.
 */
enum DrawMode {
  /** At every animation frame in the first pass, then every {@link DrawSchedule#REFINE_DRAW_MILLIS} ms. */
  AUTO("auto"),
  /** At every animation frame. */
  FRAMES("frames"),
  /** Only at the end of each pass. */
  PASS("pass");

  /** The option's value in the query string and in the published result. */
  final String queryValue;

  DrawMode(String queryValue) {
    this.queryValue = queryValue;
  }
}
