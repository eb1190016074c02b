package org.webthreads.examples.pathtracer.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.webthreads.PoolConfig;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.Scene;
import org.webthreads.examples.pathtracer.TileGrid;
import org.webthreads.examples.pathtracer.tiles.SceneCache;
import org.webthreads.examples.pathtracer.tiles.TileJob;
import org.webthreads.examples.pathtracer.tiles.TileTask;
import org.webthreads.jvm.JvmThreads;

/**
 * Progressive rendering on a webthreads pool of JVM threads: every pass submits one {@link TileTask}
 * per tile from outside the pool and joins them all; the sums live in a {@link SharedIntArray}, and the
 * scene travels encoded in another, which each thread decodes once ({@link SceneCache}).
 */
public final class JvmRender {
  private static final AtomicInteger SCENE_IDS = new AtomicInteger();

  /** The sums after all passes and the wall time of each pass. */
  public static final class Result {
    public final int width;
    public final int height;
    public final int passes;
    public final int[] sums;
    public final long[] passNanos;

    Result(int width, int height, int passes, int[] sums, long[] passNanos) {
      this.width = width;
      this.height = height;
      this.passes = passes;
      this.sums = sums;
      this.passNanos = passNanos;
    }

    public byte[] rgba() {
      byte[] rgba = new byte[width * height * 4];
      Accumulation.toRgba(sums, width * height, passes, rgba);
      return rgba;
    }
  }

  private JvmRender() {
  }

  public static Result render(Scene scene, int width, int height, int passes, int tile, int workers) {
    if (width <= 0 || height <= 0 || tile <= 0 || workers <= 0 || passes < 0
        || passes > Accumulation.MAX_PASSES || (long) width * height * 3 > (1 << 28)) {
      throw new IllegalArgumentException("bad render settings: " + width + " x " + height + ", " + passes
          + " passes (at most " + Accumulation.MAX_PASSES + "), tile " + tile + ", workers " + workers);
    }
    int sumWords = width * height * 3;
    int arenaWords = Math.max(1 << 20, sumWords + (1 << 19));
    try (JvmThreads threads = JvmThreads.start(workers)) {
      ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withArenaWords(arenaWords),
          threads.workerIds());
      try {
        SharedIntArray sceneWords = SceneCache.share(pool, scene);
        SharedIntArray sums = pool.newSharedIntArray(sumWords);
        TileJob render = TileJob.of(SCENE_IDS.incrementAndGet(), sceneWords, new TileGrid(width, height, tile),
            sums);
        int tiles = render.grid().count();
        long[] passNanos = new long[passes];
        List<TaskFuture<Integer>> futures = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
          long start = System.nanoTime();
          futures.clear();
          for (int k = 0; k < tiles; k++) {
            futures.add(pool.submit(TileTask.KIND, render.forTile(k, pass)));
          }
          long pixels = 0;
          for (TaskFuture<Integer> future : futures) {
            pixels += future.join();
          }
          if (pixels != (long) width * height) {
            throw new IllegalStateException("pass " + pass + " rendered " + pixels + " pixels");
          }
          passNanos[pass] = System.nanoTime() - start;
        }
        int[] result = sums.toArray();
        sums.free();
        sceneWords.free();
        return new Result(width, height, passes, result, passNanos);
      } finally {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }
}
