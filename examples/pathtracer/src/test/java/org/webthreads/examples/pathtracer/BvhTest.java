package org.webthreads.examples.pathtracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BvhTest {
  @Test
  void hierarchyGivesTheSameHitsAsBruteForceOnClutter() {
    compare(TestScenes.randomClutter(3, 400), 15, 30_000);
  }

  @Test
  void hierarchyGivesTheSameHitsAsBruteForceOnTheDefaultScene() {
    compare(DefaultScene.build(42, 64, 48), 12, 30_000);
  }

  @Test
  void tiesGoToTheLowerPrimitiveIndex() {
    for (int smallFirst = 0; smallFirst < 2; smallFirst++) {
      SceneBuilder b = new SceneBuilder();
      b.camera(TestScenes.frontCamera(4, 4));
      int m = b.lambertian(0.5, 0.5, 0.5);
      for (int i = 0; i < 20; i++) { // filler, away from the ray
        b.sphere(5 + i, 0, 0, 0.3, m);
      }
      // two boxes whose top faces lie in the plane y = 0
      if (smallFirst == 1) {
        b.box(0, -0.5, 0, 0.2, 0, 0.2, m);
      }
      int big = b.box(-1, -1, -1, 1, 0, 1, m);
      if (smallFirst == 0) {
        b.box(0, -0.5, 0, 0.2, 0, 0.2, m);
      }
      Scene scene = b.build();
      Intersector intersector = new Intersector(scene);
      int expected = smallFirst == 1 ? big - 1 : big;
      assertEquals(expected, intersector.intersect(0.1, 5, 0.1, 0, -1, 0, Tracer.T_MIN));
      assertEquals(5.0, intersector.hitT());
      assertEquals(expected, intersector.intersectBruteForce(0.1, 5, 0.1, 0, -1, 0, Tracer.T_MIN));
    }
  }

  @Test
  void emptySceneHitsNothing() {
    SceneBuilder b = new SceneBuilder();
    b.camera(TestScenes.frontCamera(4, 4));
    Intersector intersector = new Intersector(b.build());
    assertEquals(-1, intersector.intersect(0, 0, 0, 0, 0, 1, Tracer.T_MIN));
  }

  @Test
  void buildIsDeterministic() {
    Scene a = DefaultScene.build(5, 32, 32);
    Scene b = DefaultScene.build(5, 32, 32);
    assertEquals(java.util.Arrays.toString(a.bvh.nodes), java.util.Arrays.toString(b.bvh.nodes));
    assertEquals(java.util.Arrays.toString(a.bvh.order), java.util.Arrays.toString(b.bvh.order));
    assertTrue(a.bvhNodeCount() < 2 * a.primitiveCount());
  }

  private static void compare(Scene scene, double extent, int rays) {
    Intersector intersector = new Intersector(scene);
    Rng rng = new Rng(99);
    int hits = 0;
    for (int i = 0; i < rays; i++) {
      double ox = (rng.nextDouble() * 2 - 1) * extent;
      double oy = (rng.nextDouble() * 2 - 1) * extent;
      double oz = (rng.nextDouble() * 2 - 1) * extent;
      double dx;
      double dy;
      double dz;
      double l2;
      do {
        dx = rng.nextDouble() * 2 - 1;
        dy = rng.nextDouble() * 2 - 1;
        dz = rng.nextDouble() * 2 - 1;
        l2 = dx * dx + dy * dy + dz * dz;
      } while (l2 > 1 || l2 < 1e-6);
      double inv = 1 / Math.sqrt(l2);
      dx *= inv;
      dy *= inv;
      dz *= inv;
      if (i % 10 == 0) { // some axis-parallel rays too
        dx = i % 20 == 0 ? 1 : 0;
        dy = i % 20 == 0 ? 0 : -1;
        dz = 0;
      }
      int fast = intersector.intersect(ox, oy, oz, dx, dy, dz, Tracer.T_MIN);
      double fastT = intersector.hitT();
      int fastFace = intersector.hitFace();
      int slow = intersector.intersectBruteForce(ox, oy, oz, dx, dy, dz, Tracer.T_MIN);
      assertEquals(slow, fast, "ray " + i);
      if (slow >= 0) {
        hits++;
        assertEquals(intersector.hitT(), fastT, 0.0, "ray " + i);
        if (scene.primType[slow] == Scene.BOX) {
          assertEquals(intersector.hitFace(), fastFace, "ray " + i);
        }
      }
    }
    assertTrue(hits > rays / 10, "too few hits to mean anything: " + hits);
  }
}
