package org.webthreads;

import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.PoolLayout;

/**
 * A pool thread's published statistics in shared memory ({@link PoolLayout#statisticsIndex}), for
 * readers on other heaps (the page, another worker): the thread counts in plain Java fields of its loop
 * and copies them here only at rare moments (see {@link WorkerLoop#publishStatistics}), so counting
 * costs the dispatch path no shared-word operation.
 *
 * <p>Layout: {@code [sequence, run lo, run hi, stolen lo, stolen hi, parked lo, parked hi]}. One writer
 * (the thread itself) makes the sequence odd, writes the counts and makes it even again; a reader takes
 * the counts only when it saw the same even sequence before and after them (a sequence lock), so a
 * 64-bit count is never read half old, half new.
 */
final class StatisticsWords {
  /** Read attempts before a reader gives up on a writer that stays in the middle of a publish. */
  private static final int READ_ATTEMPTS = 1000;

  private StatisticsWords() {
  }

  /** Publishes the counts; called only by the pool thread that owns the words at {@code at}. */
  static void publish(SharedWords words, int at, long run, long stolen, long parked) {
    // All plain sequentially consistent stores by the only writer: the odd sequence tells a reader
    // (read) that the counts after it are changing, the even one after them that they are whole.
    int sequence = words.load(at);
    words.store(at, sequence + 1);
    storeLong(words, at + 1, run);
    storeLong(words, at + 3, stolen);
    storeLong(words, at + 5, parked);
    words.store(at, sequence + 2);
  }

  /**
   * Reads the counts as {@code [run, stolen, parked]}. Never blocks: when the writer stays in the middle
   * of a publish for {@link #READ_ATTEMPTS} reads (it was descheduled there), returns the last counts
   * read, each of which is one the writer published or is publishing.
   */
  static long[] read(SharedWords words, int at) {
    long[] counts = new long[3];
    for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      // Pairs with the sequence stores of publish: the same even value before and after the counts
      // means no publish overlapped these loads.
      int before = words.load(at);
      counts[0] = loadLong(words, at + 1);
      counts[1] = loadLong(words, at + 3);
      counts[2] = loadLong(words, at + 5);
      if ((before & 1) == 0 && words.load(at) == before) {
        break;
      }
    }
    return counts;
  }

  private static void storeLong(SharedWords words, int at, long value) {
    words.store(at, (int) value);
    words.store(at + 1, (int) (value >>> 32));
  }

  private static long loadLong(SharedWords words, int at) {
    return (words.load(at) & 0xFFFFFFFFL) | ((long) words.load(at + 1) << 32);
  }
}
