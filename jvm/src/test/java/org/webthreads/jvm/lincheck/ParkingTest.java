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
 * No lost wake-ups in {@link org.webthreads.scheduler.Parking}: in every interleaving Lincheck explores,
 * every worker of {@link ParkingModel} gets the tasks submitted for it and returns (a worker stuck in
 * the futex wait is reported as a hang), and afterwards the idle and park words are back to rest.
 */
public class ParkingTest {

  /**
   * Custom scenarios only (random ones could ask a worker for more tasks than are ever submitted): each
   * submits exactly the tasks its workers take.
   */
  static ModelCheckingOptions options() {
    return new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(INVOCATIONS)
        // One worker sleeps, is woken, and must sleep and be woken again.
        .addCustomScenario(scenario(
            List.of(call("work", 0, 2)),
            List.of(call("submit")),
            List.of(call("submit"))))
        // Two workers: a woken searcher that finds a task must wake the next sleeper (foundWork),
        // and a submit that sees a searcher wakes nobody.
        .addCustomScenario(scenario(
            List.of(call("work", 0, 1)),
            List.of(call("work", 1, 1)),
            List.of(call("submit"), call("submit"))))
        .addCustomScenario(scenario(
            List.of(call("work", 0, 1)),
            List.of(call("work", 1, 1)),
            List.of(call("submit")),
            List.of(call("submit"))))
        .sequentialSpecification(ParkingModel.Spec.class);
  }

  static final int INVOCATIONS = 5000;

  @SafeVarargs
  private static ExecutionScenario scenario(List<Scenarios.Call>... threads) {
    return Scenarios.build(ParkingModel.class, List.of(), List.of(threads));
  }

  @Test
  public void noWakeUpIsLost() {
    options().check(RealParking.class);
  }

  /** The same check fails, with a hung worker, when the worker skips the re-check. */
  @Test
  public void detectsWorkerSkippingTheRecheck() {
    assertHangs(BrokenParking.SkipsRecheck.class);
  }

  /** The same check fails, with a hung worker, when the submitter reads the idle word too early. */
  @Test
  public void detectsSubmitterNotifyingBeforePublishing() {
    assertHangs(BrokenParking.NotifiesBeforePublishing.class);
  }

  private static void assertHangs(Class<? extends ParkingModel> broken) {
    LincheckAssertionError error = assertThrows(LincheckAssertionError.class, () -> options().check(broken));
    String report = error.getMessage();
    // A hang, not some other failure: a worker is blocked for ever in the futex wait.
    assertTrue(report.contains("= The execution has hung ="), report);
    assertTrue(report.contains("All unfinished threads are in deadlock"), report);
    assertTrue(report.matches("(?s).*\\| work\\(\\d, \\d\\): <hung>.*"), report);
    assertTrue(report.contains("JvmSharedWords.waitWhileEqual"), report);
  }

  /** The real protocol. */
  public static final class RealParking extends ParkingModel {
  }
}
