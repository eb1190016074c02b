package org.webthreads.codec;

import org.webthreads.memory.SharedWords;

/**
 * Reads a stream written by {@link ValueCodec}, value after value, checking each tag so that a reader
 * expecting the wrong type gets a clear error instead of garbage.
 */
public class ValueReader {
  private final SharedWords words;
  private final String namePrefix;
  private final String nameMiddle;
  private final String nameSuffix;
  private int index;
  private final int end;
  private int position;

  /**
   * A reader of the values from word {@code index} to {@code end}, made by the library (a task receives
   * a {@code TaskInput}, a subclass).
   *
   * @param words the shared words holding the stream
   * @param index the first word of the stream
   * @param end the word after the stream's last
   * @param streamName names the stream in errors, e.g. "task 'fib' argument"
   */
  public ValueReader(SharedWords words, int index, int end, String streamName) {
    this(words, index, end, streamName, "", "");
  }

  /**
   * Names the stream as {@code prefix + middle + suffix}, joined only when an error needs the name:
   * a reader is made for every task, and most never report anything.
   *
   * @param words the shared words holding the stream
   * @param index the first word of the stream
   * @param end the word after the stream's last
   * @param prefix the name's first part, e.g. {@code "task '"}
   * @param middle the name's second part, e.g. the task kind's name
   * @param suffix the name's last part, e.g. {@code "' argument"}
   */
  public ValueReader(SharedWords words, int index, int end, String prefix, String middle,
      String suffix) {
    this.words = words;
    this.index = index;
    this.end = end;
    this.namePrefix = prefix;
    this.nameMiddle = middle;
    this.nameSuffix = suffix;
  }

  private String streamName() {
    return namePrefix + nameMiddle + nameSuffix;
  }

  /**
   * How many values were read so far (a null counts as one): typed codecs check their width by it.
   *
   * @return the values read so far
   */
  public int valuesRead() {
    return position;
  }

  /**
   * Whether a value is left to read.
   *
   * @return true before the stream's end
   */
  public boolean hasNext() {
    return index < end;
  }

  /**
   * Tag of the next value, or 0 at the end.
   *
   * @return a {@link ValueTag} constant, or 0 when every value was read
   */
  public int peekTag() {
    return index < end ? words.load(index) & 0xFF : 0;
  }

  /**
   * Reads the next value, which must be an {@code int}.
   *
   * @return the value
   * @throws IllegalArgumentException when the next value is of another type (or null); the message names the
   *     stream and the position
   * @throws IllegalStateException when every value was read already
   */
  public int readInt() {
    expect(ValueTag.INT);
    int value = words.load(index + 1);
    index += 2;
    return value;
  }

  /**
   * Reads the next value, which must be a {@code long}.
   *
   * @return the value
   * @throws IllegalArgumentException when the next value is of another type (or null); the message names the
   *     stream and the position
   * @throws IllegalStateException when every value was read already
   */
  public long readLong() {
    expect(ValueTag.LONG);
    long value = ValueCodec.loadLong(words, index + 1);
    index += 3;
    return value;
  }

  /**
   * Reads the next value, which must be a {@code double}.
   *
   * @return the value
   * @throws IllegalArgumentException when the next value is of another type (or null); the message names the
   *     stream and the position
   * @throws IllegalStateException when every value was read already
   */
  public double readDouble() {
    expect(ValueTag.DOUBLE);
    double value = Double.longBitsToDouble(ValueCodec.loadLong(words, index + 1));
    index += 3;
    return value;
  }

  /**
   * Reads the next value, which must be a {@code float}.
   *
   * @return the value
   * @throws IllegalArgumentException when the next value is of another type (or null); the message names the
   *     stream and the position
   * @throws IllegalStateException when every value was read already
   */
  public float readFloat() {
    expect(ValueTag.FLOAT);
    float value = Float.intBitsToFloat(words.load(index + 1));
    index += 2;
    return value;
  }

  /**
   * Reads the next value, which must be a {@code boolean}.
   *
   * @return the value
   * @throws IllegalArgumentException when the next value is of another type (or null); the message names the
   *     stream and the position
   * @throws IllegalStateException when every value was read already
   */
  public boolean readBoolean() {
    int header = expect(ValueTag.BOOLEAN);
    index += 1;
    return (header >>> 8) != 0;
  }

  /**
   * Reads the next value, which must be a {@code String} or null.
   *
   * @return the value, or null
   * @throws IllegalArgumentException when the next value is of another type
   * @throws IllegalStateException when every value was read already
   */
  public String readString() {
    if (skipNull()) {
      return null;
    }
    expect(ValueTag.STRING);
    int length = words.load(index + 1);
    char[] chars = new char[length];
    int at = index + 2;
    for (int i = 0; i < length; i += 2) {
      int word = words.load(at++);
      chars[i] = (char) (word & 0xFFFF);
      if (i + 1 < length) {
        chars[i + 1] = (char) (word >>> 16);
      }
    }
    index = at;
    return new String(chars);
  }

  /**
   * Reads the next value, which must be a {@code int[]} or null (a copy the reader owns).
   *
   * @return the value, or null
   * @throws IllegalArgumentException when the next value is of another type
   * @throws IllegalStateException when every value was read already
   */
  public int[] readIntArray() {
    if (skipNull()) {
      return null;
    }
    expect(ValueTag.INT_ARRAY);
    int length = words.load(index + 1);
    int[] array = new int[length];
    for (int i = 0; i < length; i++) {
      array[i] = words.load(index + 2 + i);
    }
    index += 2 + length;
    return array;
  }

  /**
   * Reads the next value, which must be a {@code float[]} or null (a copy the reader owns).
   *
   * @return the value, or null
   * @throws IllegalArgumentException when the next value is of another type
   * @throws IllegalStateException when every value was read already
   */
  public float[] readFloatArray() {
    if (skipNull()) {
      return null;
    }
    expect(ValueTag.FLOAT_ARRAY);
    int length = words.load(index + 1);
    float[] array = new float[length];
    for (int i = 0; i < length; i++) {
      array[i] = Float.intBitsToFloat(words.load(index + 2 + i));
    }
    index += 2 + length;
    return array;
  }

  /**
   * Reads the next value, which must be a {@code long[]} or null (a copy the reader owns).
   *
   * @return the value, or null
   * @throws IllegalArgumentException when the next value is of another type
   * @throws IllegalStateException when every value was read already
   */
  public long[] readLongArray() {
    if (skipNull()) {
      return null;
    }
    expect(ValueTag.LONG_ARRAY);
    int length = words.load(index + 1);
    long[] array = new long[length];
    for (int i = 0; i < length; i++) {
      array[i] = ValueCodec.loadLong(words, index + 2 + 2 * i);
    }
    index += 2 + 2 * length;
    return array;
  }

  /**
   * Reads the next value, which must be a {@code double[]} or null (a copy the reader owns).
   *
   * @return the value, or null
   * @throws IllegalArgumentException when the next value is of another type
   * @throws IllegalStateException when every value was read already
   */
  public double[] readDoubleArray() {
    if (skipNull()) {
      return null;
    }
    expect(ValueTag.DOUBLE_ARRAY);
    int length = words.load(index + 1);
    double[] array = new double[length];
    for (int i = 0; i < length; i++) {
      array[i] = Double.longBitsToDouble(ValueCodec.loadLong(words, index + 2 + 2 * i));
    }
    index += 2 + 2 * length;
    return array;
  }

  /**
   * Reads the next value, which must be a {@code byte[]} or null (a copy the reader owns).
   *
   * @return the value, or null
   * @throws IllegalArgumentException when the next value is of another type
   * @throws IllegalStateException when every value was read already
   */
  public byte[] readByteArray() {
    if (skipNull()) {
      return null;
    }
    expect(ValueTag.BYTE_ARRAY);
    int length = words.load(index + 1);
    byte[] array = new byte[length];
    int at = index + 2;
    for (int i = 0; i < length; i += 4) {
      int word = words.load(at++);
      for (int b = 0; b < 4 && i + b < length; b++) {
        array[i + b] = (byte) (word >>> (8 * b));
      }
    }
    index = at;
    return array;
  }

  /**
   * Reads a SharedIntArray reference as {@code handle << 32 | length}.
   *
   * @return the reference: handle in the high 32 bits, length in the low
   */
  protected long readSharedIntArrayReference() {
    return readSharedArrayReference(ValueTag.SHARED_INT_ARRAY);
  }

  /**
   * Reads a SharedFloatArray reference as {@code handle << 32 | length}.
   *
   * @return the reference: handle in the high 32 bits, length in the low
   */
  protected long readSharedFloatArrayReference() {
    return readSharedArrayReference(ValueTag.SHARED_FLOAT_ARRAY);
  }

  /**
   * Reads a reference to a shared array of type {@code tag} as {@code handle << 32 | length}.
   *
   * @param tag the array type's {@link ValueTag}
   * @return the reference: handle in the high 32 bits, length in the low
   */
  protected long readSharedArrayReference(int tag) {
    expect(tag);
    long reference = ((long) words.load(index + 1) << 32) | (words.load(index + 2) & 0xFFFFFFFFL);
    index += 3;
    return reference;
  }

  /**
   * Reads the next value whatever its type (boxed). Shared arrays need a pool: see subclasses.
   *
   * @return the value, boxed; null for a null
   */
  public Object readValue() {
    int tag = peekTag();
    switch (tag) {
      case ValueTag.NULL: skipNull(); return null;
      case ValueTag.INT: return readInt();
      case ValueTag.LONG: return readLong();
      case ValueTag.DOUBLE: return readDouble();
      case ValueTag.FLOAT: return readFloat();
      case ValueTag.BOOLEAN: return readBoolean();
      case ValueTag.STRING: return readString();
      case ValueTag.INT_ARRAY: return readIntArray();
      case ValueTag.LONG_ARRAY: return readLongArray();
      case ValueTag.DOUBLE_ARRAY: return readDoubleArray();
      case ValueTag.FLOAT_ARRAY: return readFloatArray();
      case ValueTag.BYTE_ARRAY: return readByteArray();
      default:
        return readOther(tag);
    }
  }

  /**
   * Reads a value {@link #readValue} has no case for; here it throws, a subclass that can build shared
   * arrays reads them.
   *
   * @param tag the next value's tag
   * @return the value
   * @throws IllegalStateException always, here
   */
  protected Object readOther(int tag) {
    throw new IllegalStateException(streamName() + " " + position + ": cannot read a "
        + ValueTag.name(tag) + " here");
  }

  private boolean skipNull() {
    if (peekTag() == ValueTag.NULL) {
      index++;
      position++;
      return true;
    }
    return false;
  }

  private int expect(int tag) {
    if (index >= end) {
      throw new IllegalStateException(streamName() + " " + position + " was read, but only "
          + position + " were passed");
    }
    int header = words.load(index);
    if ((header & 0xFF) != tag) {
      throw new IllegalArgumentException(streamName() + " " + position + " is a "
          + ValueTag.name(header & 0xFF) + ", but was read as " + ValueTag.name(tag));
    }
    position++;
    return header;
  }
}
