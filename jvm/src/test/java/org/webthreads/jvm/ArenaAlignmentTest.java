package org.webthreads.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webthreads.PoolConfig;
import org.webthreads.SharedIntArray;
import org.webthreads.ThreadPool;
import org.webthreads.memory.Arena;

/**
 * Aligned arena blocks: the payload starts on the asked multiple, the padding never overlaps a
 * neighbour, and free / payloadWords / reuse find the block's header from the aligned handle.
 */
class ArenaAlignmentTest {
  private static final int BASE = 5; // an odd base, so that blocks start unaligned

  @Test
  void alignedBlocksStartOnTheMultipleAndKeepToThemselves() {
    JvmSharedWords words = new JvmSharedWords(1 << 12);
    Arena arena = new Arena(words, BASE, (1 << 12) - BASE);
    arena.initialize();
    int small = arena.allocate(5);
    int aligned = arena.allocateAligned(100, 16);
    int after = arena.allocate(5);
    assertEquals(0, aligned % 16, "handle " + aligned);
    assertTrue(arena.payloadWords(aligned) >= 100, "payload " + arena.payloadWords(aligned));
    assertTrue(arena.payloadWords(small) >= 5);
    // Fill every block entirely: none may overwrite another.
    fill(words, small, 5, 1);
    fill(words, aligned, arena.payloadWords(aligned), 2);
    fill(words, after, arena.payloadWords(after), 3);
    assertFilled(words, small, 5, 1);
    assertFilled(words, aligned, arena.payloadWords(aligned), 2);
    assertFilled(words, after, arena.payloadWords(after), 3);
  }

  @Test
  void anAlignedBlockIsFreedAndReusedWholeByAnyAllocation() {
    JvmSharedWords words = new JvmSharedWords(1 << 12);
    Arena arena = new Arena(words, BASE, (1 << 12) - BASE);
    arena.initialize();
    arena.allocate(5);
    int inUse = arena.wordsInUse();
    int aligned = arena.allocateAligned(100, 16);
    int block = arena.wordsInUse() - inUse;
    assertNotEquals(0, (aligned - 1) % 16, "this test needs a padded block; handle " + aligned);
    fill(words, aligned, arena.payloadWords(aligned), 7);
    arena.free(aligned);
    assertEquals(inUse, arena.wordsInUse());

    // The same size class, unaligned: the freed block comes back, with all of its words usable.
    int plain = arena.allocate(block - 1);
    assertTrue(plain < aligned && aligned < plain + block, "the freed block was not reused: " + plain);
    assertEquals(block - 1, arena.payloadWords(plain));
    fill(words, plain, block - 1, 8);
    arena.free(plain);
    // And aligned again.
    int again = arena.allocateAligned(100, 16);
    assertEquals(0, again % 16);
    assertTrue(again - plain < 16, "the freed block was not reused: " + again);
    arena.free(again);
    assertEquals(inUse, arena.wordsInUse());
  }

  /**
   * An empty block aligned on its whole size class: its handle must still lie inside the block, and
   * the padding word before it must not be the word a freed small block links through (else a second
   * free reads the link as the header and corrupts the arena instead of failing).
   */
  @Test
  void anEmptyAlignedBlockIsInsideItsBlockAndADoubleFreeIsCaught() {
    JvmSharedWords words = new JvmSharedWords(1 << 10);
    Arena arena = new Arena(words, 0, 1 << 10); // blocks start at word 16: a multiple of 4
    arena.initialize();
    int empty = arena.allocateAligned(0, 4);
    int next = arena.allocate(1);
    assertEquals(0, empty % 4);
    assertTrue(empty < next - 1, "the empty block's handle " + empty + " is past its block (the next "
        + "block's header is " + (next - 1) + ")");
    arena.free(empty);
    assertThrows(IllegalStateException.class, () -> arena.free(empty));
    arena.free(next);
    assertEquals(0, arena.wordsInUse());
  }

  @Test
  void badAlignmentsAreRejected() {
    JvmSharedWords words = new JvmSharedWords(1 << 10);
    Arena arena = new Arena(words, 0, 1 << 10);
    arena.initialize();
    assertThrows(IllegalArgumentException.class, () -> arena.allocateAligned(10, 3));
    assertThrows(IllegalArgumentException.class, () -> arena.allocateAligned(10, 0));
    assertThrows(IllegalArgumentException.class, () -> arena.allocateAligned(10, 2048));
  }

  @Test
  void largeSharedArraysStartOnACacheLine() {
    JvmThreads threads = JvmThreads.start(1);
    ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withSlotCount(8), 1);
    try {
      // Small arrays take power-of-two blocks, aligned when the padding fits in the block (1000: a
      // 1024-word block either way); from 1020 elements (a block over 1024 words if padded) an
      // exactly sized block, on a cache line at no cost.
      int[] lengths = {1, 7, 64, 100, 1000, 1020, 5000};
      int[] blocks = {4, 8, 128, 128, 1024, 1024, 5008};
      for (int k = 0; k < lengths.length; k++) {
        int length = lengths[k];
        SharedIntArray padding = pool.newSharedIntArray(length % 5 + 1); // shifts the next block
        int inUse = pool.arenaWordsInUse();
        SharedIntArray array = pool.newSharedIntArray(length);
        if (length >= 64) {
          assertEquals(0, array.handle() % ThreadPool.CACHE_LINE_WORDS, "array of " + length);
        }
        assertEquals(blocks[k], pool.arenaWordsInUse() - inUse, "block of " + length);
        array.set(length - 1, 42);
        assertEquals(42, array.get(length - 1));
        array.free();
        padding.free();
      }
      assertEquals(0, pool.arenaWordsInUse());
    } finally {
      StressSupport.shutdownAndClose(pool, threads);
    }
  }

  private static void fill(JvmSharedWords words, int from, int count, int value) {
    for (int i = 0; i < count; i++) {
      words.store(from + i, value);
    }
  }

  private static void assertFilled(JvmSharedWords words, int from, int count, int value) {
    for (int i = 0; i < count; i++) {
      assertEquals(value, words.load(from + i), "word " + (from + i));
    }
  }
}
