package org.webthreads.examples.pathtracer.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.webthreads.SharedIntArray;
import org.webthreads.examples.pathtracer.AccumulationBuffer;
import org.webthreads.examples.pathtracer.DefaultScene;
import org.webthreads.examples.pathtracer.Scene;
import org.webthreads.examples.pathtracer.TileRenderer;
import org.webthreads.examples.pathtracer.Tracer;

class SceneCacheTest {
  @Test
  void anInstalledSceneIsFoundByItsIdOnItsThreadOnly() throws Exception {
    Scene scene = DefaultScene.build(3, 16, 12);
    SceneCache.install(5, scene);
    assertSame(scene, SceneCache.tracerFor(5, null).scene());
    assertSame(SceneCache.tracerFor(5, null), SceneCache.tracerFor(5, null));
    assertEquals("this thread has no scene 6 (it holds scene 5): install the scene on every thread before its"
        + " tiles run (the browser page's tracer.scene JS task), or pass the scene's shared words "
        + "(SceneCache.share) in the tile job",
        assertThrows(IllegalStateException.class, () -> SceneCache.tracerFor(6, null)).getMessage());

    AtomicReference<Throwable> elsewhere = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        SceneCache.tracerFor(5, null);
      } catch (Throwable t) {
        elsewhere.set(t);
      }
    });
    other.start();
    other.join();
    assertEquals(IllegalStateException.class, elsewhere.get().getClass());
    assertEquals("this thread has no scene 5 (none was installed)", elsewhere.get().getMessage()
        .substring(0, elsewhere.get().getMessage().indexOf(':')));
  }

  @Test
  void sharedWordsAreDecodedOncePerThreadAndRenderTheSame() {
    Scene scene = DefaultScene.build(9, 16, 12);
    try (TestPool p = TestPool.start(1)) {
      SharedIntArray words = SceneCache.share(p.pool, scene);
      Tracer first = SceneCache.tracerFor(9, words);
      assertSame(first, SceneCache.tracerFor(9, words), "the same id and words: decoded once");
      AccumulationBuffer decoded = new AccumulationBuffer(16, 12);
      first.renderTile(16, 12, 0, 0, 16, 12, 0, decoded);
      assertArrayEquals(TileRenderer.renderFrame(scene, 16, 12, 1, 16).sums(), decoded.sums());

      assertNotSame(first, SceneCache.tracerFor(10, words), "another id: decoded again");
      SharedIntArray copy = SceneCache.share(p.pool, scene);
      Tracer fromCopy = SceneCache.tracerFor(10, copy);
      assertNotSame(first, fromCopy, "other words: decoded again");
      SceneCache.install(10, scene);
      assertNotSame(fromCopy, SceneCache.tracerFor(10, copy), "an installed scene is not these words");
    }
  }
}
