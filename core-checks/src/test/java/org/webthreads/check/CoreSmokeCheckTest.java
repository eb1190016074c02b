package org.webthreads.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.webthreads.PoolConfig;

/**
 * The single-thread checks that the build also compiles to WebAssembly GC run correctly on the JVM, and
 * the dispatch paths stay within their budget of shared-word operations per task (in the browser each
 * one is an Atomics call): a change that adds one to a hot path fails here.
 */
class CoreSmokeCheckTest {
  @Test
  void wholeCoreRunsOnOneThread() {
    assertEquals("fib(15)=610 concat=x420.5 sum=45 exit=SHUTDOWN", CoreSmokeCheck.run());
  }

  /** The counts measured when the budget was set (docs/scheduler.md); lower is fine. */
  private static final Map<String, Double> BROWSER_LOCK_FREE = Map.of(
      "submitFromOutside", 15.9, "runFromSharedQueue", 10.0, "spawnAndRunInPool", 25.9,
      "submitAndJoinFromOutside", 40.6, "forkJoinInPool", 4.0, "forkJoinInPoolWithoutPrivateForks", 21.0);
  private static final Map<String, Double> BROWSER_LOCKED = Map.of(
      "submitFromOutside", 12.0, "runFromSharedQueue", 13.0, "spawnAndRunInPool", 25.0,
      "submitAndJoinFromOutside", 39.6, "forkJoinInPool", 4.0, "forkJoinInPoolWithoutPrivateForks", 21.0);
  private static final Map<String, Double> JVM_LOCK_FREE = Map.of(
      "submitFromOutside", 15.9, "runFromSharedQueue", 10.0, "spawnAndRunInPool", 25.9,
      "submitAndJoinFromOutside", 28.9, "forkJoinInPool", 4.0, "forkJoinInPoolWithoutPrivateForks", 20.0);

  @Test
  void dispatchStaysWithinItsSharedWordBudget() {
    assertWithin(BROWSER_LOCK_FREE, DispatchCostCount.run(PoolConfig.QueueKind.LOCK_FREE, false));
    assertWithin(BROWSER_LOCKED, DispatchCostCount.run(PoolConfig.QueueKind.LOCKED, false));
    assertWithin(JVM_LOCK_FREE, DispatchCostCount.run(PoolConfig.QueueKind.LOCK_FREE, true));
  }

  private static void assertWithin(Map<String, Double> budget, String json) {
    for (Map.Entry<String, Double> entry : budget.entrySet()) {
      Matcher m = Pattern.compile("\"" + entry.getKey() + "\":([0-9.]+)").matcher(json);
      assertTrue(m.find(), entry.getKey() + " missing from " + json);
      double count = Double.parseDouble(m.group(1));
      assertTrue(count <= entry.getValue(), entry.getKey() + ": " + count + " shared-word operations per "
          + "task, over the budget of " + entry.getValue() + " (" + json + ")");
    }
  }
}
