package org.webthreads.jvm.lincheck;

import static org.webthreads.jvm.lincheck.Scenarios.call;

import java.util.List;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.LockFreeSharedQueue;
import org.webthreads.scheduler.SharedQueue;

/**
 * {@link LockFreeSharedQueue} on a capacity of 2, where every second push reuses a cell: a producer
 * that laps a consumer still between its claim and its hand-over must wait for it, never fail (it
 * threw "shared queue overflow" before, seen under load with 131,072 cells). Each thread pushes one
 * task and pops one, so the queue never holds more than 2.
 */
public class LockFreeSharedQueueLapTest {
  private final LockFreeSharedQueue queue;

  public LockFreeSharedQueueLapTest() {
    JvmSharedWords words = new JvmSharedWords(LockFreeSharedQueue.wordsFor(2));
    queue = new LockFreeSharedQueue(words, 0, 2);
    queue.initialize();
    queue.push(9); // positions start one past the first cell, so the scenario's pushes lap
    queue.pop();
  }

  @Operation
  public void push(int task) {
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
  public void aProducerWaitsForTheConsumerItLaps() {
    new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(5000)
        .addCustomScenario(Scenarios.build(LockFreeSharedQueueLapTest.class, List.of(),
            List.of(List.of(call("push", 1), call("pop"), call("push", 3), call("pop")),
                List.of(call("push", 2), call("pop"), call("push", 4), call("pop")))))
        .sequentialSpecification(FifoSpec.class)
        .check(LockFreeSharedQueueLapTest.class);
  }
}
