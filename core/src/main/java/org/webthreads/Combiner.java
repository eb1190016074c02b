package org.webthreads;

import java.util.function.BinaryOperator;

/**
 * The combining step of a map-reduce over a range ({@link ThreadPool#mapReduce}): joins the results of
 * two adjacent sub-ranges, left first. Any pool thread may run it, and in the browser every thread has
 * its own heap, so, like a {@link TaskKind}, it is registered once by name in code that runs on every
 * thread and travels as its id:
 * <pre>{@code
 * static final Combiner<Long> SUM = Combiner.register("sum", Long::sum);
 * }</pre>
 * The step must be associative (sub-ranges are combined in a tree whose shape depends on timing); it
 * need not be commutative (the left sub-range's result is always the first operand).
 */
public final class Combiner<R> {
  private static final java.util.Map<Integer, Combiner<?>> BY_ID = new java.util.HashMap<>();

  private final String name;
  private final int id;
  private final BinaryOperator<R> step;

  private Combiner(String name, int id, BinaryOperator<R> step) {
    this.name = name;
    this.id = id;
    this.step = step;
  }

  /**
   * Registers a combining step; the name must be unique among the program's combiners.
   *
   * @param <R> the type of the values combined
   * @param name the combiner's name, unique among the program's combiners; its hash is the id
   * @param step joins the left sub-range's value with the right's; associative
   * @return the registered combiner, to pass to {@link ThreadPool#mapReduce}
   */
  public static synchronized <R> Combiner<R> register(String name, BinaryOperator<R> step) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a combiner needs a non-empty name");
    }
    if (step == null) {
      throw new IllegalArgumentException("combiner '" + name + "' needs a step");
    }
    int id = TaskRegistry.idOf(name);
    Combiner<?> existing = BY_ID.get(id);
    if (existing != null) {
      throw new IllegalStateException(existing.name.equals(name)
          ? "combiner '" + name + "' is registered twice: register it once, in a static field"
          : "combiner names '" + name + "' and '" + existing.name + "' hash to the same id: rename one");
    }
    Combiner<R> combiner = new Combiner<>(name, id, step);
    BY_ID.put(id, combiner);
    return combiner;
  }

  static synchronized Combiner<?> lookup(int id) {
    Combiner<?> combiner = BY_ID.get(id);
    if (combiner == null) {
      throw new IllegalStateException("unknown combiner id " + Integer.toHexString(id) + " on this thread: "
          + "register every Combiner in code that runs on every thread (e.g. a static field of a class "
          + "the program's entry point initialises)");
    }
    return combiner;
  }

  /**
   * The name the combiner was registered with.
   *
   * @return the combiner's name
   */
  public String name() {
    return name;
  }

  /**
   * The combiner's id: a hash of its name, the same on every thread; this is what travels with a map-reduce.
   *
   * @return the combiner's id
   */
  public int id() {
    return id;
  }

  @SuppressWarnings("unchecked")
  Object combine(Object left, Object right) {
    return step.apply((R) left, (R) right);
  }

  @Override
  public String toString() {
    return "Combiner(" + name + ")";
  }
}
