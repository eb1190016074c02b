package org.webthreads;

import java.util.function.Function;

/**
 * A task kind of 3 arguments, each written and read by a {@link Codec}, with result type {@code R}:
 * {@code pool.submit(kind, a, b, c)} is checked by the compiler and returns a {@code TaskFuture<R>}.
 * Its body receives the typed arguments and a {@link TaskContext}:
 * <pre>{@code
 * static final TaskKind3<Integer, Integer, Integer, Integer> CLAMP = TaskKind3.register("clamp",
 *     Codecs.INT, Codecs.INT, Codecs.INT, (v, lo, hi, context) -> Math.max(lo, Math.min(hi, v)));
 * ... pool.submit(CLAMP, 15, 0, 10) ...
 * }</pre>
 * The result travels as a positional result does (a type {@link TaskInput} lists, or null). A kind
 * that submits itself is registered with {@link #recursive}. {@link TypedTaskKind} says how a typed
 * task is encoded.
 */
public final class TaskKind3<A, B, C, R> extends TypedTaskKind<R> {
  /** The code of a TaskKind3. */
  @FunctionalInterface
  public interface Body<A, B, C, R> {
    /**
     * Runs one task: its arguments were read by their codecs on the thread that runs it.
     *
     * @param a the first argument, as its codec read it
     * @param b the second argument, as its codec read it
     * @param c the third argument, as its codec read it
     * @param context the running task: its pool, and whether it was cancelled
     * @return the task's result: a type {@link TaskInput} lists, or null
     * @throws Exception any failure: it fails the task's future with a {@link TaskFailedException}
     */
    R run(A a, B b, C c, TaskContext context) throws Exception;
  }

  private final Codec<A> codecA;
  private final Codec<B> codecB;
  private final Codec<C> codecC;
  private Body<A, B, C, R> body;

  private TaskKind3(String name, Codec<A> codecA, Codec<B> codecB, Codec<C> codecC) {
    super(name, codecA, codecB, codecC);
    this.codecA = codecA;
    this.codecB = codecB;
    this.codecC = codecC;
  }

  /**
   * Registers a kind; the name must be unique in the program. Register it once, in code every thread
   * runs, like {@link TaskKind#register}.
   *
   * @param <A> the first argument's type
   * @param <B> the second argument's type
   * @param <C> the third argument's type
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param codecA writes and reads the first argument
   * @param codecB writes and reads the second argument
   * @param codecC writes and reads the third argument
   * @param body the task's code
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <A, B, C, R> TaskKind3<A, B, C, R> register(String name, Codec<A> codecA, Codec<B> codecB,
      Codec<C> codecC, Body<A, B, C, R> body) {
    TaskKind3<A, B, C, R> kind = new TaskKind3<>(name, codecA, codecB, codecC);
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
   * @param <R> the result's type
   * @param name the kind's name, unique in the program; error messages name it
   * @param codecA writes and reads the first argument
   * @param codecB writes and reads the second argument
   * @param codecC writes and reads the third argument
   * @param factory given the kind, returns its body (called once, here)
   * @return the registered kind, to submit with {@link ThreadPool#submit}
   */
  public static <A, B, C, R> TaskKind3<A, B, C, R> recursive(String name, Codec<A> codecA, Codec<B> codecB,
      Codec<C> codecC, Function<TaskKind3<A, B, C, R>, Body<A, B, C, R>> factory) {
    TaskKind3<A, B, C, R> kind = new TaskKind3<>(name, codecA, codecB, codecC);
    kind.body = requireBody(name, requireBody(name, factory).apply(kind));
    kind.registerAs(kind::run);
    return kind;
  }

  private R run(TaskInput in, ThreadPool pool) throws Exception {
    A a = read(in, 0, codecA);
    B b = read(in, 1, codecB);
    C c = read(in, 2, codecC);
    checkAllRead(in);
    return body.run(a, b, c, in);
  }

  /** {@code pool.submit} / {@code pool.execute} (detached: returns null). */
  TaskFuture<R> submit(ThreadPool pool, A a, B b, C c, boolean detached) {
    return submitValues(pool, encode(a, b, c), detached);
  }

  /** The positional values the codecs write for these arguments (what the untyped kind reads). */
  Object[] encode(A a, B b, C c) {
    CodecOutput out = newOutput();
    out.put(0, codecA, a);
    out.put(1, codecB, b);
    out.put(2, codecC, c);
    return out.values();
  }
}
