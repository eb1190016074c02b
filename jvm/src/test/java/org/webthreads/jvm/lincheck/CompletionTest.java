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
 * No joiner sleeps for ever on a slot's state word ({@link org.webthreads.scheduler.SlotCompletion}),
 * whether the task completes through the slot or inline on a thread that joined it and freed the slot.
 */
public class CompletionTest {
  static final int INVOCATIONS = 5000;

  static ModelCheckingOptions options() {
    return new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(INVOCATIONS)
        .addCustomScenario(scenario(List.of(call("join")), List.of(call("complete"))))
        .addCustomScenario(scenario(List.of(call("join")), List.of(call("completeInline"))))
        .addCustomScenario(scenario(
            List.of(call("join")), List.of(call("join")), List.of(call("completeInline"))))
        .sequentialSpecification(CompletionModel.Spec.class);
  }

  @SafeVarargs
  private static ExecutionScenario scenario(List<Scenarios.Call>... threads) {
    return Scenarios.build(CompletionModel.class, List.of(), List.of(threads));
  }

  @Test
  public void noJoinerSleepsForEver() {
    options().check(RealCompletion.class);
  }

  @Test
  public void detectsHandOverThatDoesNotChangeTheWord() {
    assertHangs(BrokenCompletion.HandOverWithoutChange.class);
  }

  @Test
  public void detectsReuseWithoutANewGeneration() {
    assertHangs(BrokenCompletion.ReuseWithoutGeneration.class);
  }

  @Test
  public void detectsWaiterThatSkipsTheRecheck() {
    assertHangs(BrokenCompletion.AwaitWithoutRecheck.class);
  }

  private static void assertHangs(Class<? extends CompletionModel> broken) {
    LincheckAssertionError error =
        assertThrows(LincheckAssertionError.class, () -> options().check(broken));
    String report = error.getMessage();
    assertTrue(report.contains("= The execution has hung ="), report);
    assertTrue(report.matches("(?s).*\\| join\\(\\): <hung>.*"), report);
    assertTrue(report.contains("JvmSharedWords.waitWhileEqual"), report);
  }

  /** The real protocol. */
  public static final class RealCompletion extends CompletionModel {
  }
}
