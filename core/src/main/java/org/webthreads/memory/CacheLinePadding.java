package org.webthreads.memory;

/**
 * Leading padding for the objects a pool thread writes on every task (its loop's counters, its slot
 * cache, its ring of futures): 132 bytes of unused fields in front of the subclass's fields. Such a
 * class keeps its hot fields in an abstract subclass of this one and declares 16 unused {@code long}s
 * of its own after them (on HotSpot a class's fields follow its superclasses', longs first), so the
 * hot fields have at least 128 bytes on both sides.
 *
 * <p>Why: in the browser every worker has its own heap, but on the JVM the collector copies live
 * objects next to each other, and one thread's per-task writes then invalidated the cache line of a
 * neighbouring object another thread read on every task (a task kind, a ring, the word array). Fork/join
 * throughput on two threads swung between runs, and within a run after a collection, from 34 to 6
 * million tasks per second.
 */
public abstract class CacheLinePadding {
  /** Takes the 4 bytes after a compressed object header, which the JVM would give a subclass's int. */
  int p00;
  long p01, p02, p03, p04, p05, p06, p07, p08;
  long p09, p10, p11, p12, p13, p14, p15, p16;
}
