package org.webthreads;

/**
 * The code of a task kind. It runs on a pool thread, reads its arguments from {@code args}, may submit
 * and join further tasks through {@code pool} (the pool it runs on), and returns a value that
 * {@link org.webthreads.codec.ValueCodec} can carry (or null).
 */
@FunctionalInterface
public interface TaskBody<R> {
  R run(TaskInput args, ThreadPool pool) throws Exception;
}
