package org.webthreads.codec;

/** Type tags of values carried in shared words (task arguments and results). */
public final class ValueTag {
  /** The null value. */
  public static final int NULL = 1;
  /** A {@code int}. */
  public static final int INT = 2;
  /** A {@code long}. */
  public static final int LONG = 3;
  /** A {@code double}. */
  public static final int DOUBLE = 4;
  /** A {@code float}. */
  public static final int FLOAT = 5;
  /** A {@code boolean}. */
  public static final int BOOLEAN = 6;
  /** A {@code String}. */
  public static final int STRING = 7;
  /** A {@code int[]} (copied). */
  public static final int INT_ARRAY = 8;
  /** A {@code long[]} (copied). */
  public static final int LONG_ARRAY = 9;
  /** A {@code double[]} (copied). */
  public static final int DOUBLE_ARRAY = 10;
  /** A {@code float[]} (copied). */
  public static final int FLOAT_ARRAY = 11;
  /** A {@code byte[]} (copied). */
  public static final int BYTE_ARRAY = 12;
  /** A SharedIntArray (a reference). */
  public static final int SHARED_INT_ARRAY = 13;
  /** A SharedFloatArray (a reference). */
  public static final int SHARED_FLOAT_ARRAY = 14;
  /** A SharedLongArray (a reference). */
  public static final int SHARED_LONG_ARRAY = 15;
  /** A SharedDoubleArray (a reference). */
  public static final int SHARED_DOUBLE_ARRAY = 16;
  /** A SharedByteArray (a reference). */
  public static final int SHARED_BYTE_ARRAY = 17;

  private ValueTag() {
  }

  /**
   * The Java name of the type a tag stands for, for error messages.
   *
   * @param tag a tag
   * @return the type's name, or "unknown tag" and the number
   */
  public static String name(int tag) {
    switch (tag) {
      case NULL: return "null";
      case INT: return "int";
      case LONG: return "long";
      case DOUBLE: return "double";
      case FLOAT: return "float";
      case BOOLEAN: return "boolean";
      case STRING: return "String";
      case INT_ARRAY: return "int[]";
      case LONG_ARRAY: return "long[]";
      case DOUBLE_ARRAY: return "double[]";
      case FLOAT_ARRAY: return "float[]";
      case BYTE_ARRAY: return "byte[]";
      case SHARED_INT_ARRAY: return "SharedIntArray";
      case SHARED_FLOAT_ARRAY: return "SharedFloatArray";
      case SHARED_LONG_ARRAY: return "SharedLongArray";
      case SHARED_DOUBLE_ARRAY: return "SharedDoubleArray";
      case SHARED_BYTE_ARRAY: return "SharedByteArray";
      default: return "unknown tag " + tag;
    }
  }
}
