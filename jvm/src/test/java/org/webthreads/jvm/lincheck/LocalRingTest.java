package org.webthreads.jvm.lincheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.execution.HBClock;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.util.LincheckResult;
import org.jetbrains.kotlinx.lincheck.util.ValueResult;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.verifier.Verifier;
import org.junit.jupiter.api.Test;
import static org.webthreads.jvm.lincheck.Scenarios.call;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.LocalRing;
import org.webthreads.scheduler.LockedSharedQueue;
import org.webthreads.scheduler.SharedQueue;

/**
 * {@link LocalRing} with one owner (push, pop) and stealers ({@code stealInto(int[])}), capacity 4, so
 * pushes overflow into a real {@link LockedSharedQueue} that any thread may drain.
 *
 * <p>Property: every history is linearizable with respect to {@link Model}, a deque-plus-overflow-queue
 * model with the ring's exact overflow rule, in which two operations take two atomic steps because the
 * implementation really does: a steal claims its cells and only later releases them (meanwhile other
 * steals find nothing and a full ring sends pushes to the overflow one by one), and an overflowing push
 * removes the older half from the ring and only later appears in the overflow queue. Lincheck's own
 * verifier needs one atomic step per operation, so {@link TwoStepLinearizability} searches the
 * interleavings of the steps (respecting program order and Lincheck's happens-before clocks). In
 * particular no id is ever lost or handed out twice, and the owner pops newest-first while stealers and
 * the overflow take the oldest.
 */
public class LocalRingTest {
  static final int CAPACITY = 4;
  private static final int STATE = 0;
  private static final int BUFFER = 1;
  private static final int QUEUE_BASE = 8;
  private static final int QUEUE_CAPACITY = 32;

  private final LocalRing ring;
  private final SharedQueue overflow;
  private final int[] scratch = new int[CAPACITY / 2 + 1];
  /** Owner-only: ids pushed so far (ids are 1, 2, 3, ... in push order). */
  private int pushed;

  public LocalRingTest() {
    JvmSharedWords words = new JvmSharedWords(QUEUE_BASE + LockedSharedQueue.wordsFor(QUEUE_CAPACITY));
    ring = new LocalRing(words, STATE, BUFFER, CAPACITY);
    overflow = new LockedSharedQueue(words, QUEUE_BASE, QUEUE_CAPACITY);
  }

  /** Owner: pushes the next id; returns it. */
  @Operation(nonParallelGroup = "owner")
  public int push() {
    int id = ++pushed;
    ring.push(id, overflow, scratch);
    return id;
  }

  /** Owner: pops the newest id, or 0. */
  @Operation(nonParallelGroup = "owner")
  public int pop() {
    return ring.pop();
  }

  /** Stealer: the ids it copied out, oldest first. */
  @Operation
  public String steal() {
    int[] out = new int[CAPACITY];
    int count = ring.stealInto(out);
    return Arrays.toString(Arrays.copyOf(out, count));
  }

  /** Any thread: takes the oldest id from the overflow queue, or 0. */
  @Operation
  public int drain() {
    return overflow.pop();
  }

  @Test
  public void modelCheck() {
    // Random scenarios rarely fill the ring; these start from a full (or nearly full) one, so that
    // overflows race with steals and drains.
    List<Scenarios.Call> fourPushes = List.of(call("push"), call("push"), call("push"), call("push"));
    new ModelCheckingOptions()
        .addCustomScenario(Scenarios.build(LocalRingTest.class, fourPushes, List.of(
            List.of(call("push"), call("pop")),
            List.of(call("steal")),
            List.of(call("steal"), call("drain")))))
        .addCustomScenario(Scenarios.build(LocalRingTest.class, fourPushes, List.of(
            List.of(call("push"), call("push")),
            List.of(call("steal")),
            List.of(call("drain"), call("drain")))))
        .addCustomScenario(Scenarios.build(LocalRingTest.class, fourPushes.subList(0, 3), List.of(
            List.of(call("push"), call("push"), call("pop")),
            List.of(call("steal"), call("steal")),
            List.of(call("drain")))))
        .iterations(30)
        .invocationsPerIteration(1000)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(5)
        .actorsAfter(2)
        .verifier(TwoStepLinearizability.class)
        .check(LocalRingTest.class);
  }

  // ---------------------------------------------------------------------------------------------
  // The model.

  /**
   * Model state: ring contents oldest first, cells a running steal has claimed but not yet released,
   * the overflow queue, and the older half an overflowing push has taken out but not yet queued.
   */
  record Model(List<Integer> ring, int claimed, List<Integer> overflow, List<Integer> inTransit) {
    static final Model EMPTY = new Model(List.of(), 0, List.of(), List.of());

    Model with(List<Integer> ring, int claimed, List<Integer> overflow, List<Integer> inTransit) {
      return new Model(List.copyOf(ring), claimed, List.copyOf(overflow), List.copyOf(inTransit));
    }
  }

  /** One step of an operation: the state after it and the step that follows (0: operation done). */
  record Step(Model next, int nextPhase) {
  }

  private static final int PUSH_SINGLE_OVERFLOW = 1;
  private static final int PUSH_BATCH_OVERFLOW = 2;
  private static final int STEAL_RELEASE = 1;

  /**
   * Applies step {@code phase} (0 = the first) of operation {@code name}, which returned {@code result},
   * to {@code s}; null when the result contradicts the model.
   */
  static Step step(Model s, String name, Object result, int phase) {
    List<Integer> ring = new ArrayList<>(s.ring());
    List<Integer> overflow = new ArrayList<>(s.overflow());
    switch (name) {
      case "push": {
        int id = (Integer) result;
        if (phase == 0) {
          if (ring.size() + s.claimed() < CAPACITY) { // room (claimed cells are not free yet)
            ring.add(id);
            return new Step(s.with(ring, s.claimed(), overflow, s.inTransit()), 0);
          }
          if (s.claimed() > 0) { // full while a steal copies out: this task alone goes to the queue
            return new Step(s, PUSH_SINGLE_OVERFLOW);
          }
          // full: the older half leaves the ring now, reaches the queue in the next step
          List<Integer> half = new ArrayList<>(ring.subList(0, CAPACITY / 2));
          ring.subList(0, CAPACITY / 2).clear();
          return new Step(s.with(ring, 0, overflow, half), PUSH_BATCH_OVERFLOW);
        }
        if (phase == PUSH_SINGLE_OVERFLOW) {
          overflow.add(id);
          return new Step(s.with(ring, s.claimed(), overflow, s.inTransit()), 0);
        }
        overflow.addAll(s.inTransit());
        overflow.add(id);
        return new Step(s.with(ring, s.claimed(), overflow, List.of()), 0);
      }
      case "pop": {
        int expected = ring.isEmpty() ? 0 : ring.remove(ring.size() - 1);
        return expected == (Integer) result ? new Step(s.with(ring, s.claimed(), overflow, s.inTransit()), 0) : null;
      }
      case "steal": {
        if (phase == STEAL_RELEASE) {
          return new Step(s.with(ring, 0, overflow, s.inTransit()), 0);
        }
        if (s.claimed() > 0 || ring.isEmpty()) { // another steal is copying out, or nothing to take
          return "[]".equals(result) ? new Step(s, 0) : null;
        }
        int count = ring.size() - ring.size() / 2;
        List<Integer> taken = new ArrayList<>(ring.subList(0, count));
        if (!taken.toString().equals(result)) {
          return null;
        }
        ring.subList(0, count).clear();
        return new Step(s.with(ring, count, overflow, s.inTransit()), STEAL_RELEASE);
      }
      case "drain": {
        int expected = overflow.isEmpty() ? 0 : overflow.remove(0);
        return expected == (Integer) result ? new Step(s.with(ring, s.claimed(), overflow, s.inTransit()), 0) : null;
      }
      default:
        throw new IllegalArgumentException("unknown operation " + name);
    }
  }

  /**
   * Linearizability where an operation may consist of several atomic steps of {@link #step}: searches
   * for an interleaving of all steps that keeps each thread's program order, starts an operation only
   * after every operation that happened before it (Lincheck's clocks) has finished, and reproduces every
   * result. The init part runs before and the post part after the parallel part.
   */
  public static final class TwoStepLinearizability implements Verifier {
    public TwoStepLinearizability(Class<?> sequentialSpecification) {
    }

    @Override
    public boolean verifyResults(ExecutionScenario scenario, ExecutionResult results) {
      Model state = runSequentially(Model.EMPTY, scenario.getInitExecution(), results.getInitResults());
      if (state == null) {
        return false;
      }
      return new Search(scenario, results).explore(state);
    }

    /** Runs whole operations one after the other; null when a result does not match. */
    static Model runSequentially(Model state, List<Actor> actors, List<? extends LincheckResult> results) {
      for (int i = 0; i < actors.size() && state != null; i++) {
        Object value = valueOf(results.get(i));
        if (value == null) {
          return null;
        }
        int phase = 0;
        do {
          Step step = step(state, actors.get(i).getMethod().getName(), value, phase);
          if (step == null) {
            return null;
          }
          state = step.next();
          phase = step.nextPhase();
        } while (phase != 0);
      }
      return state;
    }

    /** The returned value, or null for an exception or anything else an operation must not produce. */
    static Object valueOf(LincheckResult result) {
      return result instanceof ValueResult ? ((ValueResult) result).getValue() : null;
    }

    private static final class Search {
      final ExecutionScenario scenario;
      final ExecutionResult results;
      final List<List<Actor>> threads;
      final List<List<ResultWithClock>> threadResults;
      final Set<String> visited = new HashSet<>();

      Search(ExecutionScenario scenario, ExecutionResult results) {
        this.scenario = scenario;
        this.results = results;
        this.threads = scenario.getParallelExecution();
        this.threadResults = results.getParallelResultsWithClock();
      }

      boolean explore(Model initial) {
        return explore(initial, new int[threads.size()], new int[threads.size()]);
      }

      /** {@code done[t]}: operations of thread t finished; {@code phase[t]}: next step of the current one. */
      private boolean explore(Model state, int[] done, int[] phase) {
        boolean finished = true;
        for (int t = 0; t < threads.size(); t++) {
          finished &= done[t] == threads.get(t).size();
        }
        if (finished) {
          return runSequentially(state, scenario.getPostExecution(), results.getPostResults()) != null;
        }
        if (!visited.add(Arrays.toString(done) + Arrays.toString(phase) + state)) {
          return false;
        }
        for (int t = 0; t < threads.size(); t++) {
          if (done[t] == threads.get(t).size() || (phase[t] == 0 && !happensBeforeDone(t, done))) {
            continue;
          }
          Object value = valueOf(threadResults.get(t).get(done[t]).getResult());
          if (value == null) {
            return false; // an exception (or a hang) is never linearizable here
          }
          String name = threads.get(t).get(done[t]).getMethod().getName();
          Step step = step(state, name, value, phase[t]);
          if (step == null) {
            continue;
          }
          int[] nextDone = done.clone();
          int[] nextPhase = phase.clone();
          nextPhase[t] = step.nextPhase();
          if (step.nextPhase() == 0) {
            nextDone[t]++;
          }
          if (explore(step.next(), nextDone, nextPhase)) {
            return true;
          }
        }
        return false;
      }

      /** Every operation that finished before operation done[t] of thread t started has finished here. */
      private boolean happensBeforeDone(int t, int[] done) {
        HBClock clock = threadResults.get(t).get(done[t]).getClockOnStart();
        for (int j = 0; j < done.length && j < clock.getThreads(); j++) {
          if (j != t && done[j] < clock.get(j)) {
            return false;
          }
        }
        return true;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The verifier itself: it accepts the two-step behaviour and rejects what a broken ring would produce
  // (so the check above can fail).

  @Test
  public void verifierAcceptsTwoStepHistoriesAndRejectsBrokenOnes() {
    // Init: the owner pushes 1..4 (ring full) or 1..5 (the 5th overflows: [1, 2, 5] go to the queue).
    // Threads below: thread 0 is the owner.
    assertTrue(verify(5, List.of(List.of("steal", "[3]"), List.of("steal", "[]"), List.of("pop", 4))));
    assertTrue(verify(5, List.of(List.of("pop", 4), List.of("steal", "[3]"), List.of("drain", 1))));
    // Only the two-step model explains this: the steal claimed [1, 2] and had not released them when
    // push 5 found the ring full, so 5 alone went to the queue and the ring still holds [3, 4].
    assertTrue(verify(4, List.of(List.of("push", 5, "pop", 4), List.of("steal", "[1, 2]"),
        List.of("drain", 5))));
    // ... and this: push 5 took [1, 2] out of the ring but had not queued them when the others looked.
    assertTrue(verify(4, List.of(List.of("push", 5, "pop", 0), List.of("steal", "[3]"),
        List.of("steal", "[4]", "drain", 0))));
    // The same id twice: a stealer and the owner both got 3.
    assertFalse(verify(5, List.of(List.of("pop", 3), List.of("steal", "[3]"), List.of("drain", 1))));
    // Out of order: the queue yielded 2 before 1 (the batch must keep its order).
    assertFalse(verify(5, List.of(List.of("pop", 4), List.of("drain", 2), List.of("steal", "[]"))));
    // A steal that took the newest instead of the oldest.
    assertFalse(verify(5, List.of(List.of("pop", 3), List.of("steal", "[4]"), List.of("drain", 1))));
    // Lost id: after everything, 3 is nowhere (the ring was [3, 4]; pop 4, then pop 0).
    assertFalse(verify(5, List.of(List.of("pop", 4, "pop", 0), List.of("drain", 1))));
  }

  /**
   * Runs the verifier on a fabricated history: {@code initPushes} pushes, then one list of alternating
   * operation names and results per thread, all operations concurrent (empty clocks).
   */
  private static boolean verify(int initPushes, List<List<Object>> threads) {
    List<Actor> init = new ArrayList<>();
    List<LincheckResult> initResults = new ArrayList<>();
    for (int id = 1; id <= initPushes; id++) {
      init.add(actor("push"));
      initResults.add(new ValueResult(id));
    }
    List<List<Actor>> parallel = new ArrayList<>();
    List<List<ResultWithClock>> parallelResults = new ArrayList<>();
    for (List<Object> thread : threads) {
      List<Actor> actors = new ArrayList<>();
      List<ResultWithClock> results = new ArrayList<>();
      for (int i = 0; i < thread.size(); i += 2) {
        actors.add(actor((String) thread.get(i)));
        results.add(new ResultWithClock(new ValueResult(thread.get(i + 1)), new HBClock(new int[threads.size()])));
      }
      parallel.add(actors);
      parallelResults.add(results);
    }
    ExecutionScenario scenario = new ExecutionScenario(init, parallel, List.of(), null);
    return new TwoStepLinearizability(null)
        .verifyResults(scenario, new ExecutionResult(initResults, parallelResults, List.of()));
  }

  private static Actor actor(String name) {
    for (Method m : LocalRingTest.class.getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0) {
        return new Actor(m, List.of());
      }
    }
    throw new IllegalArgumentException(name);
  }
}
