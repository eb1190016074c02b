package org.webthreads.jvm.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/** Builds Lincheck custom scenarios from Java (the DSL is Kotlin-only). */
final class Scenarios {
  private Scenarios() {
  }

  /** An operation call by name; resolved against the test class in {@link #build}. */
  record Call(String name, Object[] args) {
  }

  static Call call(String name, Object... args) {
    return new Call(name, args);
  }

  static ExecutionScenario build(Class<?> testClass, List<Call> init, List<List<Call>> parallel) {
    List<List<Actor>> threads = new ArrayList<>();
    for (List<Call> thread : parallel) {
      threads.add(actors(testClass, thread));
    }
    return new ExecutionScenario(actors(testClass, init), threads, List.of(), null);
  }

  private static List<Actor> actors(Class<?> testClass, List<Call> calls) {
    List<Actor> actors = new ArrayList<>();
    for (Call call : calls) {
      actors.add(new Actor(find(testClass, call), Arrays.asList(call.args())));
    }
    return actors;
  }

  private static Method find(Class<?> testClass, Call call) {
    for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(call.name()) && m.getParameterCount() == call.args().length) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException("no operation " + call.name() + " in " + testClass);
  }
}
