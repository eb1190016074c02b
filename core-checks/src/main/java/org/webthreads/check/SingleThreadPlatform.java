package org.webthreads.check;

import org.webthreads.Platform;
import org.webthreads.PoolControl;
import org.webthreads.memory.SharedRegion;
import org.webthreads.memory.SharedWords;

/**
 * A platform of one worker (id 1) whose loop the calling thread runs itself with
 * {@link PoolControl#runWorker}: the whole core on one thread, for the checks in this package.
 */
final class SingleThreadPlatform implements Platform {
  private final SharedWords words;
  private final boolean outsideThreadLongLived;
  private final boolean sharedHeap;

  SingleThreadPlatform(SharedWords words, boolean outsideThreadLongLived) {
    this(words, outsideThreadLongLived, false);
  }

  /** @param sharedHeap as the JVM (futures completed by the runner) rather than the browser */
  SingleThreadPlatform(SharedWords words, boolean outsideThreadLongLived, boolean sharedHeap) {
    this.words = words;
    this.outsideThreadLongLived = outsideThreadLongLived;
    this.sharedHeap = sharedHeap;
  }

  @Override
  public int[] workerIds() {
    return new int[] {1};
  }

  @Override
  public SharedRegion allocate(int count) {
    return new SharedRegion(words, 0);
  }

  @Override
  public void startWorkers(PoolControl pool, int[] threadIds) {
  }

  @Override
  public boolean outsideThreadsAreLongLived() {
    return outsideThreadLongLived;
  }

  @Override
  public boolean threadsShareOneHeap() {
    return sharedHeap;
  }

  /** One thread (also compiled to WebAssembly, where the atomic future updater must not be used). */
  @Override
  public boolean javaObjectsCrossThreads() {
    return false;
  }
}
