package org.webthreads;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.memory.Arena;

/**
 * {@link TaskProgress}'s sequence lock, model-checked: concurrent adds (small ones and ones that carry
 * into the high word), total changes and reads behave as one atomic pair of long counters
 * ({@link Spec}); a read never returns a count half old, half new, and a writer never loses another's
 * add. Built over plain shared words and an arena (no pool), so that each invocation is cheap.
 */
public class TaskProgressLincheckTest {
  /** Carries from the low word into the high one on every add. */
  private static final long BIG = (1L << 32) - 1;

  private final TaskProgress progress;

  public TaskProgressLincheckTest() {
    JvmSharedWords words = new JvmSharedWords(256);
    Arena arena = new Arena(words, 0, 256);
    arena.initialize();
    progress = TaskProgress.allocate(words, arena, arena.allocate(TaskProgress.WORDS), 10);
  }

  @Operation
  public void addOne() {
    progress.add(1);
  }

  @Operation
  public void addBig() {
    progress.add(BIG);
  }

  @Operation
  public void setTotal() {
    progress.setTotal(BIG + 7);
  }

  @Operation
  public long done() {
    return progress.done();
  }

  @Operation
  public String readBoth() {
    long[] both = new long[2];
    progress.read(both);
    return both[0] + "/" + both[1];
  }

  @Test
  public void modelCheck() {
    new ModelCheckingOptions()
        .iterations(30)
        .invocationsPerIteration(500)
        .threads(3)
        .actorsPerThread(2)
        .actorsBefore(1)
        .actorsAfter(1)
        .sequentialSpecification(Spec.class)
        .check(TaskProgressLincheckTest.class);
  }

  /** Sequential specification: two long counters changed and read atomically. */
  public static final class Spec {
    private long done;
    private long total = 10;

    public void addOne() {
      done += 1;
    }

    public void addBig() {
      done += BIG;
    }

    public void setTotal() {
      total = BIG + 7;
    }

    public long done() {
      return done;
    }

    public String readBoth() {
      return done + "/" + total;
    }
  }
}
