package org.webthreads;

import org.webthreads.codec.ValueReader;
import org.webthreads.codec.ValueTag;
import org.webthreads.memory.SharedWords;

/**
 * The arguments of a running task, read in the order they were passed to {@code submit}. Reading an
 * argument as the wrong type, or reading more arguments than were passed, throws an error that names
 * the task kind and the argument's position. Valid only while the task runs. It is also the
 * {@link TaskContext} that typed kinds' bodies receive.
 */
public final class TaskInput extends ValueReader implements TaskContext {
  private final Pool pool;

  TaskInput(Pool pool, SharedWords words, int index, int end, String kindName, String what) {
    super(words, index, end, "task '", kindName, what);
    this.pool = pool;
  }

  /** The pool this task runs on: submit and join further tasks through it. */
  @Override
  public ThreadPool pool() {
    return pool.facade;
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
