package org.webthreads.examples.pathtracer.web;

/**
 * The page's failure: the first error (bad options, a worker that failed, a tile that threw) is shown on
 * the page and published as {@code self.tracerResult.error}; after it, the render modes stop at their
 * next step and later errors are dropped.
 */
final class PageFailure {
  private static boolean happened;

  private PageFailure() {
  }

  /** Reports {@code message} on the page unless an earlier failure was reported. */
  static void report(String message) {
    if (happened) {
      return;
    }
    happened = true;
    TracerUi.error(message);
  }

  static boolean happened() {
    return happened;
  }
}
