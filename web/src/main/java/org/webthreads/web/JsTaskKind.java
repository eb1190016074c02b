package org.webthreads.web;

import java.util.HashMap;
import java.util.Map;

/**
 * A kind of JS task: a task that carries JavaScript objects, travels by postMessage and runs before
 * the target's queued pure tasks. Like {@link org.webthreads.TaskKind}, register each kind once, in
 * code that runs on every thread before {@link WebThreads#start} (main runs on the page and in every
 * worker), e.g. in a static field:
 * <pre>{@code
 * static final JsTaskKind DRAW = JsTaskKind.register("draw", (payload, context) -> ...);
 * }</pre>
 */
public final class JsTaskKind {
  private static final Map<String, JsTaskKind> KINDS = new HashMap<>();
  private final String name;
  private final JsTaskHandler handler;

  private JsTaskKind(String name, JsTaskHandler handler) {
    this.name = name;
    this.handler = handler;
  }

  /**
   * Registers a JS task kind; the name must be unique in the program.
   *
   * @param name the kind's name, unique; it travels with each task
   * @param handler the task's code
   * @return the registered kind, to pass to {@link WebPlatform#sendJs}
   * @throws IllegalArgumentException for an empty name or a null handler
   * @throws IllegalStateException for a name registered before
   */
  public static synchronized JsTaskKind register(String name, JsTaskHandler handler) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a JS task kind needs a non-empty name");
    }
    if (handler == null) {
      throw new IllegalArgumentException("JS task kind '" + name + "' needs a handler");
    }
    if (KINDS.containsKey(name)) {
      throw new IllegalStateException("JS task kind '" + name + "' is registered twice: register each "
          + "kind once, in a static field, and reuse that JsTaskKind");
    }
    JsTaskKind kind = new JsTaskKind(name, handler);
    KINDS.put(name, kind);
    return kind;
  }

  static synchronized JsTaskKind lookup(String name) {
    return KINDS.get(name);
  }

  /**
   * The name the kind was registered with.
   *
   * @return the kind's name
   */
  public String name() {
    return name;
  }

  JsTaskHandler handler() {
    return handler;
  }

  @Override
  public String toString() {
    return "JsTaskKind(" + name + ")";
  }
}
