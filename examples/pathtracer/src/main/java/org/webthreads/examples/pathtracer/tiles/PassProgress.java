package org.webthreads.examples.pathtracer.tiles;

import org.webthreads.SharedIntArray;

/**
 * How the tiles of one pass report that they are done, in shared memory, so that a submitter can follow
 * a pass without a future per tile (the browser page draws from it and learns the pass's end from it).
 *
 * <p>Layout of the words: {@code [tiles left, finished count, first failed tile + 1, then the finished
 * tiles' indices + 1 in the order they finished]}. A finishing tile claims the next place in the list
 * (getAndAdd on the count), fills it, and then takes itself off the tiles left; the one that brings that
 * word to 0 notifies its waiters, so a pass costs its watcher one wake-up. A reader stops at a place
 * that is claimed but still 0: its tile is being recorded and appears there later.
 */
public final class PassProgress {
  /** The word that counts the pass's tiles still to finish; 0 (and a notify) when the pass is done. */
  public static final int TILES_LEFT = 0;
  private static final int FINISHED_COUNT = 1;
  private static final int FIRST_FAILED = 2;
  /** Words before the list of finished tiles. */
  public static final int HEADER = 3;

  private final SharedIntArray words;

  /** Wraps {@code words}, which must hold {@link #wordsFor} the number of tiles of a pass. */
  public PassProgress(SharedIntArray words) {
    if (words.length() < HEADER) {
      throw new IllegalArgumentException("a pass's progress needs at least " + HEADER + " words, was "
          + words.length() + ": allocate PassProgress.wordsFor(tiles)");
    }
    this.words = words;
  }

  /** Words that the progress of a pass of {@code tiles} tiles takes. */
  public static int wordsFor(int tiles) {
    return HEADER + tiles;
  }

  public SharedIntArray words() {
    return words;
  }

  /** Tiles this progress can follow in one pass. */
  public int capacity() {
    return words.length() - HEADER;
  }

  /**
   * Clears the list and the failure and sets the count of tiles left; call before submitting the
   * pass's tiles (not while tiles of an earlier pass may still report here).
   */
  public void startPass(int tiles) {
    if (tiles <= 0 || tiles > capacity()) {
      throw new IllegalArgumentException("a pass of " + tiles + " tiles; this progress follows 1 to "
          + capacity());
    }
    for (int i = 0; i < HEADER + tiles; i++) {
      words.set(i, 0);
    }
    words.set(TILES_LEFT, tiles);
  }

  /**
   * Called by a tile's task when it ends, whether it rendered or failed: records the first failure,
   * lists the tile as finished and counts it off; the last tile of the pass wakes the watcher.
   */
  public void tileFinished(int tile, boolean failed) {
    if (failed) {
      words.compareAndSet(FIRST_FAILED, 0, tile + 1);
    }
    int place = words.getAndAdd(FINISHED_COUNT, 1);
    words.set(HEADER + place, tile + 1);
    if (words.getAndAdd(TILES_LEFT, -1) == 1) {
      words.notifyWaiters(TILES_LEFT);
    }
  }

  /** Tiles of the pass still to finish. */
  public int tilesLeft() {
    return words.get(TILES_LEFT);
  }

  /** Places claimed in the list of finished tiles so far. */
  public int finishedCount() {
    return words.get(FINISHED_COUNT);
  }

  /** The tile that finished {@code place}-th, or -1 while that place is claimed but not filled yet. */
  public int finishedTile(int place) {
    return words.get(HEADER + place) - 1;
  }

  /** The first tile of the pass that failed, or -1. */
  public int failedTile() {
    return words.get(FIRST_FAILED) - 1;
  }
}
