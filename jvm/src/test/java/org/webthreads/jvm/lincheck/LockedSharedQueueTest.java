package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.LockedSharedQueue;

/**
 * {@link LockedSharedQueue} is a linearizable FIFO queue ({@link FifoSpec}) under any number of
 * producers and consumers: push, pushBatch (atomic, as the ring's overflow relies on), pop including its
 * unlocked empty peek, and isEmpty. Contended pushes and pops go through the futex mutex's waiting path.
 */
@Param(name = "task", gen = IntGen.class, conf = "1:9")
public class LockedSharedQueueTest {
  static final int BASE = 2;
  static final int CAPACITY = 16;

  private final LockedSharedQueue queue;

  public LockedSharedQueueTest() {
    JvmSharedWords words = new JvmSharedWords(BASE + LockedSharedQueue.wordsFor(CAPACITY));
    queue = new LockedSharedQueue(words, BASE, CAPACITY);
    // Start near the end of the cells, so that scenarios wrap around the buffer.
    for (int i = 0; i < CAPACITY - 3; i++) {
      queue.push(100 + i);
      queue.pop();
    }
  }

  @Operation
  public void push(@Param(name = "task") int task) {
    queue.push(task);
  }

  @Operation
  public void pushPair(@Param(name = "task") int first, @Param(name = "task") int second) {
    queue.pushBatch(new int[] {first, second}, 2);
  }

  @Operation
  public int pop() {
    return queue.pop();
  }

  @Operation
  public boolean isEmpty() {
    return queue.isEmpty();
  }

  @Test
  public void modelCheck() {
    // At most 2 + 3 * 2 + 1 operations, each pushing at most 2: the capacity is never exceeded.
    new ModelCheckingOptions()
        .iterations(30)
        .invocationsPerIteration(1000)
        .threads(3)
        .actorsPerThread(2)
        .actorsBefore(2)
        .actorsAfter(1)
        .sequentialSpecification(FifoSpec.class)
        .check(LockedSharedQueueTest.class);
  }
}
