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
 * shutdown() loses nothing it accepted ({@link ShutdownModel}): in every interleaving Lincheck explores,
 * a submit is refused or its task is taken by a worker before that worker leaves, and every worker
 * leaves.
 */
public class ShutdownTest {
  static final int INVOCATIONS = 5000;

  static ModelCheckingOptions options() {
    return new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(INVOCATIONS)
        // One worker, a submitter racing with the shutdown.
        .addCustomScenario(scenario(
            List.of(call("submit"), call("submit")),
            List.of(call("shutdown")),
            List.of(call("work", 0))))
        // Two workers, two submitters.
        .addCustomScenario(scenario(
            List.of(call("submit")),
            List.of(call("submit"), call("shutdown")),
            List.of(call("work", 0)),
            List.of(call("work", 1))))
        .sequentialSpecification(ShutdownModel.Spec.class);
  }

  @SafeVarargs
  private static ExecutionScenario scenario(List<Scenarios.Call>... threads) {
    return Scenarios.build(ShutdownModel.class, List.of(), List.of(threads));
  }

  @Test
  public void acceptedTasksRunAndWorkersLeave() {
    options().check(RealShutdown.class);
  }

  /** The old rule (leave once shut down and nothing found) loses an accepted task. */
  @Test
  public void detectsWorkerLeavingWithSubmitterInFlight() {
    LincheckAssertionError error = assertThrows(LincheckAssertionError.class,
        () -> options().check(BrokenShutdown.LeavesWithSubmitterInFlight.class));
    assertTrue(error.getMessage().contains("workers took"), error.getMessage());
  }

  /** Without the exit's wake, a worker waiting for the submitter sleeps for ever. */
  @Test
  public void detectsExitThatWakesNobody() {
    LincheckAssertionError error = assertThrows(LincheckAssertionError.class,
        () -> options().check(BrokenShutdown.ExitWakesNobody.class));
    assertTrue(error.getMessage().contains("= The execution has hung ="), error.getMessage());
  }

  /** The real protocol. */
  public static final class RealShutdown extends ShutdownModel {
  }
}
