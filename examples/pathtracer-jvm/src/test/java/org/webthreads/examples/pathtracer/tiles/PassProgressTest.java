package org.webthreads.examples.pathtracer.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PassProgressTest {
  @Test
  void tilesListThemselvesInTheOrderTheyFinishAndTheFirstFailureIsKept() {
    try (TestPool p = TestPool.start(1)) {
      PassProgress progress = new PassProgress(p.pool.newSharedIntArray(PassProgress.wordsFor(4)));
      assertEquals(4, progress.capacity());
      progress.startPass(3);
      assertEquals(3, progress.tilesLeft());
      assertEquals(-1, progress.finishedTile(0), "a place not filled yet");
      progress.tileFinished(2, false);
      progress.tileFinished(0, true);
      progress.tileFinished(1, true);
      assertEquals(0, progress.tilesLeft());
      assertEquals(3, progress.finishedCount());
      assertEquals(2, progress.finishedTile(0));
      assertEquals(0, progress.finishedTile(1));
      assertEquals(1, progress.finishedTile(2));
      assertEquals(0, progress.failedTile(), "the first failure");

      progress.startPass(2);
      assertEquals(2, progress.tilesLeft());
      assertEquals(0, progress.finishedCount());
      assertEquals(-1, progress.failedTile());
      assertEquals(-1, progress.finishedTile(0));
    }
  }

  @Test
  void sizesAreCheckedWithTheFix() {
    try (TestPool p = TestPool.start(1)) {
      assertEquals("a pass's progress needs at least 3 words, was 2: allocate PassProgress.wordsFor(tiles)",
          assertThrows(IllegalArgumentException.class,
              () -> new PassProgress(p.pool.newSharedIntArray(2))).getMessage());
      PassProgress progress = new PassProgress(p.pool.newSharedIntArray(PassProgress.wordsFor(2)));
      assertEquals("a pass of 3 tiles; this progress follows 1 to 2",
          assertThrows(IllegalArgumentException.class, () -> progress.startPass(3)).getMessage());
      assertThrows(IllegalArgumentException.class, () -> progress.startPass(0));
    }
  }
}
