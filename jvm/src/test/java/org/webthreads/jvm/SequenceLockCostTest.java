package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.webthreads.memory.ForwardingSharedWords;
import org.webthreads.memory.SequenceLock;

/**
 * What docs/api.md ("Shared arrays", 64-bit elements) says a SharedLongArray access costs in shared-word
 * operations when no other thread is inside: a read is 4 loads; a write a load, a compareAndSet, two
 * stores and the releasing store; a read-modify-write two more loads.
 */
class SequenceLockCostTest {
  /** Counts every shared-word operation. */
  static final class Counting extends ForwardingSharedWords {
    int operations;

    Counting() {
      super(new JvmSharedWords(8));
    }

    @Override
    public int load(int index) {
      operations++;
      return super.load(index);
    }

    @Override
    public void store(int index, int value) {
      operations++;
      super.store(index, value);
    }

    @Override
    public boolean compareAndSet(int index, int expected, int value) {
      operations++;
      return super.compareAndSet(index, expected, value);
    }

    @Override
    public int getAndAdd(int index, int delta) {
      operations++;
      return super.getAndAdd(index, delta);
    }
  }

  @Test
  void uncontendedAccessesCostWhatTheDocsSay() {
    Counting words = new Counting();
    SequenceLock lock = new SequenceLock(words, 6);
    assertEquals(5, count(words, () -> lock.write(0, 0x1234_5678_9ABC_DEF0L)), "write");
    assertEquals(4, count(words, () -> assertEquals(0x1234_5678_9ABC_DEF0L, lock.read(0))), "read");
    assertEquals(7, count(words, () -> lock.getAndAdd(0, 1)), "getAndAdd");
    assertEquals(7, count(words, () -> lock.compareAndSet(0, 0x1234_5678_9ABC_DEF1L, 5)), "compareAndSet that matches");
    assertEquals(5, count(words, () -> lock.compareAndSet(0, 4, 6)), "compareAndSet that does not match");
    assertEquals(5L, lock.read(0));
    assertEquals(8, words.load(6), "four writers were inside, each moved the sequence on by 2 (even: unlocked)");
  }

  private static int count(Counting words, Runnable action) {
    int before = words.operations;
    action.run();
    return words.operations - before;
  }
}
