package org.webthreads;

import java.util.function.Function;

/**
 * A task kind of 1 argument, each written and read by a {@link Codec}, with result type {@code R}:
 * {@code pool.submit(kind, a)} is checked by the compiler and returns a {@code TaskFuture<R>}.
 * Its body receives the typed arguments and a {@link TaskContext}:
 * <pre>{@code
 * static final TaskKind1<Integer, Long> SQUARE = TaskKind1.register("square", Codecs.INT,
 *     (n, context) -> (long) n * n);
 * ... pool.submit(SQUARE, 12) ...
 * }</pre>
 * The result travels as a positional result does (a type {@link TaskInput} lists, or null). A kind
 * that submits itself is registered with {@link #recursive}. {@link TypedTaskKind} says how a typed
 * task is encoded.
 */
public final class TaskKind1<A, R> extends TypedTaskKind<R> {
  /** The code of a TaskKind1. */
  @FunctionalInterface
  public interface Body<A, R> {
    /**
     * Runs one task: its arguments were read by their codecs on the thread that runs it.
     *
     * @param a the argument, as its codec read it
     * @param context the running task: its pool, and whether it was cancelled
     * @return the task's result: a type {@link TaskInput} lists, or null
     * @throws Exception any failure: it fails the task's future with a {@link TaskFailedException}
     */
    R run(A a, TaskContext context) throws Exception;
  }

  private final Codec<A> codecA;
  private Body<A, R> body;
  /** A kind whose one argument is an int: submitted on the no-boxing int path, like a positional one. */
  private final boolean intPath;

  private TaskKind1(String name, Codec<A> codecA) {
    super(name, codecA);
    this.codecA = codecA;
    this.intPath = codecA == Codecs.INT;
  }

  /**
   * Registers a kind; the name must be unique in the program. Register it once, in code every thread
   * runs, like {@link TaskKind#register}.
   *
   * @param <A> the argument's type
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param codecA writes and reads the argument
   * @param body the task's code
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <A, R> TaskKind1<A, R> register(String name, Codec<A> codecA, Body<A, R> body) {
    TaskKind1<A, R> kind = new TaskKind1<>(name, codecA);
    kind.body = requireBody(name, body);
    kind.registerAs(kind::run);
    return kind;
  }

  /**
   * Registers a kind whose body refers to the kind itself: {@code factory} receives the kind and
   * returns its body, e.g. {@code self -> (..., context) -> ... context.pool().submit(self, ...) ...}.
   *
   * @param <A> the argument's type
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param codecA writes and reads the argument
   * @param factory given the kind, returns its body (called once, here)
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <A, R> TaskKind1<A, R> recursive(String name, Codec<A> codecA,
      Function<TaskKind1<A, R>, Body<A, R>> factory) {
    TaskKind1<A, R> kind = new TaskKind1<>(name, codecA);
    kind.body = requireBody(name, requireBody(name, factory).apply(kind));
    kind.registerAs(kind::run);
    return kind;
  }

  @SuppressWarnings("unchecked")
  private R run(TaskInput in, ThreadPool pool) throws Exception {
    A a = intPath ? (A) readInt(in) : read(in, 0, codecA);
    checkAllRead(in);
    return body.run(a, in);
  }

  /** Whether {@link ThreadPool} submits an {@code Integer} argument on the int path. */
  boolean intPath() {
    return intPath;
  }

  /**
   * {@code pool.submit} / {@code pool.execute} (detached: returns null) through the codec; ThreadPool
   * sends an {@code Integer} of an {@link #intPath()} kind to the int path itself.
   */
  TaskFuture<R> submit(ThreadPool pool, A a, boolean detached) {
    return submitValues(pool, encode(a), detached);
  }

  /** The positional values the codecs write for these arguments (what the untyped kind reads). */
  Object[] encode(A a) {
    CodecOutput out = newOutput();
    out.put(0, codecA, a);
    return out.values();
  }
}
