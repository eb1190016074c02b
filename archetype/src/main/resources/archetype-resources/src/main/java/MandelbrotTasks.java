package ${package};

import org.webthreads.Codecs;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskGroup;
import org.webthreads.TaskKind4;

/**
 * The pure tasks: {@link #BAND} draws a band of rows into the shared image; {@link #drawInBands} submits
 * one band per {@code rowsPerBand} rows into a task group, which the pool's threads share out. The page
 * (on Web Workers) and the JVM test (on {@code JvmThreads}) run exactly this code.
 *
 * <p>A task kind is registered once, in a static field of a class that every thread loads before the
 * pool starts: in the browser {@code main} runs on the page and in every worker, and calls
 * {@link #register()}.
 */
public final class MandelbrotTasks {
  /**
   * Draws rows {@code from} to {@code to} of the view into the image. Typed: the compiler checks
   * {@code group.submit(BAND, view, image, from, to)}, and the view travels through its codec.
   */
  public static final TaskKind4<MandelbrotView, SharedIntArray, Integer, Integer, Void> BAND =
      TaskKind4.register("mandelbrot.band", MandelbrotView.CODEC, Codecs.SHARED_INT_ARRAY, Codecs.INT, Codecs.INT,
          (view, image, from, to, context) -> {
            Mandelbrot.drawRows(view, image, from, to);
            return null;
          });

  private MandelbrotTasks() {
  }

  /** Loads this class, which registers its task kinds (call it first thing in main, on every thread). */
  public static void register() {
    // the static initialiser above did the work
  }

  /**
   * Submits the whole picture into {@code group}, {@code rowsPerBand} rows per task; the group is done
   * when every band is drawn. Returns the number of tasks submitted.
   */
  public static int drawInBands(TaskGroup group, MandelbrotView view, SharedIntArray image, int rowsPerBand) {
    if (rowsPerBand < 1) {
      throw new IllegalArgumentException("rowsPerBand must be at least 1, was " + rowsPerBand);
    }
    int tasks = 0;
    for (int from = 0; from < view.height(); from += rowsPerBand) {
      group.submit(BAND, view, image, from, Math.min(view.height(), from + rowsPerBand));
      tasks++;
    }
    return tasks;
  }
}
