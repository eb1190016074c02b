package org.webthreads.codec;

/** Type tags of values carried in shared words (task arguments and results). */
public final class ValueTag {
  public static final int NULL = 1;
  public static final int INT = 2;
  public static final int LONG = 3;
  public static final int DOUBLE = 4;
  public static final int FLOAT = 5;
  public static final int BOOLEAN = 6;
  public static final int STRING = 7;
  public static final int INT_ARRAY = 8;
  public static final int LONG_ARRAY = 9;
  public static final int DOUBLE_ARRAY = 10;
  public static final int FLOAT_ARRAY = 11;
  public static final int BYTE_ARRAY = 12;
  public static final int SHARED_INT_ARRAY = 13;
  public static final int SHARED_FLOAT_ARRAY = 14;
  public static final int SHARED_LONG_ARRAY = 15;
  public static final int SHARED_DOUBLE_ARRAY = 16;
  public static final int SHARED_BYTE_ARRAY = 17;

  private ValueTag() {
  }

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
