package org.webthreads;

/**
 * The code of a task kind. It runs on a pool thread, reads its arguments from {@code args}, may submit
 * and join further tasks through {@code pool} (the pool it runs on), and returns a value that
 * {@link org.webthreads.codec.ValueCodec} can carry (or null).
 */
@FunctionalInterface
public interface TaskBody<R> {
  /**
   * Runs one task.
   *
   * @param args the task's arguments, read in the order they were submitted
   * @param pool the pool the task runs on
   * @return the task's result: a type {@link TaskInput} lists, or null
   * @throws Exception any failure: it fails the task's future with a {@link TaskFailedException}
   */
  R run(TaskInput args, ThreadPool pool) throws Exception;
}
