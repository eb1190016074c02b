package org.webthreads.examples.pathtracer.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.DefaultScene;
import org.webthreads.examples.pathtracer.Golden;
import org.webthreads.examples.pathtracer.Scene;
import org.webthreads.examples.pathtracer.TileRenderer;

class JvmRenderTest {
  @Test
  void poolRendersTheGoldenFrame() {
    Scene scene = DefaultScene.build(Golden.SEED, Golden.WIDTH, Golden.HEIGHT);
    JvmRender.Result result = JvmRender.render(scene, Golden.WIDTH, Golden.HEIGHT, Golden.PASSES, 16, 2);
    assertEquals(Accumulation.hex(Golden.SUMS), Accumulation.hex(Accumulation.checksum(result.sums)));
    assertEquals(Accumulation.hex(Golden.RGBA), Accumulation.hex(Accumulation.checksum(result.rgba())));
  }

  @Test
  void workerCountsAndTileSizesDoNotChangeThePixels() {
    Scene scene = DefaultScene.build(11, 45, 31);
    int[] reference = TileRenderer.renderFrame(scene, 45, 31, 3, 64).sums();
    int[][] settings = {{1, 8}, {2, 8}, {2, 13}, {3, 5}, {2, 64}};
    for (int[] s : settings) {
      JvmRender.Result result = JvmRender.render(scene, 45, 31, 3, s[1], s[0]);
      assertArrayEquals(reference, result.sums, s[0] + " workers, tile " + s[1]);
      assertEquals(3, result.passNanos.length);
    }
  }

  @Test
  void eachThreadDecodesTheSharedSceneOnceAndRendersTheSame() {
    Scene a = DefaultScene.build(1, 20, 20);
    Scene b = DefaultScene.build(2, 20, 20);
    // two renders in a row with different scenes: the per-thread cache must not mix them up
    assertArrayEquals(TileRenderer.renderFrame(a, 20, 20, 2, 20).sums(), JvmRender.render(a, 20, 20, 2, 7, 2).sums);
    assertArrayEquals(TileRenderer.renderFrame(b, 20, 20, 2, 20).sums(), JvmRender.render(b, 20, 20, 2, 7, 2).sums);
  }
}
