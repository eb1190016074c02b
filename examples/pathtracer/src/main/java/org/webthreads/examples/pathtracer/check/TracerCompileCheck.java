package org.webthreads.examples.pathtracer.check;

import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.AccumulationBuffer;
import org.webthreads.examples.pathtracer.DefaultScene;
import org.webthreads.examples.pathtracer.Golden;
import org.webthreads.examples.pathtracer.Scene;
import org.webthreads.examples.pathtracer.SceneCodec;
import org.webthreads.examples.pathtracer.TileRenderer;

/**
 * Uses the whole pure renderer: builds the default scene, sends it through the codec (the way the
 * browser ships it to workers), renders the golden frame ({@link Golden}: 64 x 48, 4 passes, seed 42)
 * in two tiles per pass and prints its checksums.
 * The build compiles this class with TeaVM to WebAssembly GC, which proves the renderer uses nothing
 * TeaVM lacks.
 */
public final class TracerCompileCheck {
  private TracerCompileCheck() {
  }

  public static String run() {
    int width = Golden.WIDTH;
    int height = Golden.HEIGHT;
    int passes = Golden.PASSES;
    Scene scene = SceneCodec.decode(SceneCodec.fromWords(SceneCodec.toWords(
        SceneCodec.encode(DefaultScene.build(Golden.SEED, width, height)))));
    AccumulationBuffer buffer = new AccumulationBuffer(width, height);
    for (int pass = 0; pass < passes; pass++) {
      TileRenderer.renderTile(scene, width, height, 0, 0, width, 20, pass, buffer);
      TileRenderer.renderTile(scene, width, height, 0, 20, width, height - 20, pass, buffer);
    }
    byte[] rgba = buffer.toRgba(passes);
    return "sums " + Accumulation.hex(Accumulation.checksum(buffer.sums())) + " rgba "
        + Accumulation.hex(Accumulation.checksum(rgba)) + " primitives " + scene.primitiveCount();
  }

  public static void main(String[] args) {
    System.out.println(run());
  }
}
