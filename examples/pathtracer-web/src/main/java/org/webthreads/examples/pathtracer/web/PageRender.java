package org.webthreads.examples.pathtracer.web;

/** One of the page's render modes ({@link RenderMode}), started once every worker holds the scene. */
interface PageRender {
  /** Starts rendering; {@code startMillis} (performance.now()) is when the workers were ready. */
  void start(double startMillis);
}
