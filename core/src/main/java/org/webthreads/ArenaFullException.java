package org.webthreads;

/**
 * The pool's shared arena has no block large enough free for an argument, result or shared array now:
 * free shared arrays, join futures with large results, or give the pool a larger arena. A block the
 * arena can never hold is its subclass {@link ArenaTooSmallException}.
 */
public class ArenaFullException extends RuntimeException {
  /**
   * An allocation the arena cannot hold now.
   *
   * @param message the size asked for and what to do
   */
  public ArenaFullException(String message) {
    super(message);
  }
}
