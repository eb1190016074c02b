package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.AsyncWait;
import org.webthreads.PoolConfig;
import org.webthreads.PoolControl;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.memory.SharedWords;

/**
 * {@link PoolControl#slotWait}, the non-blocking wait for a free task slot (the browser's page
 * uses it through WebFutures.whenSlotFree): with every slot held by an unfinished task it names a word
 * to wait on, that word changes when a task finishes, and then a slot is there.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlotWaitTest {
  static final TaskKind<Long> PREPARE_ON_POOL_THREAD = TaskKind.register("slotWait.onPoolThread",
      (args, pool) -> PoolControl.of(pool).slotWait() == null ? 0L : 1L);

  @Test
  void namesAWordThatChangesWhenASlotFrees() throws Exception {
    JvmThreads platform = JvmThreads.start(2);
    try {
      int slots = 16;
      ThreadPool pool = ThreadPool.create(platform, PoolConfig.defaults().withSlotCount(slots),
          platform.workerIds());
      PoolControl control = PoolControl.of(pool);
      assertNull(control.slotWait(), "an empty pool has slots");
      // The gate array is in the arena, not a slot: every slot goes to a gated task.
      SharedIntArray gate = pool.newSharedIntArray(1);
      List<TaskFuture<Integer>> held = new ArrayList<>();
      for (int i = 0; i < slots; i++) {
        held.add(pool.submit(GatedTask.KIND, gate));
      }
      AsyncWait wait = control.slotWait();
      assertNotNull(wait, "every slot is held by an unfinished task");
      int index = wait.wordIndex();
      int value = wait.value();
      SharedWords words = control.words();
      assertEquals(value, words.load(index), "the word holds the value to wait on");

      GatedTask.open(gate, 5);
      // What the page does with Atomics.waitAsync: wait while the word holds the value.
      while (words.load(index) == value) {
        words.waitWhileEqual(index, value, -1);
      }
      assertNull(control.slotWait(), "a finished task's slot is free again");
      for (TaskFuture<Integer> future : held) {
        assertEquals(5, future.join());
      }
      // A pool thread never waits for a slot: it runs queued tasks instead.
      RuntimeException onPool = assertThrows(RuntimeException.class,
          () -> pool.submit(PREPARE_ON_POOL_THREAD).join());
      assertTrue(onPool.getMessage().contains("never waits for a task slot"), onPool.getMessage());
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    } finally {
      platform.close();
    }
  }
}
