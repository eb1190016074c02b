package org.webthreads;

/**
 * How a typed kind's argument of type {@code T} crosses threads: written as a declared, fixed number of
 * positional values ({@link #width()}), the same values a positional {@code submit} would take, and
 * read back from the task's {@link TaskInput} in the same order. Codecs for the built-in types are in
 * {@link Codecs}; a user type is written field by field:
 * <pre>{@code
 * record Point(double x, double y) {}
 * static final Codec<Point> POINT = Codec.of("Point", 2,
 *     (p, out) -> { out.writeDouble(p.x()); out.writeDouble(p.y()); },
 *     in -> new Point(in.readDouble(), in.readDouble()));
 * }</pre>
 * A writer that writes more or fewer values than declared, or a reader that reads another number, is
 * refused with an error naming the codec, the kind, the argument and both counts. A null value is
 * refused at submit unless the codec {@link #carriesNull()} (only {@link Codecs#STRING} and the Java
 * array codecs do).
 */
public final class Codec<T> {
  /** Writes a value's fields, in order, into {@code out}. */
  @FunctionalInterface
  public interface Writer<T> {
    /**
     * Writes {@code value}'s fields with {@code out}'s write methods: exactly the codec's width of values.
     *
     * @param value the value to write, never null unless the codec carries null
     * @param out where the fields go
     */
    void write(T value, CodecOutput out);
  }

  /** Reads a value back from the task's arguments, in the order its writer wrote them. */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * Reads one value, its fields in the order the writer wrote them.
     *
     * @param in the task's arguments, positioned at the value's first field
     * @return the value
     */
    T read(TaskInput in);
  }

  /**
   * The most values one codec may declare (and a typed kind take in all): a larger value belongs in an
   * array (one value) or a shared array.
   */
  public static final int MAX_WIDTH = 1 << 16;

  private final String name;
  private final int width;
  private final boolean carriesNull;
  final Writer<T> writer;
  final Reader<T> reader;

  private Codec(String name, int width, boolean carriesNull, Writer<T> writer, Reader<T> reader) {
    this.name = name;
    this.width = width;
    this.carriesNull = carriesNull;
    this.writer = writer;
    this.reader = reader;
  }

  /**
   * A codec for a user type, written as {@code width} positional values; named in errors by
   * {@code name} (the type's name is a good choice). It never carries null.
   *
   * @param <T> the type the codec carries
   * @param name the codec's name in errors
   * @param width how many positional values the writer writes and the reader reads (1 to {@link #MAX_WIDTH})
   * @param writer writes a value's fields
   * @param reader reads them back
   * @return the codec
   * @throws IllegalArgumentException for a null or empty name, a width below 1, or a null writer or reader
   */
  public static <T> Codec<T> of(String name, int width, Writer<T> writer, Reader<T> reader) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a codec needs a non-empty name (the type's name), used in errors");
    }
    return checked(name, width, false, writer, reader);
  }

  /**
   * {@link #of(String, int, Writer, Reader)} named "Codec.of(width values)" in errors.
   *
   * @param <T> the type the codec carries
   * @param width how many positional values the writer writes and the reader reads
   * @param writer writes a value's fields
   * @param reader reads them back
   * @return the codec
   */
  public static <T> Codec<T> of(int width, Writer<T> writer, Reader<T> reader) {
    return checked("Codec.of(" + width + " values)", width, false, writer, reader);
  }

  /** A built-in codec (see {@link Codecs}). */
  static <T> Codec<T> builtIn(String name, int width, boolean carriesNull, Writer<T> writer,
      Reader<T> reader) {
    return new Codec<>(name, width, carriesNull, writer, reader);
  }

  private static <T> Codec<T> checked(String name, int width, boolean carriesNull, Writer<T> writer,
      Reader<T> reader) {
    if (width < 1 || width > MAX_WIDTH) {
      throw new IllegalArgumentException("codec " + name + " declares " + width + " values: a codec writes "
          + "1 to " + MAX_WIDTH + " values (declare how many its writer writes; put more in an array)");
    }
    if (writer == null || reader == null) {
      throw new IllegalArgumentException("codec " + name + " needs a writer and a reader");
    }
    return new Codec<>(name, width, carriesNull, writer, reader);
  }

  /**
   * Reads a value with this codec's reader: for a codec of a type that holds this one (the writer's
   * counterpart is {@link CodecOutput#write(Codec, Object)}).
   *
   * @param in the task's arguments, positioned at the value's first field
   * @return the value read
   */
  public T read(TaskInput in) {
    return reader.read(in);
  }

  /**
   * The name errors use.
   *
   * @return the codec's name
   */
  public String name() {
    return name;
  }

  /**
   * How many positional values every value of this codec takes.
   *
   * @return the codec's width
   */
  public int width() {
    return width;
  }

  /**
   * Whether a null value may be passed (it then arrives as null).
   *
   * @return true for {@link Codecs#STRING} and the Java array codecs
   */
  public boolean carriesNull() {
    return carriesNull;
  }

  @Override
  public String toString() {
    return "Codec(" + name + ", " + width + (width == 1 ? " value)" : " values)");
  }
}
