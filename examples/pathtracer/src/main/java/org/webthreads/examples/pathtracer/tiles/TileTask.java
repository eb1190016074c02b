package org.webthreads.examples.pathtracer.tiles;

import org.webthreads.TaskKind1;
import org.webthreads.examples.pathtracer.FrameSink;
import org.webthreads.examples.pathtracer.Tile;
import org.webthreads.examples.pathtracer.TileGrid;
import org.webthreads.examples.pathtracer.Tracer;

/**
 * The path tracer's pure task, the same on the JVM and in the browser: render one sample per pixel of
 * one tile in one pass, adding the samples into the frame's sums in shared memory (and, if the job
 * says so, storing display colours, counting the thread's activity and reporting to the pass's
 * progress). Its argument is a {@link TileJob} (written by {@link TileJob#CODEC}); its result is the
 * number of pixels rendered.
 *
 * <p>Register it on every thread by touching {@link #KIND} before tiles arrive (the JVM runner and the
 * browser page do).
 */
public final class TileTask {
  /** The task kind's name. */
  public static final String NAME = "pathtracer.tile";

  public static final TaskKind1<TileJob, Integer> KIND = TaskKind1.register(NAME, TileJob.CODEC,
      (job, context) -> run(job));

  private TileTask() {
  }

  /** Renders {@code job}'s tile; reports its end to the pass's progress whether it rendered or failed. */
  static int run(TileJob job) {
    PassProgress progress = job.progress();
    boolean rendered = false;
    try {
      int pixels = render(job);
      rendered = true;
      return pixels;
    } finally {
      if (job.tilesDone() != null) {
        job.tilesDone().add(1);
      }
      if (progress != null) {
        progress.tileFinished(job.tileIndex(), !rendered);
      }
    }
  }

  private static int render(TileJob job) {
    Tracer tracer = SceneCache.tracerFor(job.sceneId(), job.sceneWords());
    TileGrid grid = job.grid();
    Tile tile = job.tile();
    FrameSink sink = job.display() == null
        ? new SharedSumsSink(job.sums(), grid.frameWidth())
        : new SharedDisplaySink(job.sums(), job.display(), grid.frameWidth(), job.pass() + 1);
    TileActivity activity = job.activity();
    int thread = activity == null ? -1 : TileActivity.currentThreadId();
    long start = activity == null ? 0 : System.nanoTime();
    tracer.renderTile(grid.frameWidth(), grid.frameHeight(), tile.x0(), tile.y0(), tile.width(),
        tile.height(), job.pass(), sink);
    if (activity != null) {
      activity.record(thread, (int) ((System.nanoTime() - start) / 1000));
    }
    return tile.pixels();
  }
}
