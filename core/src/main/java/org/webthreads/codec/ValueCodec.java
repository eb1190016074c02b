package org.webthreads.codec;

import org.webthreads.memory.SharedWords;

/**
 * Writes Java values into shared words as a tagged stream, so that another thread (another Java heap,
 * in the browser) can rebuild them. No reflection: the supported types are listed here.
 *
 * <p>Every stream is written before an operation that publishes it (the ring's or the queue's push for
 * arguments, the completion's getAndAdd for results), so its words are written with
 * {@code SharedWords.storeRelease}: no fence per word.
 *
 * <pre>
 * null [NULL]            int [INT, v]           long/double [tag, low, high]     float [FLOAT, bits]
 * boolean [BOOLEAN | v &lt;&lt; 8]     String [STRING, length, two chars a word ...]
 * int[]/float[] [tag, length, v ...]    long[]/double[] [tag, length, low, high ...]
 * byte[] [BYTE_ARRAY, length, four bytes a word ...]     shared arrays [tag, handle, length]
 * </pre>
 */
public final class ValueCodec {
  private ValueCodec() {
  }

  /** The supported types, for error messages. */
  public static final String SUPPORTED = "null, Integer, Long, Double, Float, Boolean, String, int[], "
      + "long[], double[], float[], byte[], or a shared array (SharedIntArray, SharedLongArray, "
      + "SharedFloatArray, SharedDoubleArray, SharedByteArray)";

  /**
   * Words needed to encode {@code value}; throws when its type cannot cross threads. A {@code long}:
   * a {@code long[]} of a billion elements takes more words than an {@code int} counts, and the caller
   * compares the sum of its values with what a slot or the arena can hold.
   *
   * @param value the value to encode
   * @return the words it takes, tag included
   */
  public static long sizeOf(Object value) {
    if (value == null || value instanceof Boolean) {
      return 1;
    }
    if (value instanceof Integer || value instanceof Float) {
      return 2;
    }
    if (value instanceof Long || value instanceof Double) {
      return 3;
    }
    if (value instanceof String) {
      return 2 + (((String) value).length() + 1L) / 2;
    }
    if (value instanceof int[]) {
      return 2L + ((int[]) value).length;
    }
    if (value instanceof float[]) {
      return 2L + ((float[]) value).length;
    }
    if (value instanceof long[]) {
      return 2 + 2L * ((long[]) value).length;
    }
    if (value instanceof double[]) {
      return 2 + 2L * ((double[]) value).length;
    }
    if (value instanceof byte[]) {
      return 2 + (((byte[]) value).length + 3L) / 4;
    }
    if (value instanceof SharedArrayReference) {
      return 3;
    }
    throw new IllegalArgumentException(value.getClass().getName()
        + " cannot be carried to another thread: use " + SUPPORTED
        + " (put bulk data in a shared array: ThreadPool.newSharedIntArray, newSharedByteArray, ...)");
  }

  /** Words an {@code int} takes: tag and value. */
  public static final int INT_WORDS = 2;

  /**
   * Writes an {@code int} (as {@link #write} would write an {@code Integer}); returns the next index.
   *
   * @param value the value
   * @param words the words to write into
   * @param index where the value's tag goes
   * @return the index after the value
   */
  public static int writeInt(int value, SharedWords words, int index) {
    words.storeRelease(index, ValueTag.INT);
    words.storeRelease(index + 1, value);
    return index + INT_WORDS;
  }

  /**
   * Writes {@code values} (none when null) one after another from {@code index}; returns the index
   * after them.
   *
   * @param values the values, or null for none
   * @param words the words to write into
   * @param index where the first value's tag goes
   * @return the index after the last value
   */
  public static int writeAll(Object[] values, SharedWords words, int index) {
    int at = index;
    for (int i = 0; values != null && i < values.length; i++) {
      at = write(values[i], words, at);
    }
    return at;
  }

  /**
   * Writes {@code value} at {@code index}; returns the index after it.
   *
   * @param value the value (a type {@link #SUPPORTED} lists)
   * @param words the words to write into
   * @param index where the value's tag goes
   * @return the index after the value
   */
  public static int write(Object value, SharedWords words, int index) {
    if (value == null) {
      words.storeRelease(index, ValueTag.NULL);
      return index + 1;
    }
    if (value instanceof Integer) {
      return writeInt((Integer) value, words, index);
    }
    if (value instanceof Long) {
      return writeLong(ValueTag.LONG, (Long) value, words, index);
    }
    if (value instanceof Double) {
      return writeLong(ValueTag.DOUBLE, Double.doubleToRawLongBits((Double) value), words, index);
    }
    if (value instanceof Float) {
      words.storeRelease(index, ValueTag.FLOAT);
      words.storeRelease(index + 1, Float.floatToRawIntBits((Float) value));
      return index + 2;
    }
    if (value instanceof Boolean) {
      words.storeRelease(index, ValueTag.BOOLEAN | (((Boolean) value) ? 1 << 8 : 0));
      return index + 1;
    }
    if (value instanceof String) {
      String text = (String) value;
      int length = text.length();
      words.storeRelease(index, ValueTag.STRING);
      words.storeRelease(index + 1, length);
      int at = index + 2;
      for (int i = 0; i < length; i += 2) {
        int low = text.charAt(i);
        int high = i + 1 < length ? text.charAt(i + 1) : 0;
        words.storeRelease(at++, low | (high << 16));
      }
      return at;
    }
    if (value instanceof int[]) {
      int[] array = (int[]) value;
      words.storeRelease(index, ValueTag.INT_ARRAY);
      words.storeRelease(index + 1, array.length);
      for (int i = 0; i < array.length; i++) {
        words.storeRelease(index + 2 + i, array[i]);
      }
      return index + 2 + array.length;
    }
    if (value instanceof float[]) {
      float[] array = (float[]) value;
      words.storeRelease(index, ValueTag.FLOAT_ARRAY);
      words.storeRelease(index + 1, array.length);
      for (int i = 0; i < array.length; i++) {
        words.storeRelease(index + 2 + i, Float.floatToRawIntBits(array[i]));
      }
      return index + 2 + array.length;
    }
    if (value instanceof long[]) {
      long[] array = (long[]) value;
      words.storeRelease(index, ValueTag.LONG_ARRAY);
      words.storeRelease(index + 1, array.length);
      for (int i = 0; i < array.length; i++) {
        storeLong(array[i], words, index + 2 + 2 * i);
      }
      return index + 2 + 2 * array.length;
    }
    if (value instanceof double[]) {
      double[] array = (double[]) value;
      words.storeRelease(index, ValueTag.DOUBLE_ARRAY);
      words.storeRelease(index + 1, array.length);
      for (int i = 0; i < array.length; i++) {
        storeLong(Double.doubleToRawLongBits(array[i]), words, index + 2 + 2 * i);
      }
      return index + 2 + 2 * array.length;
    }
    if (value instanceof byte[]) {
      byte[] array = (byte[]) value;
      words.storeRelease(index, ValueTag.BYTE_ARRAY);
      words.storeRelease(index + 1, array.length);
      int at = index + 2;
      for (int i = 0; i < array.length; i += 4) {
        int word = 0;
        for (int b = 0; b < 4 && i + b < array.length; b++) {
          word |= (array[i + b] & 0xFF) << (8 * b);
        }
        words.storeRelease(at++, word);
      }
      return at;
    }
    if (value instanceof SharedArrayReference) {
      SharedArrayReference array = (SharedArrayReference) value;
      words.storeRelease(index, array.valueTag());
      words.storeRelease(index + 1, array.handle());
      words.storeRelease(index + 2, array.length());
      return index + 3;
    }
    throw new IllegalArgumentException(sizeOfError(value));
  }

  private static String sizeOfError(Object value) {
    try {
      sizeOf(value);
      return "unsupported value " + value;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static int writeLong(int tag, long value, SharedWords words, int index) {
    words.storeRelease(index, tag);
    storeLong(value, words, index + 1);
    return index + 3;
  }

  static void storeLong(long value, SharedWords words, int index) {
    words.storeRelease(index, (int) value);
    words.storeRelease(index + 1, (int) (value >>> 32));
  }

  static long loadLong(SharedWords words, int index) {
    return (words.load(index) & 0xFFFFFFFFL) | ((long) words.load(index + 1) << 32);
  }
}
