package org.webthreads;

import java.util.function.Function;

/**
 * A task kind of 2 arguments, each written and read by a {@link Codec}, with result type {@code R}:
 * {@code pool.submit(kind, a, b)} is checked by the compiler and returns a {@code TaskFuture<R>}.
 * Its body receives the typed arguments and a {@link TaskContext}:
 * <pre>{@code
 * static final TaskKind2<Point, Double, double[]> SCALE = TaskKind2.register("scale", POINT, Codecs.DOUBLE,
 *     (p, k, context) -> new double[] {p.x() * k, p.y() * k});   // POINT: see Codec
 * ... pool.submit(SCALE, new Point(1, 2), 3.0) ...
 * }</pre>
 * The result travels as a positional result does (a type {@link TaskInput} lists, or null). A kind
 * that submits itself is registered with {@link #recursive}. {@link TypedTaskKind} says how a typed
 * task is encoded.
 */
public final class TaskKind2<A, B, R> extends TypedTaskKind<R> {
  /** The code of a TaskKind2. */
  @FunctionalInterface
  public interface Body<A, B, R> {
    /**
     * Runs one task: its arguments were read by their codecs on the thread that runs it.
     *
     * @param a the first argument, as its codec read it
     * @param b the second argument, as its codec read it
     * @param context the running task: its pool, and whether it was cancelled
     * @return the task's result: a type {@link TaskInput} lists, or null
     * @throws Exception any failure: it fails the task's future with a {@link TaskFailedException}
     */
    R run(A a, B b, TaskContext context) throws Exception;
  }

  private final Codec<A> codecA;
  private final Codec<B> codecB;
  private Body<A, B, R> body;

  private TaskKind2(String name, Codec<A> codecA, Codec<B> codecB) {
    super(name, codecA, codecB);
    this.codecA = codecA;
    this.codecB = codecB;
  }

  /**
   * Registers a kind; the name must be unique in the program. Register it once, in code every thread
   * runs, like {@link TaskKind#register}.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param codecA writes and reads the first argument
   * @param codecB writes and reads the second argument
   * @param body the task's code
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <A, B, R> TaskKind2<A, B, R> register(String name, Codec<A> codecA, Codec<B> codecB,
      Body<A, B, R> body) {
    TaskKind2<A, B, R> kind = new TaskKind2<>(name, codecA, codecB);
    kind.body = requireBody(name, body);
    kind.registerAs(kind::run);
    return kind;
  }

  /**
   * Registers a kind whose body refers to the kind itself: {@code factory} receives the kind and
   * returns its body, e.g. {@code self -> (..., context) -> ... context.pool().submit(self, ...) ...}.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param codecA writes and reads the first argument
   * @param codecB writes and reads the second argument
   * @param factory given the kind, returns its body (called once, here)
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <A, B, R> TaskKind2<A, B, R> recursive(String name, Codec<A> codecA, Codec<B> codecB,
      Function<TaskKind2<A, B, R>, Body<A, B, R>> factory) {
    TaskKind2<A, B, R> kind = new TaskKind2<>(name, codecA, codecB);
    kind.body = requireBody(name, requireBody(name, factory).apply(kind));
    kind.registerAs(kind::run);
    return kind;
  }

  private R run(TaskInput in, ThreadPool pool) throws Exception {
    A a = read(in, 0, codecA);
    B b = read(in, 1, codecB);
    checkAllRead(in);
    return body.run(a, b, in);
  }

  /** {@code pool.submit} / {@code pool.execute} (detached: returns null). */
  TaskFuture<R> submit(ThreadPool pool, A a, B b, boolean detached) {
    return submitValues(pool, encode(a, b), detached);
  }

  /** The positional values the codecs write for these arguments (what the untyped kind reads). */
  Object[] encode(A a, B b) {
    CodecOutput out = newOutput();
    out.put(0, codecA, a);
    out.put(1, codecB, b);
    return out.values();
  }
}
