package org.webthreads;

import org.webthreads.memory.ArrayWords;

/**
 * The encoded arguments of a private fork (see {@link PrivateForks}): the same words a task slot would
 * hold, kept in the forking thread's heap until the task runs there or is published to a slot.
 */
final class ForkArgs extends ArrayWords {
  ForkArgs(int length) {
    super(length);
  }

  @Override
  public int waitWhileEqual(int index, int expected, long timeoutNanos) {
    throw new IllegalStateException("a private fork's arguments are never waited on");
  }

  @Override
  public boolean canWait() {
    return false;
  }
}
