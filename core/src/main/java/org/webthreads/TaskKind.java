package org.webthreads;

/**
 * A kind of pure task: a name and the code that runs it. Every thread runs the same program, so a task
 * travels between threads as its kind's id plus encoded arguments, never as an object.
 *
 * <p>Register each kind once, in code that runs on every thread before tasks of that kind arrive, for
 * example as a static field of a class that the program's entry point initialises:
 * <pre>{@code
 * static final TaskKind<Long> FIB = TaskKind.register("fib", (args, pool) -> fib(args.readInt(), pool));
 * }</pre>
 * The id is a hash of the name, so it is the same on every thread whatever the order of registration.
 */
public final class TaskKind<R> {
  private final String name;
  private final int id;
  private final TaskBody<R> body;

  TaskKind(String name, int id, TaskBody<R> body) {
    this.name = name;
    this.id = id;
    this.body = body;
  }

  /**
   * Registers a kind; the name must be unique in the program.
   *
   * @param <R> what the body returns
   * @param name the kind's name, unique in the program; its hash is the id
   * @param body the task's code
   * @return the registered kind
   */
  public static <R> TaskKind<R> register(String name, TaskBody<R> body) {
    return TaskRegistry.register(name, body);
  }

  /**
   * The name the kind was registered with.
   *
   * @return the kind's name
   */
  public String name() {
    return name;
  }

  /**
   * The kind's id: a hash of its name, the same on every thread; this is what travels with a task.
   *
   * @return the kind's id
   */
  public int id() {
    return id;
  }

  TaskBody<R> body() {
    return body;
  }

  @Override
  public String toString() {
    return "TaskKind(" + name + ")";
  }
}
