package org.webthreads;

/**
 * Which thread runs which pool thread's loop, as this heap knows it: the {@link WorkerLoop} of each
 * pool position (made when its thread first runs it) and the thread running it now.
 *
 * <p>{@link #currentLoop} is a scan instead of a ThreadLocal (which cost about a sixth of a fork/join
 * task): each entry of {@code loopThreads} is written only by the thread it names, so a thread finds
 * itself exactly and can never mistake another's loop for its own. The array is written only when a
 * thread starts or stops serving the pool, so the scan reads a cache line nobody writes meanwhile. Pools
 * are a few threads wide (one per core); in the browser only this worker's own entry is ever set.
 */
final class PoolThreads {
  private final Pool pool;
  private final WorkerLoop[] loops;
  /** Entry k: the thread running loops[k] while it serves the pool; written only by that thread. */
  private final Thread[] loopThreads;

  PoolThreads(Pool pool) {
    this.pool = pool;
    int count = pool.shared.layout.threadCount;
    this.loops = new WorkerLoop[count];
    this.loopThreads = new Thread[count];
  }

  /** The loop the calling thread runs for this pool, or null for any other thread. */
  WorkerLoop currentLoop() {
    Thread me = Thread.currentThread();
    Thread[] threads = loopThreads;
    for (int k = 0; k < threads.length; k++) {
      if (threads[k] == me) {
        return loops[k];
      }
    }
    return null;
  }

  /** The loop at pool position {@code index}, made on first use, now bound to the calling thread. */
  WorkerLoop bind(int index, int threadId) {
    WorkerLoop loop = loops[index];
    if (loop == null) {
      loop = new WorkerLoop(pool, index, threadId);
      loops[index] = loop;
    }
    loopThreads[index] = Thread.currentThread();
    loop.thread = Thread.currentThread();
    return loop;
  }

  /** The calling thread no longer serves position {@code index}: its submits go outside again. */
  void unbind(int index) {
    loopThreads[index] = null;
    WorkerLoop loop = loops[index];
    if (loop != null) {
      loop.thread = null;
    }
  }

  /** The loop at {@code index}, or null if no thread ran it on this heap. */
  WorkerLoop loopAt(int index) {
    return loops[index];
  }
}
