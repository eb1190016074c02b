package org.webthreads.examples.pathtracer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CodecTest {
  @Test
  void roundTripIsExactAndRendersIdentically() {
    Scene original = DefaultScene.build(42, 40, 30);
    double[] encoded = SceneCodec.encode(original);
    Scene decoded = SceneCodec.decode(encoded);
    assertArrayEquals(encoded, SceneCodec.encode(decoded));
    assertArrayEquals(original.bvh.nodes, decoded.bvh.nodes);
    assertArrayEquals(original.bvh.bounds, decoded.bvh.bounds);
    int[] a = TileRenderer.renderFrame(original, 40, 30, 2, 8).sums();
    int[] b = TileRenderer.renderFrame(decoded, 40, 30, 2, 8).sums();
    assertArrayEquals(a, b);
  }

  @Test
  void wordsRoundTripKeepsEveryBit() {
    double[] values = {0.0, -0.0, 1.5, -3.25e-300, Double.MIN_VALUE, Double.MAX_VALUE,
        Double.NaN, Double.NEGATIVE_INFINITY, 0.1};
    double[] back = SceneCodec.fromWords(SceneCodec.toWords(values));
    for (int i = 0; i < values.length; i++) {
      assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(back[i]));
    }
    double[] scene = SceneCodec.encode(DefaultScene.build(1, 8, 8));
    assertArrayEquals(scene, SceneCodec.fromWords(SceneCodec.toWords(scene)));
    // low word first, like a little-endian Float64Array seen as an Int32Array
    int[] words = SceneCodec.toWords(new double[] {1.0});
    assertEquals(0, words[0]);
    assertEquals(0x3FF00000, words[1]);
  }

  @Test
  void saltSurvivesTheRoundTrip() {
    SceneBuilder b = new SceneBuilder();
    b.camera(TestScenes.frontCamera(4, 4));
    b.sampleSalt(0x8000_0001_FFFF_FFFFL);
    Scene s = SceneCodec.decode(SceneCodec.encode(b.build()));
    assertEquals(0x8000_0001_FFFF_FFFFL, s.sampleSalt);
  }

  @Test
  void badDataIsRejected() {
    double[] good = SceneCodec.encode(DefaultScene.build(42, 8, 8));
    assertThrows(IllegalArgumentException.class, () -> SceneCodec.decode(new double[3]));
    double[] bad = good.clone();
    bad[0] = 1;
    assertThrows(IllegalArgumentException.class, () -> SceneCodec.decode(bad));
    double[] shortened = java.util.Arrays.copyOf(good, good.length - 1);
    assertThrows(IllegalArgumentException.class, () -> SceneCodec.decode(shortened));
    double[] badType = good.clone();
    badType[SceneCodec.HEADER] = 9; // first material's type
    assertThrows(IllegalArgumentException.class, () -> SceneCodec.decode(badType));
    double[] nan = good.clone();
    nan[nan.length - 1] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> SceneCodec.decode(nan));
  }
}
