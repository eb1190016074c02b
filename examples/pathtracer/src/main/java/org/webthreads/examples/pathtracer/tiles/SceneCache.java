package org.webthreads.examples.pathtracer.tiles;

import org.webthreads.SharedIntArray;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pathtracer.Scene;
import org.webthreads.examples.pathtracer.SceneCodec;
import org.webthreads.examples.pathtracer.Tracer;

/**
 * The scene each thread renders, with its {@link Tracer}, kept per thread (in the browser every worker
 * has a heap of its own anyway). A scene is named by an id that the submitter chooses, and reaches a
 * thread in one of two ways:
 * <ul>
 * <li>{@link #install}: the thread was handed the decoded scene (the browser page sends it to every
 *     worker once, as a JS task carrying a {@code Float64Array});
 * <li>shared words: the tile job carries the scene encoded in a {@link SharedIntArray} ({@link #share}),
 *     and the first tile a thread runs decodes it; later tiles with the same id and words reuse it.
 * </ul>
 * A thread keeps one scene: a new id or other words replace it.
 */
public final class SceneCache {
  private static final ThreadLocal<Entry> CURRENT = new ThreadLocal<>();

  private SceneCache() {
  }

  /** Copies an encoded scene into shared memory, for tile jobs that carry their scene's words. */
  public static SharedIntArray share(ThreadPool pool, Scene scene) {
    int[] encoded = SceneCodec.toWords(SceneCodec.encode(scene));
    SharedIntArray shared = pool.newSharedIntArray(encoded.length);
    for (int i = 0; i < encoded.length; i++) {
      shared.set(i, encoded[i]);
    }
    return shared;
  }

  /** Makes {@code scene} the calling thread's scene {@code sceneId}. */
  public static void install(int sceneId, Scene scene) {
    CURRENT.set(new Entry(sceneId, -1, 0, new Tracer(scene)));
  }

  /**
   * The calling thread's tracer for scene {@code sceneId}: the installed one, or, when
   * {@code sceneWords} is not null, the scene those shared words encode (decoded on first use).
   */
  public static Tracer tracerFor(int sceneId, SharedIntArray sceneWords) {
    Entry entry = CURRENT.get();
    if (sceneWords == null) {
      if (entry == null || entry.id != sceneId) {
        throw new IllegalStateException("this thread has no scene " + sceneId
            + (entry == null ? " (none was installed)" : " (it holds scene " + entry.id + ")")
            + ": install the scene on every thread before its tiles run (the browser page's tracer.scene"
            + " JS task), or pass the scene's shared words (SceneCache.share) in the tile job");
      }
      return entry.tracer;
    }
    // Each task gets a view object of its own: the words are the same when handle and length are.
    if (entry == null || entry.id != sceneId || entry.handle != sceneWords.handle()
        || entry.length != sceneWords.length()) {
      Scene scene = SceneCodec.decode(SceneCodec.fromWords(sceneWords.toArray()));
      entry = new Entry(sceneId, sceneWords.handle(), sceneWords.length(), new Tracer(scene));
      CURRENT.set(entry);
    }
    return entry.tracer;
  }

  private static final class Entry {
    final int id;
    /** Handle and length of the shared words it was decoded from; handle -1 when installed. */
    final int handle;
    final int length;
    final Tracer tracer;

    Entry(int id, int handle, int length, Tracer tracer) {
      this.id = id;
      this.handle = handle;
      this.length = length;
      this.tracer = tracer;
    }
  }
}
