package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webthreads.check.CoreSmokeCheck;
import org.webthreads.check.DispatchCostCount;
import org.webthreads.PoolConfig;

/** The single-thread checks that the build also compiles to WebAssembly GC run correctly on the JVM. */
class CoreSmokeCheckTest {
  @Test
  void wholeCoreRunsOnOneThread() {
    assertEquals("fib(15)=610 concat=x420.5 sum=45 exit=SHUTDOWN", CoreSmokeCheck.run());
  }

  @Test
  void dispatchCostCountRuns() {
    String json = DispatchCostCount.run(PoolConfig.QueueKind.LOCK_FREE);
    assertTrue(json.startsWith("{\"queue\":\"LOCK_FREE\",\"submitFromOutside\":"), json);
  }
}
