package org.webthreads;

/** The pool's shared arena has no block large enough for an argument, result or shared array. */
public final class ArenaFullException extends RuntimeException {
  public ArenaFullException(String message) {
    super(message);
  }
}
