package org.webthreads.examples.pathtracer.jvm;

import org.webthreads.SharedIntArray;
import org.webthreads.TaskKind;
import org.webthreads.examples.pathtracer.Scene;
import org.webthreads.examples.pathtracer.SceneCodec;
import org.webthreads.examples.pathtracer.Tracer;

/**
 * The path tracer's pure task: render one sample per pixel of one tile in one pass.
 *
 * <p>Arguments: a scene id (any int that names this scene while it is in use; each thread keeps the
 * scene it decoded for the last id), the encoded scene ({@link SceneCodec#toWords} in a {@link SharedIntArray}), the frame's
 * sums (a {@link SharedIntArray} of 3 ints per pixel), frame width and height, tile x0, y0, w, h, and
 * the pass. Each thread decodes the scene once and keeps it with its {@link Tracer} (as a browser
 * worker would, each with its own heap); the result is the number of pixels rendered.
 */
public final class TileTasks {
  public static final TaskKind<Integer> TILE = TaskKind.register("pathtracer.tile", (args, pool) -> {
    int sceneId = args.readInt();
    SharedIntArray sceneWords = args.readSharedIntArray();
    SharedIntArray sums = args.readSharedIntArray();
    int frameWidth = args.readInt();
    int frameHeight = args.readInt();
    int x0 = args.readInt();
    int y0 = args.readInt();
    int w = args.readInt();
    int h = args.readInt();
    int pass = args.readInt();
    if (sums.length() != frameWidth * frameHeight * 3) {
      throw new IllegalArgumentException("sums hold " + sums.length() + " ints, a " + frameWidth + " x "
          + frameHeight + " frame needs " + frameWidth * frameHeight * 3);
    }
    Tracer tracer = TileTasks.tracerFor(sceneId, sceneWords);
    tracer.renderTile(frameWidth, frameHeight, x0, y0, w, h, pass, new SharedSumsSink(sums, frameWidth));
    return w * h;
  });

  private static final ThreadLocal<CachedScene> CACHE = new ThreadLocal<>();

  private TileTasks() {
  }

  /** Copies an encoded scene into shared memory, for {@link #TILE} tasks. */
  public static SharedIntArray share(org.webthreads.ThreadPool pool, Scene scene) {
    int[] words = SceneCodec.toWords(SceneCodec.encode(scene));
    SharedIntArray shared = pool.newSharedIntArray(words.length);
    for (int i = 0; i < words.length; i++) {
      shared.set(i, words[i]);
    }
    return shared;
  }

  static Tracer tracerFor(int sceneId, SharedIntArray sceneWords) {
    CachedScene cached = CACHE.get();
    if (cached == null || cached.id != sceneId || cached.handle != sceneWords.handle()
        || cached.length != sceneWords.length()) {
      Scene scene = SceneCodec.decode(SceneCodec.fromWords(sceneWords.toArray()));
      cached = new CachedScene(sceneId, sceneWords.handle(), sceneWords.length(), new Tracer(scene));
      CACHE.set(cached);
    }
    return cached.tracer;
  }

  private static final class CachedScene {
    final int id;
    final int handle;
    final int length;
    final Tracer tracer;

    CachedScene(int id, int handle, int length, Tracer tracer) {
      this.id = id;
      this.handle = handle;
      this.length = length;
      this.tracer = tracer;
    }
  }
}
