package org.webthreads.jvm.lincheck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.webthreads.jvm.lincheck.Scenarios.call;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.webthreads.scheduler.GroupState;

/**
 * A task group's shared words ({@link GroupState}): no joiner sleeps for ever on the PENDING word, and
 * a joiner that sees the group done sees every count and one whole first-failure record. Two broken
 * variants show that the check can fail: a notify before the decrement (hangs), and two failures
 * writing the record without claiming it (a join sees one failure's class with the other's message).
 * (A third, a task that counts itself after its exit, is not caught by this model: the checker found no
 * interleaving that runs a join between that exit's notify and the count in 5,000 invocations.)
 */
public class GroupStateTest {
  static final int INVOCATIONS = 5000;

  static ModelCheckingOptions options() {
    return new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(INVOCATIONS)
        .addCustomScenario(scenario(List.of(), List.of(call("join")), List.of(call("complete")),
            List.of(call("fail", 0))))
        .addCustomScenario(scenario(List.of(), List.of(call("join")), List.of(call("fail", 0)),
            List.of(call("fail", 1))))
        .addCustomScenario(scenario(List.of(call("complete")), List.of(call("join")), List.of(call("join")),
            List.of(call("fail", 1))))
        .addCustomScenario(scenario(List.of(call("fail", 0)), List.of(call("join")), List.of(call("complete"))))
        .sequentialSpecification(GroupStateModel.Spec.class);
  }

  @SafeVarargs
  private static ExecutionScenario scenario(List<Scenarios.Call> init, List<Scenarios.Call>... threads) {
    return Scenarios.build(GroupStateModel.class, init, List.of(threads));
  }

  @Test
  public void joinersWakeAndSeeEveryCountAndOneWholeFailure() {
    options().check(RealGroupState.class);
  }

  @Test
  public void detectsANotifyBeforeTheDecrement() {
    LincheckAssertionError error =
        assertThrows(LincheckAssertionError.class, () -> options().check(NotifyBeforeDecrement.class));
    String report = error.getMessage();
    assertTrue(report.contains("= The execution has hung ="), report);
    assertTrue(report.contains("JvmSharedWords.waitWhileEqual"), report);
  }

  @Test
  public void detectsARecordWrittenWithoutItsClaim() {
    LincheckAssertionError error =
        assertThrows(LincheckAssertionError.class, () -> options().check(RecordWithoutClaim.class));
    String report = error.getMessage();
    assertTrue(report.contains("Fail0:message of task 1") || report.contains("Fail1:message of task 0"), report);
  }

  /** The real protocol. */
  public static final class RealGroupState extends GroupStateModel {
  }

  /** Notifies when it is about to bring PENDING to 0, before the decrement. */
  public static final class NotifyBeforeDecrement extends GroupStateModel {
    @Override
    protected void exit() {
      if (words.load(GroupState.PENDING) == 1) {
        words.notify(GroupState.PENDING, Integer.MAX_VALUE);
      }
      words.getAndAdd(GroupState.PENDING, -1);
    }
  }

  /** Each failure writes the record's text and lengths without the claiming CAS. */
  public static final class RecordWithoutClaim extends GroupStateModel {
    @Override
    protected void record(String className, String message) {
      String text = className + message;
      for (int i = 0; i < text.length(); i += 2) {
        int low = text.charAt(i);
        int high = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        words.store(GroupState.TEXT + i / 2, low | high << 16);
      }
      words.store(GroupState.CLASS_CHARS, className.length());
      words.store(GroupState.MESSAGE_CHARS, message.length());
      words.store(GroupState.FAILURE_STATE, 2);
    }
  }
}
