package org.webthreads;

import java.util.function.Function;

/**
 * A task kind of 4 arguments, each written and read by a {@link Codec}, with result type {@code R}:
 * {@code pool.submit(kind, a, b, c, d)} is checked by the compiler and returns a {@code TaskFuture<R>}.
 * Its body receives the typed arguments and a {@link TaskContext}:
 * <pre>{@code
 * static final TaskKind4<String, Integer, Boolean, Double, String> LABEL = TaskKind4.register("label",
 *     Codecs.STRING, Codecs.INT, Codecs.BOOLEAN, Codecs.DOUBLE, (s, i, b, d, context) -> s + i + b + d);
 * ... pool.submit(LABEL, "x", 1, true, 2.5) ...
 * }</pre>
 * The result travels as a positional result does (a type {@link TaskInput} lists, or null). A kind
 * that submits itself is registered with {@link #recursive}. {@link TypedTaskKind} says how a typed
 * task is encoded.
 */
public final class TaskKind4<A, B, C, D, R> extends TypedTaskKind<R> {
  /** The code of a TaskKind4. */
  @FunctionalInterface
  public interface Body<A, B, C, D, R> {
    /**
     * Runs one task: its arguments were read by their codecs on the thread that runs it.
     *
     * @param a the first argument, as its codec read it
     * @param b the second argument, as its codec read it
     * @param c the third argument, as its codec read it
     * @param d the fourth argument, as its codec read it
     * @param context the running task: its pool, and whether it was cancelled
     * @return the task's result: a type {@link TaskInput} lists, or null
     * @throws Exception any failure: it fails the task's future with a {@link TaskFailedException}
     */
    R run(A a, B b, C c, D d, TaskContext context) throws Exception;
  }

  private final Codec<A> codecA;
  private final Codec<B> codecB;
  private final Codec<C> codecC;
  private final Codec<D> codecD;
  private Body<A, B, C, D, R> body;

  private TaskKind4(String name, Codec<A> codecA, Codec<B> codecB, Codec<C> codecC, Codec<D> codecD) {
    super(name, codecA, codecB, codecC, codecD);
    this.codecA = codecA;
    this.codecB = codecB;
    this.codecC = codecC;
    this.codecD = codecD;
  }

  /**
   * Registers a kind; the name must be unique in the program. Register it once, in code every thread
   * runs, like {@link TaskKind#register}.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <D> the fourth argument's type
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param codecA writes and reads the first argument
   * @param codecB writes and reads the second argument
   * @param codecC writes and reads the third argument
   * @param codecD writes and reads the fourth argument
   * @param body the task's code
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <A, B, C, D, R> TaskKind4<A, B, C, D, R> register(String name, Codec<A> codecA,
      Codec<B> codecB, Codec<C> codecC, Codec<D> codecD, Body<A, B, C, D, R> body) {
    TaskKind4<A, B, C, D, R> kind = new TaskKind4<>(name, codecA, codecB, codecC, codecD);
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
   * @param <C> the third argument's type
   * @param <D> the fourth argument's type
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param codecA writes and reads the first argument
   * @param codecB writes and reads the second argument
   * @param codecC writes and reads the third argument
   * @param codecD writes and reads the fourth argument
   * @param factory given the kind, returns its body (called once, here)
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <A, B, C, D, R> TaskKind4<A, B, C, D, R> recursive(String name, Codec<A> codecA,
      Codec<B> codecB, Codec<C> codecC, Codec<D> codecD,
      Function<TaskKind4<A, B, C, D, R>, Body<A, B, C, D, R>> factory) {
    TaskKind4<A, B, C, D, R> kind = new TaskKind4<>(name, codecA, codecB, codecC, codecD);
    kind.body = requireBody(name, requireBody(name, factory).apply(kind));
    kind.registerAs(kind::run);
    return kind;
  }

  private R run(TaskInput in, ThreadPool pool) throws Exception {
    A a = read(in, 0, codecA);
    B b = read(in, 1, codecB);
    C c = read(in, 2, codecC);
    D d = read(in, 3, codecD);
    checkAllRead(in);
    return body.run(a, b, c, d, in);
  }

  /** {@code pool.submit} / {@code pool.execute} (detached: returns null). */
  TaskFuture<R> submit(ThreadPool pool, A a, B b, C c, D d, boolean detached) {
    return submitValues(pool, encode(a, b, c, d), detached);
  }

  /** The positional values the codecs write for these arguments (what the untyped kind reads). */
  Object[] encode(A a, B b, C c, D d) {
    CodecOutput out = newOutput();
    out.put(0, codecA, a);
    out.put(1, codecB, b);
    out.put(2, codecC, c);
    out.put(3, codecD, d);
    return out.values();
  }
}
