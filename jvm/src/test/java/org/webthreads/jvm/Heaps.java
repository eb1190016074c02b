package org.webthreads.jvm;

/**
 * The two ways a pool's threads can hold futures: in one heap (the JVM: the thread that ends a task
 * completes its future) or in separate heaps, as browser workers do (results go through the task slot
 * and the future's owner harvests it), emulated on the JVM. Stress tests run both.
 */
enum Heaps {
  SHARED,
  SEPARATE;

  JvmThreads start(int threads) {
    return this == SHARED ? JvmThreads.start(threads) : JvmThreads.startEmulatingSeparateHeaps(threads);
  }
}
