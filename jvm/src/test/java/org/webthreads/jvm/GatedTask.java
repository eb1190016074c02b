package org.webthreads.jvm;

import org.webthreads.SharedIntArray;
import org.webthreads.TaskKind;

/**
 * A task that holds its slot (and blocks its worker) until a gate opens: for tests that need every slot
 * or a long-running task held on purpose, without timing.
 */
public final class GatedTask {
  /** Argument: the gate, a {@link SharedIntArray} whose element 0 is 0 while closed. Returns that value. */
  public static final TaskKind<Integer> KIND = TaskKind.register("test.gated", (args, pool) -> {
    SharedIntArray gate = args.readSharedIntArray();
    while (gate.get(0) == 0) {
      gate.awaitChange(0, 0);
    }
    return gate.get(0);
  });

  private GatedTask() {
  }

  /** Opens {@code gate} with {@code value} (not 0) and wakes the tasks waiting on it. */
  public static void open(SharedIntArray gate, int value) {
    gate.set(0, value);
    gate.notifyWaiters(0);
  }
}
