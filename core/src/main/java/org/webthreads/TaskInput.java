package org.webthreads;

import org.webthreads.codec.ValueReader;
import org.webthreads.codec.ValueTag;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.RunState;
import org.webthreads.scheduler.TaskSlots;

/**
 * The arguments of a running task, read in the order they were passed to {@code submit}. Reading an
 * argument as the wrong type, or reading more arguments than were passed, throws an error that names
 * the task kind and the argument's position. Valid only while the task runs. It is also the
 * {@link TaskContext} that typed kinds' bodies receive.
 */
public final class TaskInput extends ValueReader implements TaskContext {
  private final Pool pool;
  private TaskFuture<?> watched;
  private int watchedSlot;

  TaskInput(Pool pool, SharedWords words, int index, int end, String kindName, String what) {
    super(words, index, end, "task '", kindName, what);
    this.pool = pool;
  }

  /**
   * Whether the task should stop: its future was cancelled ({@link TaskFuture#cancel()}) while it runs,
   * or the pool was shut down with {@link ThreadPool#shutdownNow()}. A long task checks it in its loop
   * and returns early; what it returns is dropped, and its joins throw CancellationException. Always
   * false for a task submitted with {@code execute} (it has no future to cancel) until shutdownNow.
   * Costs a load or two; call it every few microseconds of work, not per instruction.
   */
  @Override
  public boolean isCancelled() {
    TaskFuture<?> future = watched;
    if (future != null && future.isCancelRequested()) {
      return true;
    }
    return (watchedSlot != 0 && !pool.completeFuturesDirectly
        && (pool.slots.argsHeader(watchedSlot) & TaskSlots.CANCEL_REQUESTED) != 0)
        || pool.shared.runState.current() == RunState.STOP;
  }

  /**
   * Where {@link #isCancelled} looks: the task's future where this thread holds it (one heap, a join
   * or a private fork), and its slot (separate heaps: the header bit the holder sets).
   */
  void watchCancellation(TaskFuture<?> future, int slot) {
    this.watched = future;
    this.watchedSlot = slot;
  }

  /** The pool this task runs on: submit and join further tasks through it. */
  @Override
  public ThreadPool pool() {
    return pool.facade;
  }

  /**
   * Reads a {@link SharedIntArray} argument: a view of the same shared memory the submitter used.
   *
   * @return the array
   */
  public SharedIntArray readSharedIntArray() {
    long reference = readSharedIntArrayReference();
    return new SharedIntArray(pool.shared.words, pool.shared.arena, (int) (reference >>> 32), (int) reference);
  }

  /**
   * Reads a {@link SharedFloatArray} argument: a view of the same shared memory the submitter used.
   *
   * @return the array
   */
  public SharedFloatArray readSharedFloatArray() {
    long reference = readSharedFloatArrayReference();
    return new SharedFloatArray(pool.shared.words, pool.shared.arena, (int) (reference >>> 32), (int) reference);
  }

  /**
   * Reads a {@link SharedLongArray} argument: a view of the same shared memory the submitter used.
   *
   * @return the array
   */
  public SharedLongArray readSharedLongArray() {
    long reference = readSharedArrayReference(ValueTag.SHARED_LONG_ARRAY);
    return new SharedLongArray(pool.shared.words, pool.shared.arena, (int) (reference >>> 32), (int) reference);
  }

  /**
   * Reads a {@link SharedDoubleArray} argument: a view of the same shared memory the submitter used.
   *
   * @return the array
   */
  public SharedDoubleArray readSharedDoubleArray() {
    long reference = readSharedArrayReference(ValueTag.SHARED_DOUBLE_ARRAY);
    return new SharedDoubleArray(pool.shared.words, pool.shared.arena, (int) (reference >>> 32), (int) reference);
  }

  /**
   * Reads a {@link SharedByteArray} argument: a view of the same shared memory the submitter used.
   *
   * @return the array
   */
  public SharedByteArray readSharedByteArray() {
    long reference = readSharedArrayReference(ValueTag.SHARED_BYTE_ARRAY);
    return new SharedByteArray(pool.shared.words, pool.shared.arena, (int) (reference >>> 32), (int) reference);
  }

  /**
   * Reads a {@link TaskProgress} argument (it travels as a SharedIntArray reference): a view of the
   * same progress the submitter made.
   *
   * @return the progress
   * @throws IllegalArgumentException when the argument is a SharedIntArray that is no live progress
   */
  public TaskProgress readTaskProgress() {
    long reference = readSharedIntArrayReference();
    return TaskProgress.view(pool.shared, (int) (reference >>> 32), (int) reference);
  }

  @Override
  protected Object readOther(int tag) {
    if (tag == ValueTag.SHARED_INT_ARRAY) {
      return readSharedIntArray();
    }
    if (tag == ValueTag.SHARED_FLOAT_ARRAY) {
      return readSharedFloatArray();
    }
    if (tag == ValueTag.SHARED_LONG_ARRAY) {
      return readSharedLongArray();
    }
    if (tag == ValueTag.SHARED_DOUBLE_ARRAY) {
      return readSharedDoubleArray();
    }
    if (tag == ValueTag.SHARED_BYTE_ARRAY) {
      return readSharedByteArray();
    }
    return super.readOther(tag);
  }
}
