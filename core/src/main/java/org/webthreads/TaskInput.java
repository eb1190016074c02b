package org.webthreads;

import org.webthreads.codec.ValueReader;
import org.webthreads.codec.ValueTag;
import org.webthreads.memory.SharedWords;

/**
 * The arguments of a running task, read in the order they were passed to {@code submit}. Reading an
 * argument as the wrong type, or reading more arguments than were passed, throws an error that names
 * the task kind and the argument's position. Valid only while the task runs.
 */
public final class TaskInput extends ValueReader {
  private final Pool pool;

  TaskInput(Pool pool, SharedWords words, int index, int end, String kindName, String what) {
    super(words, index, end, "task '", kindName, what);
    this.pool = pool;
  }

  /** Reads a {@link SharedIntArray} argument: a view of the same shared memory the submitter used. */
  public SharedIntArray readSharedIntArray() {
    long reference = readSharedIntArrayReference();
    return new SharedIntArray(pool.shared.words, pool.shared.arena, (int) (reference >>> 32), (int) reference);
  }

  /** Reads a {@link SharedFloatArray} argument: a view of the same shared memory the submitter used. */
  public SharedFloatArray readSharedFloatArray() {
    long reference = readSharedFloatArrayReference();
    return new SharedFloatArray(pool.shared.words, pool.shared.arena, (int) (reference >>> 32), (int) reference);
  }

  /**
   * Reads a {@link TaskProgress} argument (it travels as a SharedIntArray reference): a view of the
   * same progress the submitter made.
   *
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
    return super.readOther(tag);
  }
}
