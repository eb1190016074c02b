package org.webthreads;

/**
 * The built-in {@link Codec}s: one positional value each, the types a positional {@code submit}
 * carries. {@link #STRING} and the Java array codecs carry null; the others refuse it at submit. Java
 * arrays travel as copies; shared arrays as references to the same memory.
 */
public final class Codecs {
  private Codecs() {
  }

  /** An {@code int}; a kind whose only argument uses it is submitted on the no-boxing int path. */
  public static final Codec<Integer> INT = Codec.builtIn("int", 1, false,
      (v, out) -> out.writeInt(v), TaskInput::readInt);
  /** A {@code long}. */
  public static final Codec<Long> LONG = Codec.builtIn("long", 1, false,
      (v, out) -> out.writeLong(v), TaskInput::readLong);
  /** A {@code double}. */
  public static final Codec<Double> DOUBLE = Codec.builtIn("double", 1, false,
      (v, out) -> out.writeDouble(v), TaskInput::readDouble);
  /** A {@code float}. */
  public static final Codec<Float> FLOAT = Codec.builtIn("float", 1, false,
      (v, out) -> out.writeFloat(v), TaskInput::readFloat);
  /** A {@code boolean}. */
  public static final Codec<Boolean> BOOLEAN = Codec.builtIn("boolean", 1, false,
      (v, out) -> out.writeBoolean(v), TaskInput::readBoolean);
  /** A {@code String}, or null. */
  public static final Codec<String> STRING = Codec.builtIn("String", 1, true,
      (v, out) -> out.writeString(v), TaskInput::readString);
  /** An {@code int[]}, copied; or null. */
  public static final Codec<int[]> INT_ARRAY = Codec.builtIn("int[]", 1, true,
      (v, out) -> out.writeIntArray(v), TaskInput::readIntArray);
  /** A {@code long[]}, copied; or null. */
  public static final Codec<long[]> LONG_ARRAY = Codec.builtIn("long[]", 1, true,
      (v, out) -> out.writeLongArray(v), TaskInput::readLongArray);
  /** A {@code double[]}, copied; or null. */
  public static final Codec<double[]> DOUBLE_ARRAY = Codec.builtIn("double[]", 1, true,
      (v, out) -> out.writeDoubleArray(v), TaskInput::readDoubleArray);
  /** A {@code float[]}, copied; or null. */
  public static final Codec<float[]> FLOAT_ARRAY = Codec.builtIn("float[]", 1, true,
      (v, out) -> out.writeFloatArray(v), TaskInput::readFloatArray);
  /** A {@code byte[]}, copied; or null. */
  public static final Codec<byte[]> BYTE_ARRAY = Codec.builtIn("byte[]", 1, true,
      (v, out) -> out.writeByteArray(v), TaskInput::readByteArray);
  /** A {@link SharedIntArray}: the task sees the same memory. */
  public static final Codec<SharedIntArray> SHARED_INT_ARRAY = Codec.builtIn("SharedIntArray", 1, false,
      (v, out) -> out.writeSharedIntArray(v), TaskInput::readSharedIntArray);
  /** A {@link SharedFloatArray}: the task sees the same memory. */
  public static final Codec<SharedFloatArray> SHARED_FLOAT_ARRAY = Codec.builtIn("SharedFloatArray", 1,
      false, (v, out) -> out.writeSharedFloatArray(v), TaskInput::readSharedFloatArray);
  /** A {@link SharedLongArray}: the task sees the same memory. */
  public static final Codec<SharedLongArray> SHARED_LONG_ARRAY = Codec.builtIn("SharedLongArray", 1,
      false, (v, out) -> out.writeSharedArray(v, "SharedLongArray"), TaskInput::readSharedLongArray);
  /** A {@link SharedDoubleArray}: the task sees the same memory. */
  public static final Codec<SharedDoubleArray> SHARED_DOUBLE_ARRAY = Codec.builtIn("SharedDoubleArray", 1,
      false, (v, out) -> out.writeSharedArray(v, "SharedDoubleArray"), TaskInput::readSharedDoubleArray);
  /** A {@link SharedByteArray}: the task sees the same memory. */
  public static final Codec<SharedByteArray> SHARED_BYTE_ARRAY = Codec.builtIn("SharedByteArray", 1,
      false, (v, out) -> out.writeSharedArray(v, "SharedByteArray"), TaskInput::readSharedByteArray);
  /** A {@link TaskProgress}: the task adds to the same counter. */
  public static final Codec<TaskProgress> TASK_PROGRESS = Codec.builtIn("TaskProgress", 1,
      false, (v, out) -> out.writeTaskProgress(v), TaskInput::readTaskProgress);
}
