package org.webthreads.jvm.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.GroupState;

/**
 * The Lincheck target for a task group's shared words ({@link GroupState}): a group with two tasks
 * pending (entered in the constructor, as two submits would), whose tasks end by {@link #complete} or
 * {@link #fail}, and joiners that wait as {@code TaskGroup.join} does on a thread that may block. A
 * join returns what it sees once the group is done: the counts and the first failure's record. Every
 * execution must terminate (a lost wake-up is a hang), and every join must see both tasks' counts and
 * one whole failure record: the first failure in some order of the two failing calls.
 * {@link GroupStateTest} runs it; the subclasses in {@link GroupStateTest} break one step each.
 */
public abstract class GroupStateModel {
  protected final JvmSharedWords words = new JvmSharedWords(GroupState.WORDS);
  protected final GroupState state = new GroupState(words, 0);

  protected GroupStateModel() {
    state.initialize();
    state.enter();
    state.enter();
  }

  /** A joiner: waits until nothing is pending, then reports what it sees. */
  @Operation
  public String join() {
    int pending;
    while ((pending = state.pending()) != 0) {
      state.pendingWait(pending, -1);
    }
    String first = state.failureClassName();
    return "completed=" + state.countOf(GroupState.COMPLETED) + " failed=" + state.countOf(GroupState.FAILED)
        + " cancelled=" + state.isCancelled()
        + " first=" + (first == null ? "none" : first + ":" + state.failureMessage());
  }

  /** A task of the group whose body returned. */
  @Operation
  public void complete() {
    state.count(GroupState.COMPLETED);
    exit();
  }

  /** A task of the group whose body threw failure {@code which} (as GroupTasks.end records it). */
  @Operation
  public void fail(int which) {
    record("Fail" + which, "message of task " + which);
    state.cancel();
    state.count(GroupState.FAILED);
    exit();
  }

  protected void record(String className, String message) {
    state.recordFailure(className, message);
  }

  protected void exit() {
    state.exit();
  }

  /** Sequential specification: the counts so far and the first failure in call order. */
  public static final class Spec {
    private int completed;
    private int failed;
    private String first = "none";

    public String join() {
      if (completed + failed < 2) {
        return "still pending"; // never the real result: a join returns only once both tasks ended
      }
      return "completed=" + completed + " failed=" + failed + " cancelled=" + (failed > 0) + " first=" + first;
    }

    public void complete() {
      completed++;
    }

    public void fail(int which) {
      if (failed++ == 0) {
        first = "Fail" + which + ":message of task " + which;
      }
    }
  }
}
