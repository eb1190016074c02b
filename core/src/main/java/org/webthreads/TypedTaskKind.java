package org.webthreads;

/**
 * What the typed kinds ({@link TaskKind0} .. {@link TaskKind4}) have in common: a name, a {@link Codec}
 * per argument, and the positional {@link TaskKind} they are registered as. A typed task is encoded as
 * the positional values its codecs write and submitted through that kind, so it costs the shared-word
 * operations a positional task costs; its body reads the values back with the same codecs, checking
 * each codec's width and naming the argument a positional or raw-typed submit got wrong.
 */
public abstract class TypedTaskKind<R> {
  private final String name;
  private final int width;
  private TaskKind<R> untyped;

  TypedTaskKind(String name, Codec<?>... codecs) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a task kind needs a non-empty name");
    }
    int sum = 0;
    for (int i = 0; i < codecs.length; i++) {
      if (codecs[i] == null) {
        throw new IllegalArgumentException("task kind '" + name + "' argument " + i + " has no codec: pass "
            + "one of Codecs (Codecs.INT, ...) or a Codec.of(...) for your type");
      }
      sum += codecs[i].width(); // at most 4 * Codec.MAX_WIDTH: no overflow
    }
    if (sum > Codec.MAX_WIDTH) {
      throw new IllegalArgumentException("task kind '" + name + "' takes " + sum + " values in all, more than "
          + Codec.MAX_WIDTH + ": put bulk data in an array or a shared array");
    }
    this.name = name;
    this.width = sum;
  }

  /**
   * The kind's name (unique in the program).
   *
   * @return the kind's name
   */
  public final String name() {
    return name;
  }

  /**
   * The positional kind this kind is registered as, for hand-tuned code that writes the values itself:
   * {@code pool.submit(kind.untyped(), ...)} is not checked by the compiler, and values that do not
   * match the codecs fail the task with an error naming the argument and the codec expected.
   *
   * @return the positional kind
   */
  public final TaskKind<R> untyped() {
    return untyped;
  }

  /**
   * Positional values a task of this kind takes (the sum of its codecs' widths).
   *
   * @return the number of positional values
   */
  public final int width() {
    return width;
  }

  @Override
  public String toString() {
    return "TypedTaskKind(" + name + ", " + width + (width == 1 ? " value)" : " values)");
  }

  /** Registers the positional kind that runs {@code runner}; last step of a typed registration. */
  final void registerAs(TaskBody<R> runner) {
    untyped = TaskKind.register(name, runner);
  }

  static <B> B requireBody(String name, B body) {
    if (body == null) {
      throw new IllegalArgumentException("task kind '" + name + "' needs a body");
    }
    return body;
  }

  final CodecOutput newOutput() {
    return new CodecOutput(name, width);
  }

  final TaskFuture<R> submitValues(ThreadPool pool, Object[] values, boolean detached) {
    if (detached) {
      pool.execute(untyped, values);
      return null;
    }
    return pool.submit(untyped, values);
  }

  /** {@link #read} of a sole {@link Codecs#INT} argument without the codec's indirection (fork/join path). */
  final Integer readInt(TaskInput in) {
    try {
      return in.readInt();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return read(in, 0, Codecs.INT); // fails again, with the typed kind's message
    }
  }

  /** Reads argument {@code argument} with its codec, checking what the codec reads. */
  final <T> T read(TaskInput in, int argument, Codec<T> codec) {
    int before = in.valuesRead();
    T value;
    try {
      value = codec.reader.read(in);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // ValueReader's errors (a value of another type, fewer values than the codecs take), or the
      // reader's own (a check of what it read).
      if (in.valuesRead() - before >= codec.width()) {
        throw new IllegalStateException("codec " + codec.name() + " (task '" + name + "' argument " + argument
            + ") declares " + codec.width() + " values and failed after reading them: " + e.getMessage()
            + " (does its reader read more than its writer writes?)", e);
      }
      throw new IllegalArgumentException("task '" + name + "' argument " + argument + " (codec "
          + codec.name() + ", " + codec.width() + " value" + (codec.width() == 1 ? "" : "s") + " from "
          + "position " + before + ") could not be read: " + e.getMessage() + ". Submit typed kinds with "
          + "pool.submit(kind, ...), which the compiler checks, not positionally or through raw types", e);
    }
    int read = in.valuesRead() - before;
    if (read != codec.width()) {
      throw new IllegalStateException("codec " + codec.name() + " (task '" + name + "' argument " + argument
          + ") declares " + codec.width() + " values but its reader read " + read + ": make its reader read "
          + "exactly what its writer writes");
    }
    return value;
  }

  /** After the last argument: more values than the codecs take means a positional submit got it wrong. */
  final void checkAllRead(TaskInput in) {
    if (in.hasNext()) {
      throw new IllegalArgumentException("task '" + name + "' received more values than its codecs take ("
          + width + "). Submit typed kinds with pool.submit(kind, ...), which the compiler checks, not "
          + "positionally or through raw types");
    }
  }
}
