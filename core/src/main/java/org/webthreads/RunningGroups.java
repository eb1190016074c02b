package org.webthreads;

/**
 * The task groups whose tasks are on the calling thread's stack (a join may run a group's task on top
 * of another's), so that a join can refuse to wait for a group that has a task below it on its own
 * stack: that task cannot end before the join returns, so the join would wait for ever. Per thread and
 * private to it (a ThreadLocal; in the browser every worker has its own heap anyway); group tasks only,
 * so the dispatch of other tasks does not touch it.
 */
final class RunningGroups {
  private static final ThreadLocal<RunningGroups> OF_THREAD = new ThreadLocal<>();

  private int[] ids = new int[8];
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

  /** A task of group {@code id} starts its body on this thread. */
  void push(int id) {
    if (size == ids.length) {
      int[] bigger = new int[size * 2];
      System.arraycopy(ids, 0, bigger, 0, size);
      ids = bigger;
    }
    ids[size++] = id;
  }

  /** The task that {@link #push}ed last ended. */
  void pop() {
    size--;
  }

  /** Whether a task of group {@code id} is on this thread's stack. */
  boolean contains(int id) {
    for (int i = 0; i < size; i++) {
      if (ids[i] == id) {
        return true;
      }
    }
    return false;
  }
}
