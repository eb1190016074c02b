package org.webthreads.examples.pathtracer.tiles;

import java.util.concurrent.TimeUnit;
import org.webthreads.PoolConfig;
import org.webthreads.ThreadPool;
import org.webthreads.jvm.JvmThreads;

/** A pool of JVM threads for the tests of the tile task's parts (they need shared arrays and threads). */
final class TestPool implements AutoCloseable {
  final JvmThreads threads;
  final ThreadPool pool;

  private TestPool(int workers) {
    threads = JvmThreads.start(workers);
    pool = ThreadPool.create(threads, PoolConfig.defaults().withArenaWords(1 << 20), threads.workerIds());
  }

  static TestPool start(int workers) {
    return new TestPool(workers);
  }

  @Override
  public void close() {
    try {
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } finally {
      threads.close();
    }
  }
}
