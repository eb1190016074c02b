package org.webthreads.jvm.lincheck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.lincheck.Scenarios.call;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * No lost wake-ups after a pool thread that was counted as a searcher stopped for good and was
 * retired ({@link org.webthreads.scheduler.Parking#retire}): see {@link RetiredThreadParkingModel}.
 */
public class RetiredThreadParkingTest {
  static ModelCheckingOptions options() {
    return new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(ParkingTest.INVOCATIONS)
        // A submit before, during or after the retire: the retire's own wake covers the earlier ones.
        .addCustomScenario(scenario(
            List.of(call("work", 0, 1)),
            List.of(call("submit")),
            List.of(call("retire"))))
        // After the retire, a sleeper must be woken although the dead searcher is still counted.
        .addCustomScenario(scenario(
            List.of(call("work", 0, 2)),
            List.of(call("retire"), call("submit"), call("submit"))))
        .addCustomScenario(scenario(
            List.of(call("work", 0, 1)),
            List.of(call("work", 1, 1)),
            List.of(call("retire"), call("submit")),
            List.of(call("submit"))))
        .sequentialSpecification(RetiredThreadParkingModel.Spec.class);
  }

  @SafeVarargs
  private static ExecutionScenario scenario(List<Scenarios.Call>... threads) {
    return Scenarios.build(RetiredThreadParkingModel.class, List.of(), List.of(threads));
  }

  @Test
  public void noWakeUpIsLostAfterRetire() {
    options().check(RetiredThreadParkingModel.Real.class);
  }

  /** Without the degraded mark the dead searcher suppresses a wake-up: the same check hangs. */
  @Test
  public void detectsRetireThatLeavesTheSearcherCount() {
    LincheckAssertionError error = assertThrows(LincheckAssertionError.class,
        () -> options().check(RetiredThreadParkingModel.RetiresWithoutDegrading.class));
    String report = error.getMessage();
    assertTrue(report.contains("= The execution has hung ="), report);
    assertTrue(report.contains("JvmSharedWords.waitWhileEqual"), report);
  }
}
