package org.webthreads.jvm.lincheck;

import java.util.ArrayDeque;

/** Sequential specification of a {@link org.webthreads.scheduler.SharedQueue}: a plain FIFO queue. */
public final class FifoSpec {
  private final ArrayDeque<Integer> queue = new ArrayDeque<>();

  public void push(int task) {
    queue.addLast(task);
  }

  public void pushPair(int first, int second) {
    queue.addLast(first);
    queue.addLast(second);
  }

  public int pop() {
    Integer task = queue.pollFirst();
    return task == null ? 0 : task;
  }

  public boolean isEmpty() {
    return queue.isEmpty();
  }
}
