package org.webthreads.examples.pathtracer.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileActivityTest {
  @Test
  void countsTilesAndMicrosPerThreadId() {
    try (TestPool p = TestPool.start(1)) {
      TileActivity activity = new TileActivity(p.pool.newSharedIntArray(TileActivity.wordsFor(2)));
      assertEquals(6, activity.words().length());
      activity.record(1, 30);
      activity.record(1, 12);
      activity.record(2, 5);
      activity.record(3, 100); // beyond the counters: not counted
      activity.record(-1, 100);
      assertEquals(2, activity.tiles(1));
      assertEquals(42, activity.micros(1));
      assertEquals(1, activity.tiles(2));
      assertEquals(5, activity.micros(2));
      assertEquals(0, activity.tiles(0));
    }
  }

  @Test
  void sizesAndAMissingThreadIdentityAreReportedWithTheFix() {
    try (TestPool p = TestPool.start(1)) {
      assertEquals("activity counters take 2 words per thread id, was 5 words: allocate "
          + "TileActivity.wordsFor(highest thread id)", assertThrows(IllegalArgumentException.class,
              () -> new TileActivity(p.pool.newSharedIntArray(5))).getMessage());
    }
    try {
      TileActivity.identifyThreadsWith(null);
      IllegalStateException missing = assertThrows(IllegalStateException.class, TileActivity::currentThreadId);
      assertTrue(missing.getMessage().contains("call TileActivity.identifyThreadsWith(...)"), missing.getMessage());
      TileActivity.identifyThreadsWith(() -> 4);
      assertEquals(4, TileActivity.currentThreadId());
    } finally {
      TileActivity.identifyThreadsWith(null);
    }
  }
}
