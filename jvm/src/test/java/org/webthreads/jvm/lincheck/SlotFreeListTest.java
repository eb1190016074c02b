package org.webthreads.jvm.lincheck;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.jupiter.api.Test;
import org.webthreads.jvm.JvmSharedWords;
import org.webthreads.scheduler.SlotFreeList;
import org.webthreads.scheduler.TaskSlots;

/**
 * The chunk stack of {@link SlotFreeList} (a Treiber stack whose head carries an ABA tag) is a
 * linearizable LIFO stack of chunks ({@link Spec}). Three chunks of 1, 2 and 3 slots, built as
 * {@code SlotMagazine} builds them (a chain through NEXT, the length in CHUNK_SIZE of the first slot),
 * start on the stack. A thread pushes back only chunks it popped itself (operations take Lincheck's
 * thread id), so the ABA interleaving (pop A, pop B, push A while another pop holds a stale link from A)
 * is in reach; every popped chunk must come back with its chain and size intact.
 */
public class SlotFreeListTest {
  static final int SLOTS = 6;
  private static final int BASE = 0;
  private static final int SLOTS_INDEX = SlotFreeList.WORDS;
  /** Chunk heads and their lengths: slots 1 | 2 3 | 4 5 6. */
  static final int[][] CHUNKS = {{1, 1}, {2, 2}, {4, 3}};
  /** Lincheck thread ids: 0 for the init part, 1..threads for the parallel part, then the post part. */
  private static final int THREADS = 3;

  private final JvmSharedWords words;
  private final SlotFreeList freeList;
  /** Per Lincheck thread: the chunks it popped and holds, most recent last. */
  private final int[][] held = new int[THREADS + 2][CHUNKS.length];
  private final int[] heldCount = new int[THREADS + 2];

  public SlotFreeListTest() {
    words = new JvmSharedWords(SLOTS_INDEX + (SLOTS + 1) * TaskSlots.SLOT_WORDS);
    freeList = new SlotFreeList(words, BASE, SLOTS_INDEX, SLOTS);
    for (int[] chunk : CHUNKS) {
      int first = chunk[0];
      for (int i = 0; i < chunk[1]; i++) {
        int next = i + 1 < chunk[1] ? first + i + 1 : 0;
        words.store(freeList.wordOf(first + i, TaskSlots.NEXT), next);
      }
      words.store(freeList.wordOf(first, TaskSlots.CHUNK_SIZE), chunk[1]);
      freeList.pushChunk(first);
    }
  }

  /** Pops a chunk for thread {@code thread}; returns its first slot, or 0. */
  @Operation
  public int pop(@Param(gen = ThreadIdGen.class) int thread) {
    int first = freeList.popChunk();
    if (first != 0) {
      checkIntact(first);
      held[thread][heldCount[thread]++] = first;
    }
    return first;
  }

  /** Pushes back the chunk thread {@code thread} popped last; returns it, or 0 when it holds none. */
  @Operation
  public int push(@Param(gen = ThreadIdGen.class) int thread) {
    if (heldCount[thread] == 0) {
      return 0;
    }
    int first = held[thread][--heldCount[thread]];
    freeList.pushChunk(first);
    return first;
  }

  private void checkIntact(int first) {
    int expected = 0;
    for (int[] chunk : CHUNKS) {
      if (chunk[0] == first) {
        expected = chunk[1];
      }
    }
    int size = words.load(freeList.wordOf(first, TaskSlots.CHUNK_SIZE));
    int length = 0;
    for (int slot = first; slot != 0; slot = words.load(freeList.wordOf(slot, TaskSlots.NEXT))) {
      if (++length > SLOTS) {
        break;
      }
    }
    if (expected == 0 || size != expected || length != expected) {
      throw new IllegalStateException("chunk " + first + " came back with size " + size + " and chain length "
          + length + ", expected " + expected);
    }
  }

  @Test
  public void modelCheck() {
    new ModelCheckingOptions()
        .iterations(40)
        .invocationsPerIteration(1000)
        .threads(THREADS)
        .actorsPerThread(3)
        .actorsBefore(1)
        .actorsAfter(2)
        .sequentialSpecification(Spec.class)
        .check(SlotFreeListTest.class);
  }

  /** Sequential specification: a stack of chunk ids, and what each thread holds. */
  public static final class Spec {
    private final ArrayDeque<Integer> stack = new ArrayDeque<>();
    private final Map<Integer, ArrayDeque<Integer>> held = new HashMap<>();

    public Spec() {
      for (int[] chunk : CHUNKS) {
        stack.push(chunk[0]);
      }
    }

    public int pop(int thread) {
      Integer first = stack.poll();
      if (first == null) {
        return 0;
      }
      held.computeIfAbsent(thread, t -> new ArrayDeque<>()).push(first);
      return first;
    }

    public int push(int thread) {
      ArrayDeque<Integer> mine = held.get(thread);
      if (mine == null || mine.isEmpty()) {
        return 0;
      }
      int first = mine.pop();
      stack.push(first);
      return first;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Spec && ((Spec) o).stack.stream().toList().equals(stack.stream().toList())
          && heldLists().equals(((Spec) o).heldLists());
    }

    @Override
    public int hashCode() {
      return stack.stream().toList().hashCode();
    }

    private Map<Integer, java.util.List<Integer>> heldLists() {
      Map<Integer, java.util.List<Integer>> lists = new HashMap<>();
      held.forEach((t, d) -> {
        if (!d.isEmpty()) {
          lists.put(t, d.stream().toList());
        }
      });
      return lists;
    }
  }
}
