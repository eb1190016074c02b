package org.webthreads;

/**
 * Where a {@link Codec}'s writer puts a value's fields: each {@code write...} call adds one positional
 * value, exactly what a positional {@code submit} argument of that type would be, so a typed task is
 * encoded into its slot as the positional one is. It counts what each codec writes against the width
 * the codec declared and refuses a mismatch, a null a codec cannot carry, and a value of the wrong type
 * (which only a raw type or an unchecked cast can pass), naming the kind, the argument and the codec.
 */
public final class CodecOutput {
  private final String kindName;
  private final Object[] values;
  /** The next value's index; runs past {@link #limit} while a codec writes too much (counted, not stored). */
  private int at;
  /** End of the current codec's values. */
  private int limit;
  private Codec<?> codec;
  private int argument;

  CodecOutput(String kindName, int width) {
    this.kindName = kindName;
    this.values = new Object[width];
  }

  /** Writes argument {@code argument} of the kind with its codec. */
  <T> void put(int argument, Codec<T> codec, T value) {
    this.argument = argument;
    if (value == null && !codec.carriesNull()) {
      throw new IllegalArgumentException("task '" + kindName + "' argument " + argument + " is null, but its "
          + "codec " + codec.name() + " cannot carry null: pass a value (only Codecs.STRING and the Java "
          + "array codecs carry null)");
    }
    writeWithin(codec, value);
  }

  /** The encoded positional values, once every argument was put. */
  Object[] values() {
    return values;
  }

  /**
   * Writes a field with another codec (a record inside a record); it counts as that codec's width.
   *
   * @param <T> the field's type
   * @param fieldCodec the field's codec
   * @param value the field's value (null only if {@code fieldCodec} carries null)
   */
  public <T> void write(Codec<T> fieldCodec, T value) {
    if (value == null && !fieldCodec.carriesNull()) {
      throw new IllegalArgumentException("codec " + codec.name() + " (task '" + kindName + "' argument "
          + argument + ") wrote a null field with codec " + fieldCodec.name() + ", which cannot carry null");
    }
    if (at + fieldCodec.width() > limit) {
      // The outer codec writes too much: count the field's values and let the outer check report it.
      at += fieldCodec.width();
      return;
    }
    writeWithin(fieldCodec, value);
  }

  private <T> void writeWithin(Codec<T> inner, T value) {
    Codec<?> outer = codec;
    int outerLimit = limit;
    int start = at;
    codec = inner;
    limit = start + inner.width();
    try {
      inner.writer.write(value, this);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("task '" + kindName + "' argument " + argument + " is a "
          + value.getClass().getName() + ", but its codec is " + inner.name() + ": a raw-typed kind or an "
          + "unchecked cast let it through; pass the type the kind declares", e);
    }
    int written = at - start;
    if (written != inner.width()) {
      throw new IllegalStateException("codec " + inner.name() + " (task '" + kindName + "' argument "
          + argument + ") declares " + inner.width() + " values but its writer wrote " + written
          + ": make the width passed to Codec.of match the writer's write calls");
    }
    codec = outer;
    limit = outerLimit;
  }

  private void add(Object value) {
    if (at < limit) {
      values[at] = value;
    }
    at++;
  }

  /**
   * A null value: for an optional field; the reader reads it back with {@code readValue()} (or a
   * read of a String or Java array, which returns null).
   */
  public void writeNull() {
    add(null);
  }

  /**
   * An {@code int}.
   *
   * @param value the value
   */
  public void writeInt(int value) {
    add(value);
  }

  /**
   * A {@code long}.
   *
   * @param value the value
   */
  public void writeLong(long value) {
    add(value);
  }

  /**
   * A {@code double}.
   *
   * @param value the value
   */
  public void writeDouble(double value) {
    add(value);
  }

  /**
   * A {@code float}.
   *
   * @param value the value
   */
  public void writeFloat(float value) {
    add(value);
  }

  /**
   * A {@code boolean}.
   *
   * @param value the value
   */
  public void writeBoolean(boolean value) {
    add(value);
  }

  /**
   * A String, or null.
   *
   * @param value the value, or null
   */
  public void writeString(String value) {
    add(value);
  }

  /**
   * A copy of the array travels (or null).
   *
   * @param value the array, or null
   */
  public void writeIntArray(int[] value) {
    add(value);
  }

  /**
   * A copy of the array travels (or null).
   *
   * @param value the array, or null
   */
  public void writeLongArray(long[] value) {
    add(value);
  }

  /**
   * A copy of the array travels (or null).
   *
   * @param value the array, or null
   */
  public void writeDoubleArray(double[] value) {
    add(value);
  }

  /**
   * A copy of the array travels (or null).
   *
   * @param value the array, or null
   */
  public void writeFloatArray(float[] value) {
    add(value);
  }

  /**
   * A copy of the array travels (or null).
   *
   * @param value the array, or null
   */
  public void writeByteArray(byte[] value) {
    add(value);
  }

  /**
   * A reference to the array travels, not its elements; null is refused.
   *
   * @param value the array, not null
   */
  public void writeSharedIntArray(SharedIntArray value) {
    add(requireArray(value, "SharedIntArray"));
  }

  /**
   * A reference to the array travels, not its elements; null is refused.
   *
   * @param value the array, not null
   */
  public void writeSharedFloatArray(SharedFloatArray value) {
    add(requireArray(value, "SharedFloatArray"));
  }

  /**
   * A reference to a long, double or byte shared array travels; null is refused.
   *
   * @param value a {@link SharedLongArray}, {@link SharedDoubleArray} or {@link SharedByteArray}, not null
   * @param type the array's type name, used only in the error a null value gets
   */
  public void writeSharedArray(SharedArray value, String type) {
    add(requireArray(value, type));
  }

  /**
   * A reference to the progress travels (as a shared int array does); null is refused.
   *
   * @param value the progress, not null
   */
  public void writeTaskProgress(TaskProgress value) {
    if (value == null) {
      throw new IllegalArgumentException("task '" + kindName + "' argument " + argument + " (codec "
          + codec.name() + ") wrote a null TaskProgress: pass one from pool.newTaskProgress(total)");
    }
    add(value);
  }

  private Object requireArray(SharedArray value, String type) {
    if (value == null) {
      throw new IllegalArgumentException("task '" + kindName + "' argument " + argument + " (codec "
          + codec.name() + ") wrote a null " + type + ": shared arrays cannot be null; pass an array "
          + "(of length 0 if there is nothing to share)");
    }
    return value;
  }
}
