package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.TaskProgress;
import org.webthreads.ThreadPool;

/**
 * TaskProgress: adds from many threads all count, 64-bit counts are never read torn, the total and
 * completeness, and its lifetime rules (use after free here and in a task's view, a freed progress or
 * one of another pool at submit, a plain SharedIntArray read as a progress, bad counts).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskProgressTest {
  /** Arguments: progress, times, units. Adds units to the progress, times times. */
  static final TaskKind<Integer> ADD = TaskKind.register("TaskProgressTest.add", (args, pool) -> {
    TaskProgress progress = args.readTaskProgress();
    int times = args.readInt();
    long units = args.readLong();
    for (int i = 0; i < times; i++) {
      progress.add(units);
    }
    return times;
  });

  /**
   * Arguments: progress, gate, started. Reads the progress, sets started[0] (and wakes its waiters),
   * waits for the gate, then adds 1 (fails if the progress was freed meanwhile).
   */
  static final TaskKind<Long> ADD_AFTER_GATE = TaskKind.register("TaskProgressTest.addAfterGate",
      (args, pool) -> {
        TaskProgress progress = args.readTaskProgress();
        SharedIntArray gate = args.readSharedIntArray();
        SharedIntArray started = args.readSharedIntArray();
        started.set(0, 1);
        started.notifyWaiters(0);
        while (gate.get(0) == 0) {
          gate.awaitChange(0, 0);
        }
        progress.add(1);
        return progress.done();
      });

  /** Reads its SharedIntArray argument as a progress. */
  static final TaskKind<Long> READ_AS_PROGRESS = TaskKind.register("TaskProgressTest.readAsProgress",
      (args, pool) -> args.readTaskProgress().done());

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void addsFromManyThreadsAllCount(Heaps heaps) {
    try (JvmThreads threads = heaps.start(4)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      int tasks = 64;
      int times = 500;
      TaskProgress progress = pool.newTaskProgress(tasks * times);
      assertEquals(0, progress.done());
      assertEquals(tasks * times, progress.total());
      assertFalse(progress.isComplete());
      List<TaskFuture<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        futures.add(pool.submit(ADD, progress, times, 1L));
      }
      for (TaskFuture<Integer> future : futures) {
        future.join();
      }
      assertEquals(tasks * times, progress.done());
      assertTrue(progress.isComplete());
      assertEquals(1.0, progress.fraction());
      progress.free();
      pool.shutdown();
    }
  }

  /**
   * Counts past 2^32 from many threads while another thread reads: every value read is a multiple of
   * the step (a read mixing the halves of two values would not be) and never smaller than the last.
   */
  @ParameterizedTest
  @EnumSource(Heaps.class)
  void countsPastIntAreNeverReadTorn(Heaps heaps) throws Exception {
    try (JvmThreads threads = heaps.start(3)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      long step = (1L << 31) + 7; // crosses a 32-bit boundary every other add
      int tasks = 12;
      int times = 2000;
      TaskProgress progress = pool.newTaskProgress(TaskProgress.UNKNOWN_TOTAL);
      AtomicReference<String> problem = new AtomicReference<>();
      boolean[] stop = new boolean[1];
      Thread reader = new Thread(() -> {
        long last = 0;
        long[] both = new long[2];
        while (!stopped(stop)) {
          progress.read(both);
          long done = both[0];
          if (done % step != 0 || done < last) {
            problem.set("read " + done + " after " + last);
            return;
          }
          last = done;
        }
      });
      reader.start();
      List<TaskFuture<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        futures.add(pool.submit(ADD, progress, times, step));
      }
      for (TaskFuture<Integer> future : futures) {
        future.join();
      }
      synchronized (stop) {
        stop[0] = true;
      }
      reader.join();
      assertEquals(null, problem.get());
      assertEquals(tasks * times * step, progress.done());
      assertTrue(progress.done() > 4L * Integer.MAX_VALUE);
      assertFalse(progress.isComplete(), "a progress with an unknown total is never complete");
      progress.setTotal(tasks * times * step);
      assertTrue(progress.isComplete());
      pool.shutdown();
    }
  }

  private static boolean stopped(boolean[] stop) {
    synchronized (stop) {
      return stop[0];
    }
  }

  @Test
  void badCountsAreRefused() {
    try (JvmThreads threads = JvmThreads.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      IllegalArgumentException negativeTotal = assertThrows(IllegalArgumentException.class,
          () -> pool.newTaskProgress(-5));
      assertTrue(negativeTotal.getMessage().contains("UNKNOWN_TOTAL"), negativeTotal.getMessage());
      TaskProgress progress = pool.newTaskProgress(10);
      IllegalArgumentException negativeAdd = assertThrows(IllegalArgumentException.class,
          () -> progress.add(-1));
      assertTrue(negativeAdd.getMessage().contains("only moves forward"), negativeAdd.getMessage());
      assertThrows(IllegalArgumentException.class, () -> progress.setTotal(-1));
      progress.add(Long.MAX_VALUE - 1);
      IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class, () -> progress.add(2));
      assertTrue(overflow.getMessage().contains("overflows"), overflow.getMessage());
      // The refused add left the progress usable.
      progress.add(1);
      assertEquals(Long.MAX_VALUE, progress.done());
      progress.free();
      pool.shutdown();
    }
  }

  @ParameterizedTest
  @EnumSource(Heaps.class)
  void useAfterFreeIsAnError(Heaps heaps) {
    try (JvmThreads threads = heaps.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      TaskProgress progress = pool.newTaskProgress(3);
      SharedIntArray gate = pool.newSharedIntArray(1);
      SharedIntArray started = pool.newSharedIntArray(1);
      TaskFuture<Long> late = pool.submit(ADD_AFTER_GATE, progress, gate, started);
      while (started.get(0) == 0) {
        started.awaitChange(0, 0); // the task holds its view of the progress before the free
      }
      progress.free();
      assertTrue(progress.isFreed());
      IllegalStateException add = assertThrows(IllegalStateException.class, () -> progress.add(1));
      assertTrue(add.getMessage().contains("newTaskProgress"), add.getMessage());
      assertThrows(IllegalStateException.class, progress::done);
      assertThrows(IllegalStateException.class, progress::free);
      IllegalArgumentException submit = assertThrows(IllegalArgumentException.class,
          () -> pool.submit(ADD, progress, 1, 1L));
      assertTrue(submit.getMessage().contains("freed"), submit.getMessage());
      // The task's view, used after the free (the arena has not reused the words: nothing else was
      // allocated), fails on its next use.
      GatedTask.open(gate, 1);
      TaskFailedException failed = assertThrows(TaskFailedException.class, late::join);
      assertTrue(failed.getMessage().contains("freed through another view"), failed.getMessage());
      pool.shutdown();
    }
  }

  @Test
  void aProgressOfAnotherPoolOrAPlainArrayIsRefused() {
    try (JvmThreads threads = JvmThreads.start(2)) {
      ThreadPool first = ThreadPool.create(threads, threads.workerIds()[0]);
      ThreadPool second = ThreadPool.create(threads, threads.workerIds()[1]);
      TaskProgress progress = first.newTaskProgress(1);
      IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
          () -> second.submit(ADD, progress, 1, 1L));
      assertTrue(other.getMessage().contains("another pool"), other.getMessage());
      SharedIntArray plain = first.newSharedIntArray(6);
      TaskFailedException notProgress = assertThrows(TaskFailedException.class,
          () -> first.submit(READ_AS_PROGRESS, plain).join());
      assertTrue(notProgress.getMessage().contains("holds no live progress"), notProgress.getMessage());
      progress.free();
      first.shutdown();
      second.shutdown();
    }
  }
}
