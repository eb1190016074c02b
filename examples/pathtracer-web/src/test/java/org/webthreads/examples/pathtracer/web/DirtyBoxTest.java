package org.webthreads.examples.pathtracer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webthreads.examples.pathtracer.Tile;

class DirtyBoxTest {
  @Test
  void theBoxSpansTheTilesAddedSinceItWasCleared() {
    DirtyBox box = new DirtyBox();
    assertTrue(box.isEmpty());
    box.add(new Tile(32, 16, 16, 16));
    box.add(new Tile(0, 48, 16, 5));
    assertFalse(box.isEmpty());
    assertEquals(0, box.left());
    assertEquals(16, box.top());
    assertEquals(48, box.width());
    assertEquals(37, box.height());
    box.clear();
    assertTrue(box.isEmpty());
    box.add(new Tile(8, 8, 4, 4));
    assertEquals(8, box.left());
    assertEquals(4, box.width());
  }
}
