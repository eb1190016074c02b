package org.webthreads.examples.pathtracer.web;

/** The page's {@code mode} option: how the frame's tiles are rendered and travel. */
enum RenderMode {
  /** Pure tile tasks through the scheduler, samples into shared memory (the default). */
  SHARED("shared"),
  /** Every tile a JS task that returns its samples by postMessage, for comparison. */
  POSTMESSAGE("postmessage"),
  /** Every worker renders every pass of the whole frame alone: the benchmark's no-coordination reference. */
  INDEPENDENT("independent");

  /** The option's value in the query string and in the published result. */
  final String queryValue;

  RenderMode(String queryValue) {
    this.queryValue = queryValue;
  }
}
