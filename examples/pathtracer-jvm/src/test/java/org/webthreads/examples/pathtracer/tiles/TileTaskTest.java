package org.webthreads.examples.pathtracer.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.DefaultScene;
import org.webthreads.examples.pathtracer.Scene;
import org.webthreads.examples.pathtracer.TileGrid;
import org.webthreads.examples.pathtracer.TileRenderer;

/** The tile task as the browser page uses it (display, progress, activity), on JVM threads. */
class TileTaskTest {
  @Test
  void passesReportEveryTileWithItsColoursAndTheWorkDone() {
    Scene scene = DefaultScene.build(11, 21, 17);
    TileGrid grid = new TileGrid(21, 17, 7);
    int passes = 2;
    TileActivity.identifyThreadsWith(() -> 1);
    try (TestPool p = TestPool.start(2)) {
      SharedIntArray sums = p.pool.newSharedIntArray(21 * 17 * 3);
      SharedIntArray display = p.pool.newSharedIntArray(21 * 17);
      TileActivity activity = new TileActivity(p.pool.newSharedIntArray(TileActivity.wordsFor(2)));
      PassProgress progress = new PassProgress(p.pool.newSharedIntArray(PassProgress.wordsFor(grid.count())));
      TileJob render = TileJob.of(1001, SceneCache.share(p.pool, scene), grid, sums).withDisplay(display)
          .withActivity(activity).withProgress(progress);
      for (int pass = 0; pass < passes; pass++) {
        progress.startPass(grid.count());
        org.webthreads.TaskProgress tilesDone = p.pool.newTaskProgress(grid.count());
        for (int k = 0; k < grid.count(); k++) {
          p.pool.execute(TileTask.KIND, render.withTilesDone(tilesDone).forTile(k, pass));
        }
        int left;
        while ((left = progress.tilesLeft()) != 0) {
          progress.words().awaitChange(PassProgress.TILES_LEFT, left);
        }
        // Each tile adds to the pass's TaskProgress before it lists itself as finished.
        assertEquals(grid.count(), tilesDone.done(), "tiles counted in pass " + pass);
        assertTrue(tilesDone.isComplete());
        tilesDone.free();
        BitSet listed = new BitSet();
        for (int place = 0; place < grid.count(); place++) {
          listed.set(progress.finishedTile(place));
        }
        assertEquals(grid.count(), listed.cardinality(), "every tile listed once in pass " + pass);
        assertEquals(-1, progress.failedTile());
      }
      int[] expected = TileRenderer.renderFrame(scene, 21, 17, passes, 64).sums();
      int[] actual = sums.toArray();
      assertArrayEquals(expected, actual);
      int[] shown = display.toArray();
      for (int px = 0; px < shown.length; px++) {
        assertEquals(Accumulation.packedRgba(actual[px * 3], actual[px * 3 + 1], actual[px * 3 + 2], passes),
            shown[px], "display colour of pixel " + px);
      }
      assertEquals(grid.count() * passes, activity.tiles(1));
    } finally {
      TileActivity.identifyThreadsWith(null);
    }
  }

  @Test
  void aTileWhoseSceneNoThreadHasFailsAndStillEndsThePass() {
    try (TestPool p = TestPool.start(1)) {
      TileGrid grid = new TileGrid(8, 8, 8);
      PassProgress progress = new PassProgress(p.pool.newSharedIntArray(PassProgress.wordsFor(1)));
      TileJob job = TileJob.of(4242, null, grid, p.pool.newSharedIntArray(192)).withProgress(progress);
      progress.startPass(1);
      TaskFailedException failure = assertThrows(TaskFailedException.class,
          () -> p.pool.submit(TileTask.KIND, job).join());
      assertTrue(failure.getMessage().contains("has no scene 4242 (none was installed): install the scene"),
          failure.getMessage());
      assertEquals(0, progress.tilesLeft());
      assertEquals(0, progress.failedTile());
    }
  }
}
