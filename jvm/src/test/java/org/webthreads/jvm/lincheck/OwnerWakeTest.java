package org.webthreads.jvm.lincheck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.lincheck.Scenarios.call;

import java.util.List;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * A pool thread that sleeps until a future it holds finishes (so that it can harvest it for a thread
 * waiting for a slot) is always woken ({@link OwnerWakeModel}); the same check hangs when the completer
 * ignores the owner's mark or the owner skips its re-check.
 */
public class OwnerWakeTest {
  static ModelCheckingOptions options() {
    return new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(5000)
        .addCustomScenario(Scenarios.build(OwnerWakeModel.class, List.of(),
            List.of(List.of(call("owner")), List.of(call("complete")))))
        .sequentialSpecification(OwnerWakeModel.Spec.class);
  }

  @Test
  public void theOwnerIsWokenWhenItsTaskCompletes() {
    options().check(Real.class);
  }

  @Test
  public void detectsCompleterIgnoringTheMark() {
    assertHangs(IgnoresMark.class);
  }

  @Test
  public void detectsOwnerSkippingTheRecheck() {
    assertHangs(SkipsRecheck.class);
  }

  private static void assertHangs(Class<? extends OwnerWakeModel> broken) {
    LincheckAssertionError error = assertThrows(LincheckAssertionError.class, () -> options().check(broken));
    assertTrue(error.getMessage().contains("= The execution has hung ="), error.getMessage());
  }

  /** The real protocol. */
  public static final class Real extends OwnerWakeModel {
  }

  /** The completer does not wake the sleepers when it sees OWNER_WAKE. */
  public static final class IgnoresMark extends OwnerWakeModel {
    @Override
    protected boolean wakesOwner() {
      return false;
    }
  }

  /** The owner sleeps without looking at the task again after prepareSleep. */
  public static final class SkipsRecheck extends OwnerWakeModel {
    @Override
    protected boolean recheckSeesFinished() {
      return false;
    }
  }
}
