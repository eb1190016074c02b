package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webthreads.ArenaFullException;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Arguments whose encoded size passes what an {@code int} counts are refused with a clear error before
 * anything is written, and the pool works on (the size used to wrap negative, and some 2.36M words were
 * written "inline" over the slots, the queue and the arena).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArgumentSizeTest {
  static final TaskKind<Integer> COUNT_ARGS = TaskKind.register("ArgumentSizeTest.countArgs",
      (args, pool) -> {
        int count = 0;
        while (args.hasNext()) {
          args.readValue();
          count++;
        }
        return count;
      });

  static final TaskKind<Integer> SUM = TaskKind.register("ArgumentSizeTest.sum", (args, pool) -> {
    int[] values = args.readIntArray();
    int sum = 0;
    for (int v : values) {
      sum += v;
    }
    return sum;
  });

  /** 2,048 references to one array of 2^20 ints wrap to a negative size; 4,096 wrap to 8,192 words. */
  @ParameterizedTest
  @ValueSource(ints = {2048, 4096})
  void argumentsPastIntAreRefusedAndThePoolWorksOn(int copies) {
    JvmThreads threads = JvmThreads.start(2);
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    Object[] huge = new Object[copies];
    Arrays.fill(huge, new int[1 << 20]);
    ArenaFullException refused = assertThrows(ArenaFullException.class,
        () -> pool.submit(COUNT_ARGS, huge));
    TestAssertions.assertMessageContains(refused, "'ArgumentSizeTest.countArgs'", "arguments take",
        (long) copies * ((1 << 20) + 2) + " words", "nothing was submitted", "SharedIntArray");
    assertThrows(ArenaFullException.class, () -> pool.execute(COUNT_ARGS, huge));
    assertEquals(0, pool.arenaWordsInUse(), "nothing was written");

    StressSupport.within("the pool after the refusal", () -> {
      // Large arguments and shared arrays still work, and the slots are intact.
      int[] ones = new int[100_000];
      Arrays.fill(ones, 1);
      assertEquals(100_000, pool.submit(SUM, (Object) ones).join());
      SharedIntArray array = pool.newSharedIntArray(50_000);
      array.set(49_999, 3);
      assertEquals(3, array.get(49_999));
      array.free();
      for (int i = 0; i < 1_000; i++) {
        assertEquals(1, pool.submit(COUNT_ARGS, i).join());
      }
    });
    StressSupport.shutdownAndClose(pool, threads);
  }
}
