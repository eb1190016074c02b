package org.webthreads;

/**
 * A block that the pool's arena can never hold, however much of it is free: a shared array, argument
 * list or result larger than the arena's largest possible block. The message names the size, the
 * arena's capacity and the fix (a pool made with {@code PoolConfig.withArenaWords}, or smaller pieces).
 *
 * <p>A subclass of {@link ArenaFullException}, so that code catching that for "does not fit" sees both;
 * catch this one first to tell "never" from "not now" (freeing arrays or joining futures cannot help it).
 */
public final class ArenaTooSmallException extends ArenaFullException {
  /**
   * An allocation the arena can never hold.
   *
   * @param message the size asked for and the arena size that would hold it
   */
  public ArenaTooSmallException(String message) {
    super(message);
  }
}
