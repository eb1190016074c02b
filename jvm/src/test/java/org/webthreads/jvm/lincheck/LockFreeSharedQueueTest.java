package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.LockFreeSharedQueue;
import org.webthreads.scheduler.SharedQueue;

/**
 * {@link LockFreeSharedQueue} is a linearizable FIFO queue ({@link FifoSpec}) under any number of
 * producers and consumers. {@code pop} returns {@link SharedQueue#BUSY} when the oldest cell is claimed
 * but not yet written; that is not a linearizable answer on its own (the queue is not empty), so the
 * operation retries until it gets a task or {@link SharedQueue#EMPTY}, as a consumer that must have the
 * task would. The scenarios start with the positions a few cells before the end of the buffer, so cells
 * are reused with the next lap's sequence numbers.
 */
@Param(name = "task", gen = IntGen.class, conf = "1:9")
public class LockFreeSharedQueueTest {
  static final int BASE = 1;
  static final int CAPACITY = 16;

  private final LockFreeSharedQueue queue;

  public LockFreeSharedQueueTest() {
    JvmSharedWords words = new JvmSharedWords(BASE + LockFreeSharedQueue.wordsFor(CAPACITY));
    queue = new LockFreeSharedQueue(words, BASE, CAPACITY);
    queue.initialize();
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
  public int pop() {
    while (true) {
      int task = queue.pop();
      if (task != SharedQueue.BUSY) {
        return task;
      }
    }
  }

  @Test
  public void modelCheck() {
    // At most 2 + 3 * 3 + 2 pushes: the capacity is never exceeded.
    new ModelCheckingOptions()
        .iterations(30)
        .invocationsPerIteration(1000)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(2)
        .sequentialSpecification(FifoSpec.class)
        .check(LockFreeSharedQueueTest.class);
  }
}
