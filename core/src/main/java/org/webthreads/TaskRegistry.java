package org.webthreads;

/**
 * The program's task kinds by id: an open-addressing table that is replaced (copy on write) at each
 * registration, so that the lookup on every task run is one volatile read and a probe, with no lock
 * and no boxing.
 */
final class TaskRegistry {
  private static volatile TaskKind<?>[] table = new TaskKind<?>[64];
  private static int count;

  private TaskRegistry() {
  }

  static synchronized <R> TaskKind<R> register(String name, TaskBody<R> body) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a task kind needs a non-empty name");
    }
    if (body == null) {
      throw new IllegalArgumentException("task kind '" + name + "' needs a body");
    }
    int id = idOf(name);
    TaskKind<?> existing = lookup(id);
    if (existing != null) {
      if (existing.name().equals(name)) {
        throw new IllegalStateException("task kind '" + name + "' is registered twice: register each "
            + "kind once, in a static field, and reuse that TaskKind");
      }
      throw new IllegalStateException("task kind names '" + name + "' and '" + existing.name()
          + "' hash to the same id " + Integer.toHexString(id) + ": rename one of them");
    }
    TaskKind<R> kind = new TaskKind<>(name, id, body);
    TaskKind<?>[] current = table;
    TaskKind<?>[] next = current;
    if ((count + 1) * 2 > current.length) {
      next = new TaskKind<?>[current.length * 2];
      for (TaskKind<?> k : current) {
        if (k != null) {
          insert(next, k);
        }
      }
    } else {
      next = current.clone();
    }
    insert(next, kind);
    count++;
    table = next;
    return kind;
  }

  static TaskKind<?> lookup(int id) {
    TaskKind<?>[] current = table;
    int mask = current.length - 1;
    for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
      TaskKind<?> kind = current[i];
      if (kind == null || kind.id() == id) {
        return kind;
      }
    }
  }

  /** FNV-1a over the name's chars; never 0. */
  static int idOf(String name) {
    int hash = 0x811C9DC5;
    for (int i = 0; i < name.length(); i++) {
      hash ^= name.charAt(i);
      hash *= 0x01000193;
    }
    return hash == 0 ? 1 : hash;
  }

  private static void insert(TaskKind<?>[] into, TaskKind<?> kind) {
    int mask = into.length - 1;
    int i = mix(kind.id()) & mask;
    while (into[i] != null) {
      i = (i + 1) & mask;
    }
    into[i] = kind;
  }

  private static int mix(int id) {
    int h = id * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
