package org.webthreads;

import org.webthreads.scheduler.GroupState;

/**
 * The task groups whose tasks are on the calling thread's stack (a join may run a group's task on top
 * of another's), so that a join can refuse to wait for a group that has a task below it on its own
 * stack: that task cannot end before the join returns, so the join would wait for ever; and so that,
 * when an error Java cannot catch unwinds the stack (in the browser a JavaScript error such as a stack
 * overflow's RangeError), each of those tasks still leaves its group, failed ({@link #abandonAll}),
 * instead of keeping the group from ending for good. Per thread and private to it (a ThreadLocal; in
 * the browser every worker has its own heap anyway); group tasks only, so the dispatch of other tasks
 * does not touch it.
 */
final class RunningGroups {
  private static final ThreadLocal<RunningGroups> OF_THREAD = new ThreadLocal<>();

  private GroupState[] states = new GroupState[8];
  private int size;

  private RunningGroups() {
  }

  static RunningGroups ofThisThread() {
    RunningGroups groups = OF_THREAD.get();
    if (groups == null) {
      groups = new RunningGroups();
      OF_THREAD.set(groups);
    }
    return groups;
  }

  /** A task of the group {@code state} starts its body on this thread. */
  void push(GroupState state) {
    if (size == states.length) {
      states = java.util.Arrays.copyOf(states, size * 2);
    }
    states[size++] = state;
  }

  /** The task that {@link #push}ed last ended its body (it leaves its group next). */
  void pop() {
    states[--size] = null;
  }

  /** Whether a task of group {@code id} is on this thread's stack. */
  boolean contains(int id) {
    for (int i = 0; i < size; i++) {
      if (states[i].base() == id) {
        return true;
      }
    }
    return false;
  }

  /**
   * After an error Java cannot catch unwound this thread's stack: every group task that was on it
   * leaves its group as failed with {@code failure} (innermost first), as its own ending would have
   * done had it run.
   */
  void abandonAll(Throwable failure) {
    while (size > 0) {
      GroupState state = states[size - 1];
      pop();
      GroupTasks.end(state, failure);
    }
  }
}
