package org.webthreads.examples.pathtracer.tiles;

import java.util.function.IntSupplier;
import org.webthreads.SharedIntArray;

/**
 * Per-thread counters of tile work in shared memory: for each thread id, {@link #STRIDE} words (tiles
 * rendered, microseconds spent rendering them), indexed by thread id from 0. The browser page shows
 * them as a bar chart (tracer.html reads this layout directly) and publishes them with its result.
 *
 * <p>A tile task learns which thread it runs on from the program's thread identity, set once per
 * program with {@link #identifyThreadsWith} (the browser page passes its worker ids). Programs that
 * pass no activity counters with their tiles need not set it.
 */
public final class TileActivity {
  /** Words per thread id: tiles rendered, then microseconds spent rendering. */
  public static final int STRIDE = 2;

  private static IntSupplier currentThread;

  private final SharedIntArray words;

  public TileActivity(SharedIntArray words) {
    if (words.length() < STRIDE || words.length() % STRIDE != 0) {
      throw new IllegalArgumentException("activity counters take " + STRIDE + " words per thread id, was "
          + words.length() + " words: allocate TileActivity.wordsFor(highest thread id)");
    }
    this.words = words;
  }

  /** Words for the counters of thread ids 0 to {@code highestThreadId}. */
  public static int wordsFor(int highestThreadId) {
    return (highestThreadId + 1) * STRIDE;
  }

  /** Tells tile tasks how to learn the id of the thread they run on; call in every thread's main. */
  public static void identifyThreadsWith(IntSupplier threadId) {
    currentThread = threadId;
  }

  /** The id of the calling thread, from the program's thread identity. */
  static int currentThreadId() {
    if (currentThread == null) {
      throw new IllegalStateException("tile tasks with activity counters need the program's thread ids: "
          + "call TileActivity.identifyThreadsWith(...) in main on every thread, or pass no counters");
    }
    return currentThread.getAsInt();
  }

  public SharedIntArray words() {
    return words;
  }

  /** Counts one tile of {@code micros} microseconds for {@code threadId}; ids beyond the counters are not counted. */
  public void record(int threadId, int micros) {
    if (threadId >= 0 && (threadId + 1) * STRIDE <= words.length()) {
      words.getAndAdd(threadId * STRIDE, 1);
      words.getAndAdd(threadId * STRIDE + 1, micros);
    }
  }

  /** Tiles that thread {@code threadId} rendered. */
  public int tiles(int threadId) {
    return words.get(threadId * STRIDE);
  }

  /** Microseconds that thread {@code threadId} spent rendering tiles. */
  public int micros(int threadId) {
    return words.get(threadId * STRIDE + 1);
  }
}
