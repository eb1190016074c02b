package org.webthreads;

/** A pool thread received a task whose kind is not registered in its copy of the program. */
public final class UnknownTaskKindException extends RuntimeException {
  /**
   * The error of thread {@code threadId}, which received a task of kind id {@code kindId} it does not know.
   *
   * @param kindId the unknown kind's id
   * @param threadId the pool thread that received it
   */
  public UnknownTaskKindException(int kindId, int threadId) {
    super("unknown task kind id " + Integer.toHexString(kindId) + " on thread " + threadId
        + ": register every TaskKind in code that runs on every thread (e.g. a static field of a class "
        + "the program's entry point initialises) before submitting tasks of that kind");
  }
}
