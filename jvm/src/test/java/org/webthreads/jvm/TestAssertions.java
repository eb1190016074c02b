package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;
import org.webthreads.PoolConfig;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;

/**
 * Assertions for errors (the message names the problem and the fix) and joins with the hang
 * detector.
 */
final class TestAssertions {
  private TestAssertions() {
  }


  static void assertMessageContains(Throwable error, String... parts) {
    String message = error.getMessage();
    assertNotNull(message, () -> error.getClass().getName() + " without a message");
    for (String part : parts) {
      assertTrue(message.contains(part),
          () -> "message of " + error.getClass().getSimpleName() + " lacks \"" + part + "\": " + message);
    }
  }

  static <T extends Throwable> T assertThrowsWith(Class<T> type, Executable call, String... parts) {
    T error = assertThrows(type, call);
    assertMessageContains(error, parts);
    return error;
  }

  /** Joins on a helper thread with the hang detector (join itself has no timeout). */
  static <R> R joinWithin(TaskFuture<R> future) {
    Object[] result = new Object[1];
    StressSupport.within("join of " + future.kind().name(), () -> result[0] = future.join());
    @SuppressWarnings("unchecked")
    R value = (R) result[0];
    return value;
  }

  /** The failure join() reports, waited for with the hang detector. */
  static TaskFailedException failureOf(TaskFuture<?> future) {
    TaskFailedException[] failure = new TaskFailedException[1];
    StressSupport.within("join of " + future.kind().name(), () -> {
      failure[0] = assertThrows(TaskFailedException.class, future::join);
    });
    return failure[0];
  }

  static PoolConfig small() {
    return PoolConfig.defaults().withSlotCount(1024).withArenaWords(1 << 14);
  }
}
