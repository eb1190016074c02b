package org.webthreads.examples.pathtracer.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskKind;
import org.webthreads.TaskKind1;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.TileGrid;

/** The tile task's arguments: one documented order, written and read by TileJob alone. */
class TileJobTest {
  /** Receives a TileJob on a pool thread (through its codec) and describes what it read. */
  static final TaskKind1<TileJob, String> ECHO = TaskKind1.register("test.tileJobEcho", TileJob.CODEC,
      (job, context) -> describe(job));

  /** Reads a TileJob positionally, as hand-tuned code would. */
  static final TaskKind<String> POSITIONAL_ECHO = TaskKind.register("test.tileJobPositionalEcho",
      (args, pool) -> describe(TileJob.read(args)));

  private static String describe(TileJob job) {
    return "progress " + (job.progress() == null ? "none" : words(job.progress().words()))
        + ", tile " + job.tileIndex() + " " + job.tile() + ", pass " + job.pass() + ", grid " + job.grid()
        + ", scene " + job.sceneId() + " " + words(job.sceneWords()) + ", sums " + words(job.sums())
        + ", display " + words(job.display()) + ", activity "
        + (job.activity() == null ? "none" : words(job.activity().words())) + ", tiles done "
        + (job.tilesDone() == null ? "none" : job.tilesDone().handle() + "/" + job.tilesDone().total());
  }

  private static String words(SharedIntArray array) {
    return array == null ? "none" : "[" + array.handle() + " +" + array.length() + "]";
  }

  @Test
  void argumentsComeInTheDocumentedOrder() {
    try (TestPool p = TestPool.start(1)) {
      TileGrid grid = new TileGrid(20, 10, 8);
      SharedIntArray scene = p.pool.newSharedIntArray(4);
      SharedIntArray sums = p.pool.newSharedIntArray(600);
      SharedIntArray display = p.pool.newSharedIntArray(200);
      TileActivity activity = new TileActivity(p.pool.newSharedIntArray(TileActivity.wordsFor(2)));
      PassProgress progress = new PassProgress(p.pool.newSharedIntArray(PassProgress.wordsFor(6)));
      org.webthreads.TaskProgress tilesDone = p.pool.newTaskProgress(6);
      TileJob job = TileJob.of(7, scene, grid, sums).withDisplay(display).withActivity(activity)
          .withProgress(progress).withTilesDone(tilesDone).forTile(4, 3);
      Object[] args = job.arguments();
      assertEquals(TileJob.ARGUMENTS, args.length);
      assertArrayEquals(new Object[] {progress.words(), 4, 3, 20, 10, 8, 7, scene, sums, display,
          activity.words(), tilesDone}, args);
      Object[] bare = TileJob.of(7, null, grid, sums).arguments();
      assertArrayEquals(new Object[] {null, 0, 0, 20, 10, 8, 7, null, sums, null, null, null}, bare);
    }
  }

  @Test
  void argumentsRoundTripThroughAPool() {
    try (TestPool p = TestPool.start(2)) {
      TileGrid grid = new TileGrid(45, 31, 13);
      SharedIntArray scene = p.pool.newSharedIntArray(9);
      SharedIntArray sums = p.pool.newSharedIntArray(45 * 31 * 3);
      SharedIntArray display = p.pool.newSharedIntArray(45 * 31);
      TileActivity activity = new TileActivity(p.pool.newSharedIntArray(TileActivity.wordsFor(2)));
      PassProgress progress = new PassProgress(p.pool.newSharedIntArray(PassProgress.wordsFor(12)));
      TileJob full = TileJob.of(3, scene, grid, sums).withDisplay(display).withActivity(activity)
          .withProgress(progress).withTilesDone(p.pool.newTaskProgress(12));
      TileJob bare = TileJob.of(-5, null, grid, sums);
      for (TileJob job : new TileJob[] {full.forTile(11, Accumulation.MAX_PASSES - 1), full.forTile(0, 0),
          bare.forTile(7, 2)}) {
        assertEquals(describe(job), p.pool.submit(ECHO, job).join());
        assertEquals(describe(job), p.pool.submit(POSITIONAL_ECHO, job.arguments()).join());
      }
    }
  }

  @Test
  void theBuilderKeepsWhatWasSetAndChangesOnlyTheTile() {
    try (TestPool p = TestPool.start(1)) {
      TileGrid grid = new TileGrid(8, 8, 4);
      SharedIntArray sums = p.pool.newSharedIntArray(192);
      SharedIntArray display = p.pool.newSharedIntArray(64);
      TileJob render = TileJob.of(1, null, grid, sums).withDisplay(display);
      TileJob tile = render.forTile(3, 5);
      assertSame(display, tile.display());
      assertSame(grid, tile.grid());
      assertEquals(3, tile.tileIndex());
      assertEquals(5, tile.pass());
      assertEquals(0, render.tileIndex(), "forTile makes a new job");
      assertNull(tile.progress());
      assertEquals("tile 3 (4, 4, 4 x 4) of pass 5 of scene 1", tile.toString());
    }
  }

  @Test
  void badJobsAreRefusedAtTheSubmitterWithTheFix() {
    try (TestPool p = TestPool.start(1)) {
      TileGrid grid = new TileGrid(8, 4, 4);
      SharedIntArray sums = p.pool.newSharedIntArray(96);
      IllegalArgumentException shortSums = assertThrows(IllegalArgumentException.class,
          () -> TileJob.of(1, null, grid, p.pool.newSharedIntArray(95)));
      assertEquals("the sums hold 95 ints; a frame of 8 x 4 needs 96: allocate 3 sums and 1 display colour"
          + " per pixel", shortSums.getMessage());
      IllegalArgumentException shortDisplay = assertThrows(IllegalArgumentException.class,
          () -> TileJob.of(1, null, grid, sums).withDisplay(p.pool.newSharedIntArray(31)));
      assertEquals("the sums hold 96 ints and the display 31; a frame of 8 x 4 needs 96 and 32: allocate 3 "
          + "sums and 1 display colour per pixel", shortDisplay.getMessage());
      TileJob render = TileJob.of(1, null, grid, sums);
      assertEquals("tile 2 is not in the grid (8 x 4 in tiles of 4: tiles 0 to 1)",
          assertThrows(IllegalArgumentException.class, () -> render.forTile(2, 0)).getMessage());
      assertThrows(IllegalArgumentException.class, () -> render.forTile(-1, 0));
      assertTrue(assertThrows(IllegalArgumentException.class, () -> render.forTile(0, Accumulation.MAX_PASSES))
          .getMessage().endsWith("(more passes would overflow the sums)"));
      assertThrows(IllegalArgumentException.class, () -> render.forTile(0, -1));
      PassProgress small = new PassProgress(p.pool.newSharedIntArray(PassProgress.wordsFor(1)));
      assertEquals("the pass's progress follows 1 tiles, the grid has 2: allocate "
          + "PassProgress.wordsFor(grid.count()) words",
          assertThrows(IllegalArgumentException.class, () -> render.withProgress(small)).getMessage());
      assertThrows(IllegalArgumentException.class, () -> TileJob.of(1, null, null, sums));
    }
  }

  @Test
  void argumentsNotMadeByTileJobFailTheTileAndStillEndThePass() {
    try (TestPool p = TestPool.start(1)) {
      PassProgress progress = new PassProgress(p.pool.newSharedIntArray(PassProgress.wordsFor(4)));
      progress.startPass(1);
      TaskFailedException failure = assertThrows(TaskFailedException.class,
          () -> p.pool.submit(TileTask.KIND.untyped(), progress.words(), 2, "pass?").join());
      assertTrue(failure.getMessage().contains("pathtracer.tile"), failure.getMessage());
      assertEquals(0, progress.tilesLeft());
      assertEquals(2, progress.failedTile());
      assertEquals(2, progress.finishedTile(0));

      TaskFailedException wrongType = assertThrows(TaskFailedException.class, () -> p.pool.submit(
          TileTask.KIND.untyped(), null, 0, 0, 8, 4, 4, 1, "scene", null, null, null).join());
      assertTrue(wrongType.getMessage().contains("argument 7 (scene words) must be a SharedIntArray or null, "
          + "was a java.lang.String: build the arguments with TileJob.arguments()"), wrongType.getMessage());

      // One value too many through the positional kind: refused, and the tile still ends its pass.
      SharedIntArray sums = p.pool.newSharedIntArray(96);
      progress.startPass(2);
      TaskFailedException extra = assertThrows(TaskFailedException.class, () -> p.pool.submit(
          TileTask.KIND.untyped(), progress.words(), 1, 0, 8, 4, 4, 1, null, sums, null, null, null, 99).join());
      assertTrue(extra.getMessage().contains("a pathtracer.tile task takes 12 arguments and was passed more"),
          extra.getMessage());
      assertEquals(1, progress.tilesLeft());
      assertEquals(1, progress.failedTile());
    }
  }
}
