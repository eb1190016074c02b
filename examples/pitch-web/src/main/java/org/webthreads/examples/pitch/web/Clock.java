package org.webthreads.examples.pitch.web;

import org.teavm.jso.JSBody;

/**
 * One clock for every thread of the page: milliseconds since the Unix epoch as
 * {@code performance.timeOrigin + performance.now()}. Each thread's {@code performance.now()} counts from
 * that thread's own origin (a worker's is when it started), so only the sum compares across the page,
 * the workers and the clock worker (pitch-clock.js uses the same sum). Cross-origin isolated pages get
 * it at 5 microsecond steps.
 */
final class Clock {
  private Clock() {
  }

  @JSBody(script = "return performance.timeOrigin + performance.now();")
  static native double nowMs();
}
