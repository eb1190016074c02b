package org.webthreads.examples.pathtracer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeterminismTest {
  @Test
  void goldenChecksum() {
    AccumulationBuffer frame = TileRenderer.renderFrame(DefaultScene.build(Golden.SEED, Golden.WIDTH,
        Golden.HEIGHT), Golden.WIDTH, Golden.HEIGHT, Golden.PASSES, 16);
    long sums = Accumulation.checksum(frame.sums());
    long rgba = Accumulation.checksum(frame.toRgba(Golden.PASSES));
    assertEquals(Accumulation.hex(Golden.SUMS), Accumulation.hex(sums), "sums checksum");
    assertEquals(Accumulation.hex(Golden.RGBA), Accumulation.hex(rgba), "rgba checksum");
  }

  @Test
  void sameSceneTwiceAndAnyTilingGiveTheSamePixels() {
    Scene scene = DefaultScene.build(7, 37, 23);
    int[] reference = TileRenderer.renderFrame(scene, 37, 23, 3, 64).sums();
    assertArrayEquals(reference, TileRenderer.renderFrame(DefaultScene.build(7, 37, 23), 37, 23, 3, 64).sums());
    for (int tile : new int[] {1, 5, 8, 16}) {
      assertArrayEquals(reference, TileRenderer.renderFrame(scene, 37, 23, 3, tile).sums(), "tile " + tile);
    }
    // passes in reverse order and tiles of different shapes, through the static entry point
    AccumulationBuffer reversed = new AccumulationBuffer(37, 23);
    for (int pass = 2; pass >= 0; pass--) {
      TileRenderer.renderTile(scene, 37, 23, 0, 0, 20, 23, pass, reversed);
      TileRenderer.renderTile(scene, 37, 23, 20, 10, 17, 13, pass, reversed);
      TileRenderer.renderTile(scene, 37, 23, 20, 0, 17, 10, pass, reversed);
    }
    assertArrayEquals(reference, reversed.sums());
  }

  @Test
  void passesAndSaltsChangeTheNoise() {
    Scene scene = DefaultScene.build(7, 16, 16);
    int[] one = TileRenderer.renderFrame(scene, 16, 16, 1, 16).sums();
    AccumulationBuffer second = new AccumulationBuffer(16, 16);
    TileRenderer.renderTile(scene, 16, 16, 0, 0, 16, 16, 1, second);
    assertEquals(false, java.util.Arrays.equals(one, second.sums()));
  }

  @Test
  void badTilesAreRejected() {
    Scene scene = DefaultScene.build(7, 16, 16);
    AccumulationBuffer sink = new AccumulationBuffer(16, 16);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TileRenderer.renderTile(scene, 16, 16, 8, 8, 9, 8, 0, sink));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TileRenderer.renderTile(scene, 16, 16, 0, 0, 4, 4, -1, sink));
  }
}
