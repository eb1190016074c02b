package org.webthreads.memory;

/**
 * {@link SharedWords} over a plain {@code int[]} that only one thread uses, so every operation is a
 * plain array access. Subclasses say what waiting means where no other thread can change a word.
 */
public abstract class ArrayWords implements SharedWords {
  /** The words; a subclass may replace the array with a larger copy. */
  protected int[] words;

  protected ArrayWords(int length) {
    this.words = new int[length];
  }

  @Override
  public int length() {
    return words.length;
  }

  @Override
  public int load(int index) {
    return words[index];
  }

  @Override
  public void store(int index, int value) {
    words[index] = value;
  }

  @Override
  public boolean compareAndSet(int index, int expected, int value) {
    if (words[index] != expected) {
      return false;
    }
    words[index] = value;
    return true;
  }

  @Override
  public int getAndAdd(int index, int delta) {
    int before = words[index];
    words[index] = before + delta;
    return before;
  }

  @Override
  public int notify(int index, int count) {
    return 0;
  }
}
