package org.webthreads.jvm.lincheck;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.memory.SequenceLock;

/**
 * {@link SequenceLock} (what {@code SharedLongArray} stands on) makes two 64-bit values, each two
 * 32-bit words guarded by one lock word, behave as two atomic longs ({@link Spec}): reads never see
 * half of a write, compareAndSet and getAndAdd (with a carry into the high word) are indivisible, and
 * the lock word is even (unlocked) after every scenario. The values differ in both halves, so a torn
 * read is a value nobody wrote; {@link #detectsReadsThatSkipTheSequenceCheck} shows the check finds one.
 */
@Param(name = "element", gen = IntGen.class, conf = "0:1")
@Param(name = "value", gen = IntGen.class, conf = "0:3")
public class SequenceLockTest {
  /** Each differs from the others in both 32-bit halves (or is 0). */
  static final long[] VALUES = {0L, -1L, 0x1_0000_0002L, 0x7FFF_FFFF_0000_0003L};
  /** Deltas for getAndAdd: 0xFFFFFFFF carries into the high word. */
  static final long[] DELTAS = {1L, 0xFFFF_FFFFL, -1L, 1L << 32};
  private static final int LOCK = 4;

  final JvmSharedWords words = new JvmSharedWords(5);
  final SequenceLock lock = new SequenceLock(words, LOCK);

  @Operation
  public long get(@Param(name = "element") int element) {
    return lock.read(2 * element);
  }

  @Operation
  public void set(@Param(name = "element") int element, @Param(name = "value") int value) {
    lock.write(2 * element, VALUES[value]);
  }

  @Operation
  public boolean compareAndSet(@Param(name = "element") int element, @Param(name = "value") int expected,
      @Param(name = "value") int value) {
    return lock.compareAndSet(2 * element, VALUES[expected], VALUES[value]);
  }

  @Operation
  public long getAndAdd(@Param(name = "element") int element, @Param(name = "value") int delta) {
    return lock.getAndAdd(2 * element, DELTAS[delta]);
  }

  @Validate
  public void unlockedAtTheEnd() {
    if ((words.load(LOCK) & 1) != 0) {
      throw new IllegalStateException("lock word " + words.load(LOCK) + " is odd (locked) at the end");
    }
  }

  static ModelCheckingOptions options() {
    return new ModelCheckingOptions()
        .iterations(40)
        .invocationsPerIteration(1000)
        .threads(3)
        .actorsPerThread(2)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(Spec.class);
  }

  @Test
  public void modelCheck() {
    options().check(SequenceLockTest.class);
  }

  @Test
  public void detectsReadsThatSkipTheSequenceCheck() {
    assertThrows(LincheckAssertionError.class, () -> options().check(TornReads.class));
  }

  /** Broken on purpose: reads both halves without the sequence check, so a read can tear. */
  public static class TornReads extends SequenceLockTest {
    @Override
    @Operation
    public long get(@Param(name = "element") int element) {
      return lock.loadHalves(2 * element);
    }
  }

  /** Sequential specification: two plain longs. */
  public static final class Spec {
    private final long[] values = new long[2];

    public long get(int element) {
      return values[element];
    }

    public void set(int element, int value) {
      values[element] = VALUES[value];
    }

    public boolean compareAndSet(int element, int expected, int value) {
      if (values[element] != VALUES[expected]) {
        return false;
      }
      values[element] = VALUES[value];
      return true;
    }

    public long getAndAdd(int element, int delta) {
      long before = values[element];
      values[element] += DELTAS[delta];
      return before;
    }
  }
}
