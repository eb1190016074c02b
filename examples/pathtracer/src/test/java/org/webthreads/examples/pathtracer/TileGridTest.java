package org.webthreads.examples.pathtracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileGridTest {
  @Test
  void tilesCoverTheFrameOnceRowByRow() {
    TileGrid grid = new TileGrid(45, 31, 8);
    assertEquals(6, grid.columns());
    assertEquals(4, grid.rows());
    assertEquals(24, grid.count());
    assertEquals(new Tile(0, 0, 8, 8), grid.tile(0));
    assertEquals(new Tile(40, 0, 5, 8), grid.tile(5));
    assertEquals(new Tile(0, 8, 8, 8), grid.tile(6));
    assertEquals(new Tile(40, 24, 5, 7), grid.tile(23));
    int[] covered = new int[45 * 31];
    int lastRow = 0;
    for (int k = 0; k < grid.count(); k++) {
      Tile t = grid.tile(k);
      assertTrue(t.y0() >= lastRow, "row by row: tile " + k);
      lastRow = t.y0();
      for (int y = t.y0(); y < t.bottom(); y++) {
        for (int x = t.x0(); x < t.right(); x++) {
          covered[y * 45 + x]++;
        }
      }
    }
    for (int p = 0; p < covered.length; p++) {
      assertEquals(1, covered[p], "pixel " + p);
    }
  }

  @Test
  void aTileLargerThanTheFrameIsTheWholeFrame() {
    TileGrid grid = new TileGrid(20, 10, 64);
    assertEquals(1, grid.count());
    assertEquals(new Tile(0, 0, 20, 10), grid.tile(0));
    assertEquals(200, grid.tile(0).pixels());
  }

  @Test
  void badSizesAndIndicesAreRefusedWithTheirValues() {
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new TileGrid(0, 10, 4));
    assertEquals("a tile grid needs a positive frame size and tile size, was 0 x 10 in tiles of 4",
        size.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TileGrid(10, 10, -1));
    IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
        () -> new TileGrid(100_000, 100_000, 1));
    assertTrue(many.getMessage().endsWith("use a larger tile than 1"), many.getMessage());
    TileGrid grid = new TileGrid(45, 31, 8);
    IndexOutOfBoundsException past = assertThrows(IndexOutOfBoundsException.class, () -> grid.tile(24));
    assertEquals("tile 24 of a grid of 24 tiles (6 x 4)", past.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> grid.tile(-1));
  }
}
