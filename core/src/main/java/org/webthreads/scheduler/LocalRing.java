package org.webthreads.scheduler;

import org.webthreads.memory.SharedWords;

/**
 * A pool thread's own run queue: a fixed-size ring of task ids in shared memory with one owner and
 * any number of stealers (the design of Tokio's and Go's local run queues, adapted to 32-bit words).
 *
 * <p>The whole state is one word, {@code [steal:10 | real:10 | tail:10]}, indices modulo 1024:
 * <ul>
 *   <li>{@code real..tail} are the queued tasks; the owner pushes and pops at {@code tail} (LIFO, so a
 *       task that forks and joins usually finds its own child on top, as in ForkJoinPool and Rayon);
 *   <li>a stealer claims the oldest half by moving {@code real} forward while leaving {@code steal}
 *       behind, copies the claimed ids out, then moves {@code steal} up to {@code real}. While
 *       {@code steal != real} no other steal starts and the owner does not reuse the claimed cells.
 * </ul>
 * Because every transition is a compareAndSet of that one word, the owner and the stealers agree on
 * who owns each cell; the buffer cells themselves are written only by the owner.
 *
 * <p>Capacity is a power of two, at most 512, so that {@code tail - steal} never wraps past 1024.
 */
public final class LocalRing {
  public static final int MAX_CAPACITY = 512;
  private static final int FIELD_MASK = 1023;

  private final SharedWords words;
  private final int stateIndex;
  private final int bufferIndex;
  private final int capacity;
  private final int cellMask;

  /**
   * @param stateIndex the word holding steal/real/tail (initially 0)
   * @param bufferIndex first of {@code capacity} words of the buffer
   */
  public LocalRing(SharedWords words, int stateIndex, int bufferIndex, int capacity) {
    if (capacity < 2 || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException(
          "ring capacity must be a power of two between 2 and " + MAX_CAPACITY + ", was " + capacity);
    }
    this.words = words;
    this.stateIndex = stateIndex;
    this.bufferIndex = bufferIndex;
    this.capacity = capacity;
    this.cellMask = capacity - 1;
  }

  public int capacity() {
    return capacity;
  }

  static int steal(int state) {
    return (state >>> 20) & FIELD_MASK;
  }

  static int real(int state) {
    return (state >>> 10) & FIELD_MASK;
  }

  static int tail(int state) {
    return state & FIELD_MASK;
  }

  static int pack(int steal, int real, int tail) {
    return ((steal & FIELD_MASK) << 20) | ((real & FIELD_MASK) << 10) | (tail & FIELD_MASK);
  }

  /** Number of queued tasks, as seen by one load (exact only for the owner with no steal running). */
  public int size() {
    int state = words.load(stateIndex);
    return (tail(state) - real(state)) & FIELD_MASK;
  }

  /**
   * Owner only. Pushes {@code task}; when the ring is full, moves the older half of it and the new task
   * to {@code overflow} in one batch (or only the new task while a steal is in progress).
   */
  public void push(int task, SharedQueue overflow, int[] scratch) {
    while (true) {
      // Load pairs with the stealers' CAS that releases cells (steal := real): seeing the new steal
      // index means those cells were copied out and may be overwritten.
      int state = words.load(stateIndex);
      int steal = steal(state);
      int real = real(state);
      int tail = tail(state);
      if (((tail - steal) & FIELD_MASK) < capacity) {
        // Only the owner writes cells, and cell `tail` is outside every claimed range. A release
        // store: the CAS below publishes it.
        words.storeRelease(bufferIndex + (tail & cellMask), task);
        // Publish: this CAS orders the cell store before any stealer's load of the new tail. It fails
        // only when a stealer moved real or steal; tail is ours, so the cell stays valid: retry.
        int next = pack(steal, real, tail + 1);
        while (!words.compareAndSet(stateIndex, state, next)) {
          state = words.load(stateIndex);
          next = pack(steal(state), real(state), tail + 1);
        }
        return;
      }
      if (steal != real) {
        // Full and a stealer is copying out: it will free room soon, but we cannot move its cells.
        overflow.push(task);
        return;
      }
      int half = capacity / 2;
      // Claim the older half for ourselves exactly as a stealer would, so a concurrent stealer can
      // never claim the same cells; steal moves too because we copy them out right now.
      if (!words.compareAndSet(stateIndex, state, pack(real + half, real + half, tail))) {
        continue; // a stealer changed the ring; look again (it may have made room)
      }
      for (int i = 0; i < half; i++) {
        scratch[i] = words.load(bufferIndex + ((real + i) & cellMask));
      }
      scratch[half] = task;
      overflow.pushBatch(scratch, half + 1);
      return;
    }
  }

  /** Owner only. Pops the newest task, or returns 0 when empty. */
  public int pop() {
    while (true) {
      int state = words.load(stateIndex);
      int real = real(state);
      int tail = tail(state);
      if (real == tail) {
        return 0;
      }
      // Taking tail-1 by CAS excludes a stealer that read the old tail and is about to claim up to it.
      if (words.compareAndSet(stateIndex, state, pack(steal(state), real, tail - 1))) {
        // The cell is ours now: no stealer claims at or beyond the new tail, and only we write cells.
        return words.load(bufferIndex + ((tail - 1) & cellMask));
      }
    }
  }

  /**
   * Any thread but the owner. Moves half of this ring's tasks (rounded up) into {@code destination},
   * which the caller owns and which is empty, and returns one of them for the caller to run, or 0 when
   * there was nothing to steal or another steal was in progress.
   */
  public int stealInto(LocalRing destination) {
    int claimed = claimHalf();
    if (claimed == 0) {
      return 0;
    }
    int first = claimed >>> 16;
    int count = claimed & 0xFFFF;
    int task = words.load(bufferIndex + (first & cellMask));
    if (count > 1) {
      destination.acceptStolen(this, first + 1, count - 1);
    }
    releaseSteal();
    return task;
  }

  /**
   * Any thread but the owner. Copies up to half of this ring's tasks into {@code out} and returns how
   * many; used by threads without a ring of their own (shutdown draining).
   */
  public int stealInto(int[] out) {
    int claimed = claimHalf();
    if (claimed == 0) {
      return 0;
    }
    int first = claimed >>> 16;
    int count = Math.min(claimed & 0xFFFF, out.length);
    for (int i = 0; i < count; i++) {
      out[i] = words.load(bufferIndex + ((first + i) & cellMask));
    }
    releaseSteal();
    return count;
  }

  /** Claims the older half; returns {@code first << 16 | count}, or 0. */
  private int claimHalf() {
    while (true) {
      // Load pairs with the owner's publishing CAS: cells below the loaded tail are written.
      int state = words.load(stateIndex);
      int steal = steal(state);
      int real = real(state);
      if (steal != real) {
        return 0; // another stealer is copying out; try elsewhere
      }
      int available = (tail(state) - real) & FIELD_MASK;
      int count = available - available / 2;
      if (count == 0) {
        return 0;
      }
      // Move real past the claimed cells but keep steal: the owner will not overwrite them until
      // releaseSteal() moves steal, and other stealers back off while steal != real.
      if (words.compareAndSet(stateIndex, state, pack(steal, real + count, tail(state)))) {
        return ((real & FIELD_MASK) << 16) | count;
      }
    }
  }

  private void releaseSteal() {
    while (true) {
      int state = words.load(stateIndex);
      // Cells up to real are copied out: hand them back to the owner (pairs with the load in push).
      if (words.compareAndSet(stateIndex, state, pack(real(state), real(state), tail(state)))) {
        return;
      }
    }
  }

  /** Caller owns this (empty) ring: appends {@code count} cells of {@code source} from {@code first}. */
  private void acceptStolen(LocalRing source, int first, int count) {
    int state = words.load(stateIndex);
    int tail = tail(state);
    int room = capacity - ((tail - steal(state)) & FIELD_MASK);
    if (count > room) {
      throw new IllegalStateException("steal destination lacks room: " + count + " > " + room);
    }
    for (int i = 0; i < count; i++) {
      // Release stores, published by the CAS below.
      words.storeRelease(bufferIndex + ((tail + i) & cellMask),
          source.words.load(source.bufferIndex + ((first + i) & source.cellMask)));
    }
    // Publish the copied cells with one CAS (as in push); only stealers change real/steal meanwhile.
    while (!words.compareAndSet(stateIndex, state,
        pack(steal(state), real(state), tail + count))) {
      state = words.load(stateIndex);
    }
  }
}
