package org.webthreads;

import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.PoolLayout;
import org.webthreads.scheduler.TaskSlots;

/**
 * The published tasks whose bodies are on a pool thread's stack, kept twice:
 * <ul>
 *   <li>in plain arrays of this thread (every frame: its slot, and for a joined task run here its
 *       future), read only by {@link #abandon} after an error Java cannot catch unwound the stack (in the
 *       browser a JavaScript error such as a stack overflow's RangeError);
 *   <li>in shared memory, for the tasks with a future ({@link PoolLayout#FRAME_RECORDS} records), read by
 *       another thread that repairs the pool after this one stopped for good ({@link LostWorkerRepair}).
 * </ul>
 * A record is stored when a task with a future starts ({@link TaskRunner#runTask}) and cleared before
 * the task is completed: a record left behind names a task the thread never completed, and clearing
 * after the completion would risk failing a stranger (the slot can be harvested and reused at once).
 * Private forks need no entry: their futures are held by bodies on the same stack, which fail with it.
 */
final class StackRecords {
  private final Pool pool;
  private final WorkerLoop loop;
  private final SharedWords words;
  private int[] frameSlots = new int[16];
  private TaskFuture<?>[] frameFutures = new TaskFuture<?>[16];
  private int frameCount;
  /** First of this thread's shared frame records. */
  private final int frameRecords;
  /** Records stored, counting those beyond the {@link PoolLayout#FRAME_RECORDS} that have room. */
  private int recordedFrames;

  StackRecords(Pool pool, WorkerLoop loop) {
    this.pool = pool;
    this.loop = loop;
    this.words = pool.shared.words;
    this.frameRecords = pool.shared.layout.frameRecordsIndex(loop.index());
  }

  /** A published task's body is about to start here ({@code joined}: its future, when run by its join). */
  void push(int slot, TaskFuture<?> joined) {
    if (frameCount == frameSlots.length) {
      frameSlots = java.util.Arrays.copyOf(frameSlots, frameCount * 2);
      frameFutures = java.util.Arrays.copyOf(frameFutures, frameCount * 2);
    }
    frameSlots[frameCount] = slot;
    frameFutures[frameCount] = joined;
    frameCount++;
  }

  void pop() {
    frameFutures[--frameCount] = null;
  }

  /** Records a task with a future whose body starts on this thread, for a repairing thread. */
  void record(int slot) {
    if (recordedFrames < PoolLayout.FRAME_RECORDS) {
      // Release is enough: read by LostWorkerRepair only after this thread is gone; the next record
      // is 0 already.
      words.storeRelease(frameRecords + recordedFrames, slot);
    }
    recordedFrames++;
  }

  /**
   * The recorded task is about to be completed: the record goes first, so that a thread repairing the
   * pool never fails a task this thread completed. A thread stopped between the two steps leaves that
   * one task pending. (After {@link #abandon} cleared every record, its own ending of the frames finds
   * the count at 0 and stores nothing.)
   */
  void clear() {
    if (recordedFrames == 0) {
      return;
    }
    if (--recordedFrames < PoolLayout.FRAME_RECORDS) {
      // Ordered before the completion by its getAndAdd (a release and an acquire).
      words.storeRelease(frameRecords + recordedFrames, 0);
    }
  }

  boolean isEmpty() {
    return frameCount == 0;
  }

  /**
   * Every published task whose body was on the unwound stack fails with {@link TaskAbandonedException}
   * (its future completes, its slot and arguments go back); private forks left on the stack fail too;
   * the runner's state is reset so that the loop may be entered again.
   */
  void abandon(int threadId, String cause) {
    TaskAbandonedException abandoned = new TaskAbandonedException(threadId, cause);
    TaskFailure failure = TaskFailure.of(abandoned);
    // The shared frame records first, all of them: the error may have struck between a frame's push
    // and its record, or between its record's clearing and its pop, so the two counts may differ here.
    for (int k = 0; k < PoolLayout.FRAME_RECORDS; k++) {
      words.storeRelease(frameRecords + k, 0);
    }
    recordedFrames = 0;
    for (int i = frameCount - 1; i >= 0; i--) {
      int slot = frameSlots[i];
      TaskFuture<?> joined = frameFutures[i];
      frameFutures[i] = null;
      if (joined != null) {
        if (!joined.isDone()) {
          joined.completeInline(TaskSlots.FAILED, null, failure);
        }
        loop.runner.endJoinedTask(slot, pool.slots.argsHeader(slot));
      } else {
        loop.runner.failTask(slot, failure);
      }
    }
    frameCount = 0;
    loop.forks.failAll(failure);
    // Group tasks whose bodies were unwound leave their groups (failed), or those groups never end.
    RunningGroups.ofThisThread().abandonAll(abandoned);
    loop.runner.resetAfterAbandon();
  }
}
