package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webthreads.memory.Arena;

/**
 * The arena on real threads: threads allocate and free small and large blocks at once, each filling
 * every payload word of its blocks with a value of its own and checking it before the free, so two
 * threads handed overlapping words (a lost update of a free list, the boundary or a merge) show up as
 * a wrong word. Afterwards nothing is in use, and with large blocks only, the freed blocks have merged
 * back into the whole arena.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArenaStressTest {
  private static final int THREADS = 4;
  private static final int ROUNDS = 4_000;
  private static final int TOTAL = 1 << 18;

  @Test
  void mixedBlocksNeverOverlapAndAllComeBack() throws Exception {
    JvmSharedWords words = new JvmSharedWords(TOTAL + 3);
    Arena arena = new Arena(words, 3, TOTAL);
    arena.initialize();
    run(words, arena, new int[] {1, 6, 30, 200, 900, 1100, 2500, 7000});
    assertEquals(0, arena.wordsInUse());
  }

  @Test
  void largeBlocksMergeBackIntoTheWholeArena() throws Exception {
    JvmSharedWords words = new JvmSharedWords(TOTAL);
    Arena arena = new Arena(words, 0, TOTAL);
    arena.initialize();
    run(words, arena, new int[] {1100, 2000, 3333, 5000, 12_000});
    assertEquals(0, arena.wordsInUse());
    int all = arena.allocate(arena.maxPayloadWords());
    assertNotEquals(Arena.NO_BLOCK, all, "the freed large blocks did not merge back into one");
    arena.free(all);
  }

  /** THREADS threads, each keeping up to 8 blocks of the given payload sizes, for ROUNDS rounds. */
  private static void run(JvmSharedWords words, Arena arena, int[] sizes) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(THREADS);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      int id = t + 1;
      threads[t] = new Thread(() -> {
        try {
          start.await();
          churn(words, arena, sizes, id);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }, "arena-stress-" + id);
      threads[t].start();
    }
    start.countDown();
    StressSupport.await(done, "the arena stress threads");
    if (failure.get() != null) {
      throw new AssertionError("an arena stress thread failed", failure.get());
    }
  }

  private static void churn(JvmSharedWords words, Arena arena, int[] sizes, int id) {
    ArrayDeque<int[]> held = new ArrayDeque<>();
    java.util.Random random = new java.util.Random(id);
    for (int round = 0; round < ROUNDS; round++) {
      if (held.size() < 8 && random.nextInt(3) != 0) {
        int size = sizes[random.nextInt(sizes.length)];
        int handle = random.nextBoolean() ? arena.allocate(size) : arena.allocateAligned(size, 16);
        if (handle == Arena.NO_BLOCK) {
          continue; // full for the moment: the others free
        }
        int value = (id << 24) | round;
        int payload = arena.payloadWords(handle);
        if (payload < size) {
          throw new AssertionError("asked for " + size + " words, got " + payload);
        }
        for (int i = 0; i < payload; i++) {
          words.store(handle + i, value);
        }
        held.add(new int[] {handle, payload, value});
      } else if (!held.isEmpty()) {
        int[] block = random.nextBoolean() ? held.pollFirst() : held.pollLast();
        check(words, block);
        arena.free(block[0]);
      }
    }
    for (int[] block : held) {
      check(words, block);
      arena.free(block[0]);
    }
  }

  private static void check(JvmSharedWords words, int[] block) {
    for (int i = 0; i < block[1]; i++) {
      int seen = words.load(block[0] + i);
      if (seen != block[2]) {
        throw new AssertionError("word " + (block[0] + i) + " of the block at " + block[0] + " holds "
            + Integer.toHexString(seen) + ", written " + Integer.toHexString(block[2])
            + ": another thread was given the same words");
      }
    }
  }
}
