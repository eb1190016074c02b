package org.webthreads.examples.pathtracer.web;

/**
 * When the page draws while a pass renders ({@link DrawMode}): it calls a render mode's drawing step at
 * those times, from the start of a pass until {@link #stop} (at the pass's end, which draws the whole
 * frame) or a page failure.
 */
final class DrawSchedule {
  /**
   * After the first pass (draw=auto), how often the page draws the tiles finished so far, besides the
   * end of every pass. Drawing at every animation frame cost about 11% of a core (the page's thread,
   * the compositor and the display compositor, measured at 512 x 512 with tiles of 32), which on a
   * machine with as many cores as workers is taken from the workers; once the frame is filled in, a
   * refinement pass changes every pixel a little and drawing whole passes shows it as well.
   */
  static final int REFINE_DRAW_MILLIS = 250;

  private final DrawMode mode;
  /** The pass being drawn, -1 when none: a step scheduled for another pass does nothing. */
  private int drawingPass = -1;

  DrawSchedule(DrawMode mode) {
    this.mode = mode;
  }

  /** Calls {@code step} at each drawing time of pass {@code pass} until {@link #stop}. */
  void whilePassRenders(int pass, Runnable step) {
    drawingPass = pass;
    scheduleNext(pass, step);
  }

  /** The pass ended: no more steps for it. */
  void stop() {
    drawingPass = -1;
  }

  private void scheduleNext(int pass, Runnable step) {
    TracerUi.Callback next = () -> {
      if (!PageFailure.happened() && pass == drawingPass) {
        step.run();
        scheduleNext(pass, step);
      }
    };
    if (mode == DrawMode.FRAMES || (mode == DrawMode.AUTO && pass == 0)) {
      TracerUi.onAnimationFrame(next);
    } else if (mode == DrawMode.AUTO) {
      TracerUi.after(REFINE_DRAW_MILLIS, next);
    }
  }
}
