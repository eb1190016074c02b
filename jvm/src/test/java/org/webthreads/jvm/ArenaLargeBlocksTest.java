package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webthreads.memory.Arena;

/**
 * The arena's large blocks (over {@link Arena#SMALL_BLOCK_MAX_WORDS} words): sized exactly to a cache
 * line, starting on one, cut from the top; freed blocks split, merge with free neighbours on both
 * sides and go back to the gap, so that an arena whose blocks were all freed holds its largest block
 * again; small and large blocks meet in the middle without overlapping.
 */
class ArenaLargeBlocksTest {
  private static final int BASE = 7; // an odd base: the arena's words are not aligned by chance
  private static final int TOTAL = 1 << 16;

  private final JvmSharedWords words = new JvmSharedWords(BASE + TOTAL);
  private final Arena arena = new Arena(words, BASE, TOTAL);

  ArenaLargeBlocksTest() {
    arena.initialize();
  }

  @Test
  void largeBlocksAreSizedToTheCacheLineAndStartOnOne() {
    for (int payload : new int[] {1024, 1025, 2000, 4095, 4096, 10_000}) {
      int before = arena.wordsInUse();
      int handle = arena.allocate(payload);
      assertNotEquals(Arena.NO_BLOCK, handle);
      assertEquals(0, handle % 16, "payload of " + payload + " at " + handle);
      int block = ((payload + 1 + 15) / 16) * 16;
      assertEquals(block, arena.wordsInUse() - before, "block for " + payload);
      assertEquals(block - 1, arena.payloadWords(handle));
      fill(handle, arena.payloadWords(handle), payload);
    }
    // Each block kept its own words.
    int handle = arena.allocate(3000);
    fill(handle, 3000, 7);
    assertFilled(handle, 3000, 7);
  }

  @Test
  void theLargestBlockFitsAFreshArenaAndOneWordMoreNever() {
    int max = arena.maxPayloadWords();
    assertTrue(max > TOTAL - 64, "max payload " + max + " of " + TOTAL);
    int handle = arena.allocate(max);
    assertNotEquals(Arena.NO_BLOCK, handle);
    arena.free(handle);
    assertEquals(Arena.NO_BLOCK, arena.allocate(max + 1));
    assertEquals(0, arena.wordsInUse());
    // And again: the freed block went back whole.
    handle = arena.allocate(max);
    assertNotEquals(Arena.NO_BLOCK, handle);
    arena.free(handle);
  }

  @Test
  void freedNeighboursMergeOnBothSidesAndReturnToTheGap() {
    int max = arena.maxPayloadWords();
    int a = arena.allocate(5000);
    int b = arena.allocate(5000);
    int c = arena.allocate(5000);
    int d = arena.allocate(5000); // the lowest large block: frees above it cannot reach the gap
    assertTrue(d < c && c < b && b < a, "cut downwards from the top");
    arena.free(a);
    arena.free(c);
    // b's words are its own while its neighbours are free.
    fill(b, 5000, 42);
    arena.free(b); // merges with a above and c below: one free block of three
    int big = arena.allocate(3 * 5008 - 1);
    assertEquals(c, big, "the merged block is reused from its bottom, whole");
    arena.free(big);
    arena.free(d); // the lowest: back to the gap, and the free block above with it
    assertEquals(0, arena.wordsInUse());
    int all = arena.allocate(max);
    assertNotEquals(Arena.NO_BLOCK, all, "everything went back to the gap");
    arena.free(all);
  }

  @Test
  void aFreeBlockIsSplitBestFitAndTheRestStaysFree() {
    int a = arena.allocate(8000);
    int fence = arena.allocate(2000); // keeps a's block off the gap once freed
    arena.free(a);
    int small = arena.allocate(1500);
    assertTrue(small > fence && small < a + 8000, "taken from the free block, not the gap: " + small);
    int rest = arena.allocate(8016 - 1504 - 1); // exactly the rest
    assertEquals(a, rest, "the rest of the free block, at its bottom");
    fill(small, arena.payloadWords(small), 1);
    fill(rest, arena.payloadWords(rest), 2);
    assertFilled(small, arena.payloadWords(small), 1);
    arena.free(small);
    arena.free(rest);
    arena.free(fence);
    assertEquals(0, arena.wordsInUse());
    assertNotEquals(Arena.NO_BLOCK, arena.allocate(arena.maxPayloadWords()));
  }

  @Test
  void aLargeBlockFreedTwiceIsRefusedAlsoAfterMerging() {
    int a = arena.allocate(2000);
    int b = arena.allocate(2000);
    int fence = arena.allocate(2000);
    arena.free(a);
    assertThrows(IllegalStateException.class, () -> arena.free(a));
    arena.free(b); // merged into a's free block
    assertThrows(IllegalStateException.class, () -> arena.free(b));
    assertThrows(IllegalStateException.class, () -> arena.free(a));
    arena.free(fence);
    assertThrows(IllegalStateException.class, () -> arena.free(fence));
    assertEquals(0, arena.wordsInUse());
  }

  @Test
  void largeBlocksAlignedPastACacheLineFindTheirHeader() {
    int handle = arena.allocateAligned(3000, 256);
    assertEquals(0, handle % 256);
    assertTrue(arena.payloadWords(handle) >= 3000);
    fill(handle, 3000, 9);
    arena.free(handle);
    assertThrows(IllegalStateException.class, () -> arena.free(handle));
    assertEquals(0, arena.wordsInUse());
  }

  @Test
  void smallAndLargeBlocksMeetInTheMiddleWithoutOverlapping() {
    java.util.List<int[]> blocks = new java.util.ArrayList<>();
    int value = 1;
    boolean full = false;
    while (!full) {
      full = true;
      for (int payload : new int[] {20, 3000, 100, 1500}) {
        int handle = arena.allocate(payload);
        if (handle != Arena.NO_BLOCK) {
          full = false;
          fill(handle, arena.payloadWords(handle), value);
          blocks.add(new int[] {handle, arena.payloadWords(handle), value++});
        }
      }
    }
    assertTrue(arena.wordsInUse() > TOTAL - 4096, "filled: " + arena.wordsInUse());
    for (int[] block : blocks) {
      assertFilled(block[0], block[1], block[2]);
    }
    for (int[] block : blocks) {
      arena.free(block[0]);
    }
    assertEquals(0, arena.wordsInUse());
  }

  /**
   * Many small blocks (shared arrays of up to about 1,000 words take power-of-two blocks from the
   * bottom), all freed: their words serve a large block again, as wordsInUse() == 0 promises. (Before,
   * the small blocks' words stayed in their free lists for good, and an arena with nothing in use
   * reported itself full.) A small block still in use keeps them, and freeing it gives them back.
   */
  @Test
  void smallBlocksAllFreedGiveTheirWordsBackToLargeOnes() {
    int max = arena.maxPayloadWords();
    int[] small = new int[60]; // 60 blocks of 1,024 words: most of the 64 Ki-word arena
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < small.length; i++) {
        small[i] = arena.allocate(1000);
        assertNotEquals(Arena.NO_BLOCK, small[i]);
        fill(small[i], 1000, i);
      }
      for (int i = 1; i < small.length; i++) {
        arena.free(small[i]);
      }
      assertEquals(Arena.NO_BLOCK, arena.allocate(max), "one small block in use still pins the area");
      arena.free(small[0]);
      assertEquals(0, arena.wordsInUse());
      int all = arena.allocate(max);
      assertNotEquals(Arena.NO_BLOCK, all, "round " + round + ": the small blocks' words came back");
      arena.free(all);
      assertThrows(IllegalStateException.class, () -> arena.free(small[5]), "a stale handle");
    }
    // And small blocks again from the bottom, none handed out twice.
    int a = arena.allocate(3);
    int b = arena.allocate(3);
    assertNotEquals(a, b);
    arena.free(a);
    arena.free(b);
    assertEquals(0, arena.wordsInUse());
  }

  private void fill(int from, int count, int value) {
    for (int i = 0; i < count; i++) {
      words.store(from + i, value);
    }
  }

  private void assertFilled(int from, int count, int value) {
    for (int i = 0; i < count; i++) {
      assertEquals(value, words.load(from + i), "word " + (from + i));
    }
  }
}
