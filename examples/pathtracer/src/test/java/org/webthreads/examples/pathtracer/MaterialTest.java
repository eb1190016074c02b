package org.webthreads.examples.pathtracer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaterialTest {
  private static final int W = 24;
  private static final int H = 24;

  private static int centre(AccumulationBuffer f, int channel) {
    return f.sums()[((H / 2) * W + W / 2) * 3 + channel];
  }

  private static int corner(AccumulationBuffer f, int channel) {
    return f.sums()[channel];
  }

  @Test
  void emissiveOnlySceneGivesTheEmissionColour() {
    SceneBuilder b = new SceneBuilder();
    b.camera(TestScenes.frontCamera(W, H));
    b.sphere(0, 0, 0, 50, b.light(0.25, 0.5, 0.75)); // the camera sits inside a glowing sphere
    AccumulationBuffer f = TileRenderer.renderFrame(b.build(), W, H, 3, 8);
    byte[] rgba = f.toRgba(3);
    for (int i = 0; i < W * H; i++) {
      assertEquals(3 * Accumulation.quantize(0.25), f.sums()[i * 3]);
      assertEquals(3 * Accumulation.quantize(0.5), f.sums()[i * 3 + 1]);
      assertEquals(3 * Accumulation.quantize(0.75), f.sums()[i * 3 + 2]);
      assertEquals(128, rgba[i * 4] & 0xFF);   // sqrt(0.25) * 255 = 127.5, rounded
      assertEquals(180, rgba[i * 4 + 1] & 0xFF); // sqrt(0.5) * 255 = 180.3
      assertEquals(221, rgba[i * 4 + 2] & 0xFF); // sqrt(0.75) * 255 = 220.8
      assertEquals(255, rgba[i * 4 + 3] & 0xFF);
    }
  }

  @Test
  void lambertianSphereInUniformSkyReflectsItsAlbedo() {
    // a convex diffuse surface scatters every ray straight to the sky: exactly albedo * sky
    SceneBuilder b = new SceneBuilder();
    Scene scene = TestScenes.sphereInSky(b.lambertian(0.5, 0.25, 1.0), b, 0.8, W, H);
    AccumulationBuffer f = TileRenderer.renderFrame(scene, W, H, 4, 8);
    assertEquals(4 * Accumulation.quantize(0.4), centre(f, 0));
    assertEquals(4 * Accumulation.quantize(0.2), centre(f, 1));
    assertEquals(4 * Accumulation.quantize(0.8), centre(f, 2));
    assertEquals(4 * Accumulation.quantize(0.8), corner(f, 0)); // sky
  }

  @Test
  void mirrorReflectsTheSkyTintedByItsColour() {
    SceneBuilder b = new SceneBuilder();
    Scene scene = TestScenes.sphereInSky(b.metal(0.9, 0.5, 0.2, 0), b, 0.5, W, H);
    AccumulationBuffer f = TileRenderer.renderFrame(scene, W, H, 2, 8);
    assertEquals(2 * Accumulation.quantize(0.45), centre(f, 0));
    assertEquals(2 * Accumulation.quantize(0.25), centre(f, 1));
    assertEquals(2 * Accumulation.quantize(0.1), centre(f, 2));
  }

  @Test
  void fuzzyMetalLosesSomeLightButNeverGainsAny() {
    SceneBuilder b = new SceneBuilder();
    Scene scene = TestScenes.sphereInSky(b.metal(1, 1, 1, 1.0), b, 1.0, W, H);
    int passes = 32;
    AccumulationBuffer f = TileRenderer.renderFrame(scene, W, H, passes, 8);
    double mean = centre(f, 0) / (double) (passes * Accumulation.SCALE);
    assertTrue(mean > 0.3 && mean <= 1.0, "mean " + mean);
  }

  @Test
  void glassConservesEnergyInAUniformSky() {
    SceneBuilder b = new SceneBuilder();
    Scene scene = TestScenes.sphereInSky(b.dielectric(1.5), b, 1.0, W, H);
    int passes = 16;
    AccumulationBuffer f = TileRenderer.renderFrame(scene, W, H, passes, 8);
    long sum = 0;
    int count = 0;
    for (int y = H / 2 - 3; y <= H / 2 + 3; y++) {
      for (int x = W / 2 - 3; x <= W / 2 + 3; x++) {
        sum += f.sums()[(y * W + x) * 3];
        count++;
      }
    }
    double mean = sum / ((double) count * passes * Accumulation.SCALE);
    assertTrue(mean > 0.95 && mean <= 1.0 + 1e-3, "mean " + mean);
  }

  @Test
  void closedWhiteBoxWithALightIsLitEverywhere() {
    SceneBuilder b = new SceneBuilder();
    b.sky(5, 5, 5, 5, 5, 5); // unreachable: the box is closed
    b.camera(Camera.lookAt(0, 0, 3, 0, 0, 0, 0, 1, 0, 70, 1, 0, 3));
    int white = b.lambertian(0.73, 0.73, 0.73);
    b.box(-4, -4, -4, 4, 4, 4, white);                 // the room, seen from inside
    b.box(-2, 3.8, -2, 2, 3.95, 2, b.light(8, 8, 8)); // a ceiling lamp
    b.turnedBox(0.8, -3, 0, 0.8, 1, 0.8, 30, white);
    int passes = 32;
    AccumulationBuffer f = TileRenderer.renderFrame(b.build(), W, H, passes, 8);
    byte[] rgba = f.toRgba(passes);
    int lit = 0;
    long total = 0;
    for (int i = 0; i < W * H; i++) {
      lit += (rgba[i * 4] & 0xFF) > 10 ? 1 : 0;
      total += f.sums()[i * 3];
    }
    assertTrue(lit > W * H * 95 / 100, "only " + lit + " of " + W * H + " pixels are lit");
    double mean = total / ((double) W * H * passes * Accumulation.SCALE);
    assertTrue(mean > 0.1, "mean radiance " + mean);
    for (int i = 0; i < W * H * 3; i += 3) { // white walls, white light: grey everywhere
      assertEquals(f.sums()[i], f.sums()[i + 1]);
      assertEquals(f.sums()[i], f.sums()[i + 2]);
    }
  }

  @Test
  void lightsAreNotEmittedThroughAClosedBox() {
    SceneBuilder b = new SceneBuilder();
    b.camera(Camera.lookAt(0, 0, 3, 0, 0, 0, 0, 1, 0, 70, 1, 0, 3));
    b.box(-4, -4, -4, 4, 4, 4, b.lambertian(0.73, 0.73, 0.73));
    AccumulationBuffer f = TileRenderer.renderFrame(b.build(), W, H, 2, 8);
    for (int v : f.sums()) {
      assertEquals(0, v);
    }
  }

  @Test
  void checkerUsesFloorParityWithCellsCentredOnLatticePoints() {
    assertFalse(Tracer.checkerOdd(1, 0, 0, 0));
    assertFalse(Tracer.checkerOdd(1, 0.49, -1e-12, 0.49));
    assertTrue(Tracer.checkerOdd(1, 0.51, 0, 0));
    assertTrue(Tracer.checkerOdd(1, -0.51, 0, 0));
    assertFalse(Tracer.checkerOdd(1, 0.51, 0, 0.51));
    assertTrue(Tracer.checkerOdd(2, 0.3, 0, 0));
    assertFalse(Tracer.checkerOdd(2, 0.3, 0, 0.3));
  }

  @Test
  void quantizeAndDisplay() {
    assertEquals(0, Accumulation.quantize(Double.NaN));
    assertEquals(0, Accumulation.quantize(-1));
    assertEquals(Accumulation.MAX_SAMPLE, Accumulation.quantize(1e9));
    assertEquals(Accumulation.SCALE, Accumulation.quantize(1.0));
    assertEquals(255, Accumulation.toByte(10 * Accumulation.SCALE, 10));
    assertEquals(0, Accumulation.toByte(0, 10));
    assertTrue((long) Accumulation.MAX_PASSES * Accumulation.MAX_SAMPLE <= Integer.MAX_VALUE);
    assertEquals("00000000000000ff", Accumulation.hex(255));
    assertEquals("ffffffffffffffff", Accumulation.hex(-1));
  }
}
