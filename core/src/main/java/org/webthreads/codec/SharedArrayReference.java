package org.webthreads.codec;

/**
 * A value that crosses threads as a reference to shared memory rather than as a copy: a shared array
 * of the pool's arena. The codec writes {@code [tag, handle, length]}; the reading thread builds its
 * own view of the same words. Implemented by the shared array types of the API package, so that the
 * codec needs nothing from it.
 */
public interface SharedArrayReference {
  /**
   * The {@link ValueTag} this array's type travels under.
   *
   * @return a {@link ValueTag} constant
   */
  int valueTag();

  /**
   * Index of element 0 in the pool's shared words.
   *
   * @return the word index
   */
  int handle();

  /**
   * The number of elements.
   *
   * @return the array's length
   */
  int length();
}
