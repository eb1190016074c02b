package org.webthreads;

import java.util.function.Function;

/**
 * A task kind of no arguments with result type {@code R}: {@code pool.submit(kind)} is checked by the
 * compiler and returns a {@code TaskFuture<R>}. Its body receives a {@link TaskContext}:
 * <pre>{@code
 * static final TaskKind0<Integer> ANSWER = TaskKind0.register("answer", context -> 42);
 * ... pool.submit(ANSWER) ...
 * }</pre>
 * The result travels as a positional result does (a type {@link TaskInput} lists, or null). A kind
 * that submits itself is registered with {@link #recursive}. {@link TypedTaskKind} says how a typed
 * task is encoded.
 */
public final class TaskKind0<R> extends TypedTaskKind<R> {
  /** The code of a TaskKind0. */
  @FunctionalInterface
  public interface Body<R> {
    /**
     * Runs one task: its arguments were read by their codecs on the thread that runs it.
     *
     * @param context the running task: its pool, and whether it was cancelled
     * @return the task's result: a type {@link TaskInput} lists, or null
     * @throws Exception any failure: it fails the task's future with a {@link TaskFailedException}
     */
    R run(TaskContext context) throws Exception;
  }

  private Body<R> body;

  private TaskKind0(String name) {
    super(name);
  }

  /**
   * Registers a kind; the name must be unique in the program. Register it once, in code every thread
   * runs, like {@link TaskKind#register}.
   *
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param body the task's code
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <R> TaskKind0<R> register(String name, Body<R> body) {
    TaskKind0<R> kind = new TaskKind0<>(name);
    kind.body = requireBody(name, body);
    kind.registerAs(kind::run);
    return kind;
  }

  /**
   * Registers a kind whose body refers to the kind itself: {@code factory} receives the kind and
   * returns its body, e.g. {@code self -> (..., context) -> ... context.pool().submit(self, ...) ...}.
   *
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param factory given the kind, returns its body (called once, here)
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <R> TaskKind0<R> recursive(String name,
      Function<TaskKind0<R>, Body<R>> factory) {
    TaskKind0<R> kind = new TaskKind0<>(name);
    kind.body = requireBody(name, requireBody(name, factory).apply(kind));
    kind.registerAs(kind::run);
    return kind;
  }

  private R run(TaskInput in, ThreadPool pool) throws Exception {

    checkAllRead(in);
    return body.run(in);
  }

  /** {@code pool.submit} / {@code pool.execute} (detached: returns null). */
  TaskFuture<R> submit(ThreadPool pool, boolean detached) {
    return submitValues(pool, NO_VALUES, detached);
  }

  /** The positional values of a task of no arguments. */
  Object[] encode() {
    return NO_VALUES.clone();
  }

  private static final Object[] NO_VALUES = {};
}
