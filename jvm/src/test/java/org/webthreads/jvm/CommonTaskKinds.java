package org.webthreads.jvm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.webthreads.TaskKind;

/**
 * Task kinds and their latches that several test classes use (each kind name is registered once
 * per JVM).
 */
final class CommonTaskKinds {
  private CommonTaskKinds() {
  }


  static final TaskKind<Integer> ECHO = TaskKind.register("CommonTaskKinds.echo",
      (args, pool) -> args.readInt());

  /** Blocks every task of this kind until the test opens {@link #gate}; returns its argument. */
  static volatile CountDownLatch gate = new CountDownLatch(0);
  static volatile CountDownLatch gateReached = new CountDownLatch(0);

  static final TaskKind<Integer> GATED = TaskKind.register("CommonTaskKinds.gated", (args, pool) -> {
    int value = args.readInt();
    gateReached.countDown();
    StressSupport.await(gate, "the test opening the gate");
    return value;
  });

  static final AtomicInteger countedRuns = new AtomicInteger();
  static final TaskKind<Integer> COUNTED = TaskKind.register("CommonTaskKinds.counted", (args, pool) -> {
    countedRuns.incrementAndGet();
    return 1;
  });
}
