package org.webthreads.memory;

/** A range of shared words handed out by a platform: the words and the index where the range starts. */
public final class SharedRegion {
  private final SharedWords words;
  private final int base;

  public SharedRegion(SharedWords words, int base) {
    this.words = words;
    this.base = base;
  }

  public SharedWords words() {
    return words;
  }

  public int base() {
    return base;
  }
}
