package org.webthreads.jvm.lincheck;

import static org.webthreads.jvm.lincheck.Scenarios.call;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.jupiter.api.Test;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.SlotFreeList;
import org.webthreads.scheduler.SlotMagazine;
import org.webthreads.scheduler.TaskSlots;

/**
 * {@link SlotMagazine}s of several threads over one {@link SlotFreeList} with 4 slots: no slot is ever
 * handed out twice (an allocation of a slot that is still allocated throws), and the whole system is
 * linearizable with respect to {@link Spec}, which models each thread's two chains, the chunk stack and
 * the fresh counter with plain collections. Each thread frees only slots it allocated (operations take
 * Lincheck's thread id). A second check runs {@link SlotFreeList#awaitRelease} against a thread that
 * frees the last slot and flushes: the waiter must be woken (a lost wake-up would hang).
 */
public class SlotMagazineTest {
  static final int SLOTS = 4;
  private static final int THREADS = 3;
  private static final int SLOTS_INDEX = SlotFreeList.WORDS;

  private final SlotFreeList freeList;
  private final SlotMagazine[] magazines = new SlotMagazine[THREADS + 2];
  /** Per Lincheck thread: the slots it allocated and still holds, most recent last. */
  private final List<List<Integer>> held = new ArrayList<>();
  /** 1 while a slot is allocated. */
  private final AtomicIntegerArray allocated = new AtomicIntegerArray(SLOTS + 1);

  public SlotMagazineTest() {
    JvmSharedWords words = new JvmSharedWords(SLOTS_INDEX + (SLOTS + 1) * TaskSlots.SLOT_WORDS);
    freeList = new SlotFreeList(words, 0, SLOTS_INDEX, SLOTS);
    for (int t = 0; t < magazines.length; t++) {
      magazines[t] = new SlotMagazine(words, freeList, true);
      held.add(new ArrayList<>());
    }
  }

  /** Allocates a slot from thread {@code thread}'s magazine; returns it, or 0. */
  @Operation
  public int allocate(@Param(gen = ThreadIdGen.class) int thread) {
    return took(thread, magazines[thread].allocate());
  }

  /** Frees the slot thread {@code thread} allocated last; returns it, or 0 when it holds none. */
  @Operation
  public int free(@Param(gen = ThreadIdGen.class) int thread) {
    List<Integer> mine = held.get(thread);
    if (mine.isEmpty()) {
      return 0;
    }
    int slot = mine.remove(mine.size() - 1);
    allocated.set(slot, 0);
    magazines[thread].free(slot);
    return slot;
  }

  /** Returns thread {@code thread}'s cached slots to the shared free list; returns how many. */
  @Operation
  public int flush(@Param(gen = ThreadIdGen.class) int thread) {
    int cached = magazines[thread].cachedCount();
    magazines[thread].flush();
    return cached;
  }

  /** Not in random scenarios (it may wait for ever there): blocks until a slot is released. */
  public int await(int thread) {
    return took(thread, freeList.awaitRelease(magazines[thread], () -> { }));
  }

  private int took(int thread, int slot) {
    if (slot != 0) {
      if (slot < 1 || slot > SLOTS || !allocated.compareAndSet(slot, 0, 1)) {
        throw new IllegalStateException("slot " + slot + " handed out while allocated");
      }
      held.get(thread).add(slot);
    }
    return slot;
  }

  @Test
  public void modelCheck() {
    new ModelCheckingOptions()
        .iterations(30)
        .invocationsPerIteration(500)
        .threads(THREADS)
        .actorsPerThread(3)
        .actorsBefore(3)
        .actorsAfter(2)
        .sequentialSpecification(Spec.class)
        .check(SlotMagazineTest.class);
  }

  @Test
  public void awaitReleaseIsWoken() {
    // Thread 1 (id 1) takes all four slots into its magazine and keeps one; thread 2 finds nothing and
    // waits; thread 1 frees its slot and flushes, which must wake thread 2.
    new ModelCheckingOptions()
        .iterations(0)
        .invocationsPerIteration(3000)
        .addCustomScenario(Scenarios.build(SlotMagazineTest.class, List.of(), List.of(
            List.of(call("allocate", 1), call("free", 1), call("flush", 1)),
            List.of(call("await", 2)))))
        .sequentialSpecification(Spec.class)
        .check(SlotMagazineTest.class);
  }

  /** Sequential specification: magazines, chunk stack and fresh counter as plain collections. */
  public static final class Spec {
    private int fresh;
    /** Chunks, top first; each a chain of slots, head first. */
    private final ArrayDeque<ArrayDeque<Integer>> chunks = new ArrayDeque<>();
    private final Map<Integer, ArrayDeque<Integer>> current = new HashMap<>();
    private final Map<Integer, ArrayDeque<Integer>> spare = new HashMap<>();
    private final Map<Integer, ArrayDeque<Integer>> held = new HashMap<>();

    private static ArrayDeque<Integer> of(Map<Integer, ArrayDeque<Integer>> map, int thread) {
      return map.computeIfAbsent(thread, t -> new ArrayDeque<>());
    }

    public int allocate(int thread) {
      ArrayDeque<Integer> cur = of(current, thread);
      if (cur.isEmpty()) {
        ArrayDeque<Integer> spr = of(spare, thread);
        if (!spr.isEmpty()) {
          cur.addAll(spr);
          spr.clear();
        } else if (!chunks.isEmpty()) {
          cur.addAll(chunks.pop());
        } else if (fresh < SLOTS) {
          int taken = Math.min(SlotMagazine.CHUNK, SLOTS - fresh);
          for (int i = 1; i <= taken; i++) {
            cur.addLast(fresh + i);
          }
          fresh += taken;
        } else {
          return 0;
        }
      }
      int slot = cur.pop();
      of(held, thread).push(slot);
      return slot;
    }

    public int free(int thread) {
      ArrayDeque<Integer> mine = of(held, thread);
      if (mine.isEmpty()) {
        return 0;
      }
      int slot = mine.pop();
      ArrayDeque<Integer> cur = of(current, thread);
      if (cur.size() == SlotMagazine.CHUNK) {
        ArrayDeque<Integer> spr = of(spare, thread);
        if (spr.size() == SlotMagazine.CHUNK) {
          chunks.push(new ArrayDeque<>(spr));
        }
        spr.clear();
        spr.addAll(cur);
        cur.clear();
      }
      cur.push(slot);
      return slot;
    }

    public int flush(int thread) {
      ArrayDeque<Integer> cur = of(current, thread);
      ArrayDeque<Integer> spr = of(spare, thread);
      int cached = cur.size() + spr.size();
      if (!cur.isEmpty()) {
        chunks.push(new ArrayDeque<>(cur));
      }
      if (!spr.isEmpty()) {
        chunks.push(new ArrayDeque<>(spr));
      }
      cur.clear();
      spr.clear();
      return cached;
    }

    /** Linearizes where the slot was obtained (a wait never ends without one). */
    public int await(int thread) {
      return allocate(thread);
    }
  }
}
