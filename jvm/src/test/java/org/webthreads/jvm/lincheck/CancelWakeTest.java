package org.webthreads.jvm.lincheck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.lincheck.Scenarios.call;

import java.util.List;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.junit.jupiter.api.Test;

/**
 * No joiner sleeps for ever on a slot's state word when the task's future is cancelled while the task
 * still runs ({@link org.webthreads.scheduler.SlotCompletion#wakeWaiters}), also when the task
 * completes at the same time.
 */
public class CancelWakeTest {
  static ModelCheckingOptions options() {
    return new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(CompletionTest.INVOCATIONS)
        .addCustomScenario(scenario(List.of(call("join")), List.of(call("cancel"))))
        .addCustomScenario(scenario(List.of(call("join")), List.of(call("join")), List.of(call("cancel"))))
        .addCustomScenario(scenario(List.of(call("join")), List.of(call("cancel")), List.of(call("complete"))))
        .sequentialSpecification(CancelWakeModel.Spec.class);
  }

  @SafeVarargs
  private static ExecutionScenario scenario(List<Scenarios.Call>... threads) {
    return Scenarios.build(CancelWakeModel.class, List.of(), List.of(threads));
  }

  @Test
  public void noJoinerSleepsForEverAfterACancel() {
    options().check(CancelWakeModel.class);
  }

  @Test
  public void detectsACancelThatWakesNobody() {
    assertHangs(CancelWakeModel.CancelWithoutWake.class);
  }

  @Test
  public void detectsANotifyThatDoesNotChangeTheWord() {
    assertHangs(CancelWakeModel.NotifyWithoutChange.class);
  }

  @Test
  public void detectsAWakeBeforeTheDecision() {
    assertHangs(CancelWakeModel.WakeBeforeDecision.class);
  }

  private static void assertHangs(Class<? extends CancelWakeModel> broken) {
    LincheckAssertionError error = assertThrows(LincheckAssertionError.class, () -> options().check(broken));
    String report = error.getMessage();
    assertTrue(report.contains("= The execution has hung ="), report);
    assertTrue(report.contains("JvmSharedWords.waitWhileEqual"), report);
  }
}
