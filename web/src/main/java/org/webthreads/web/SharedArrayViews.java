package org.webthreads.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.BigInt64Array;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Uint8Array;
import org.webthreads.SharedArray;
import org.webthreads.SharedByteArray;
import org.webthreads.SharedDoubleArray;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.SharedLongArray;

/**
 * Zero-copy JavaScript views of shared arrays: a typed array over exactly the array's elements in the
 * shared memory that every thread of the page uses. JavaScript reads and writes the same memory the
 * pool's tasks do, with nothing copied; such a view can also be handed, once, to an
 * {@code AudioWorklet} or another worker (posting a typed array over shared memory shares it). Use
 * {@code Atomics} on an {@link Int32Array} view where another thread reads or writes the same element
 * concurrently.
 *
 * <p>The views: {@link #int32} of a {@link SharedIntArray}, {@link #float32} of a
 * {@link SharedFloatArray}, {@link #float64} of a {@link SharedDoubleArray}, {@link #bigInt64} of a
 * {@link SharedLongArray} and {@link #uint8} of a {@link SharedByteArray}. 64-bit arrays start on an
 * 8-byte boundary, as these views need. A {@code BigInt64Array} view bypasses the lock word that makes
 * the long array's Java accesses atomic: read through it only while no other thread writes the array,
 * and write through it only while no other thread uses it (before submitting, after joining); a {@code
 * Float64Array} element, like the Java side's, may tear
 * when read while another thread writes it. A {@code Uint8Array} store of one byte is a byte store,
 * so it never disturbs its neighbours.
 *
 * <p>A view stays valid for the array's lifetime, also after the shared memory grew (shared memory is
 * never detached: the view keeps the buffer it was made on, and the array lies inside it). After the
 * array's {@link SharedFloatArray#free free} the memory may belong to another array: drop its views
 * first. Works on the page and in workers once {@link WebThreads#start} ran.
 */
public final class SharedArrayViews {
  private SharedArrayViews() {
  }

  /**
   * A {@code Float32Array} over the elements of {@code array}.
   *
   * @param array a live shared array
   * @return a view of the same memory (nothing is copied)
   */
  public static Float32Array float32(SharedFloatArray array) {
    checkViewable(array, "SharedFloatArray");
    return float32View(array.handle(), array.length());
  }

  /**
   * An {@code Int32Array} over the elements of {@code array}.
   *
   * @param array a live shared array
   * @return a view of the same memory (nothing is copied)
   */
  public static Int32Array int32(SharedIntArray array) {
    checkViewable(array, "SharedIntArray");
    return int32View(array.handle(), array.length());
  }

  /**
   * A {@code Float64Array} over the elements of {@code array}.
   *
   * @param array a live shared array
   * @return a view of the same memory (nothing is copied)
   */
  public static Float64Array float64(SharedDoubleArray array) {
    checkViewable(array, "SharedDoubleArray");
    checkEightByteAligned(array);
    return float64View(array.handle(), array.length());
  }

  /**
   * A {@code BigInt64Array} over the elements of {@code array} (not its lock word): read through it
   * while no other thread writes the array, write while no other thread uses it (see the class comment).
   *
   * @param array a live shared array
   * @return a view of the same memory (nothing is copied)
   */
  public static BigInt64Array bigInt64(SharedLongArray array) {
    checkViewable(array, "SharedLongArray");
    checkEightByteAligned(array);
    return bigInt64View(array.handle(), array.length());
  }

  /**
   * A {@code Uint8Array} over the bytes of {@code array}.
   *
   * @param array a live shared array
   * @return a view of the same memory (nothing is copied)
   */
  public static Uint8Array uint8(SharedByteArray array) {
    checkViewable(array, "SharedByteArray");
    return uint8View(array.handle(), array.length());
  }

  private static void checkViewable(SharedArray array, String type) {
    if (array == null) {
      throw new NullPointerException("no view of a null " + type);
    }
    if (array.isFreed()) {
      throw new IllegalStateException("no view of a freed " + type + ": its memory may belong to another "
          + "array now; allocate a new one with ThreadPool.new" + type);
    }
    checkMemory();
  }

  /** The pool places 64-bit arrays on even words; a view at an odd one would throw a RangeError. */
  private static void checkEightByteAligned(SharedArray array) {
    if ((array.handle() & 1) != 0) {
      throw new IllegalStateException("a 64-bit shared array at word " + array.handle() + " is not on an "
          + "8-byte boundary, so no 64-bit typed array can lie over it");
    }
  }

  private static void checkMemory() {
    if (!Js.runtimeLoaded() || !hasMemory()) {
      throw new IllegalStateException("no shared memory on this thread: shared array views need the page "
          + "or worker started by webthreads.js (WebThreads.start) on a cross-origin isolated page");
    }
  }

  @JSBody(script = "return !!(self.webthreads && self.webthreads.memory);")
  private static native boolean hasMemory();

  // The element index times 4 is computed in JavaScript (a double), so handles past 2^29 stay exact.
  @JSBody(params = {"handle", "length"},
      script = "return new Float32Array(self.webthreads.memory.buffer, handle * 4, length);")
  private static native Float32Array float32View(int handle, int length);

  @JSBody(params = {"handle", "length"},
      script = "return new Int32Array(self.webthreads.memory.buffer, handle * 4, length);")
  private static native Int32Array int32View(int handle, int length);

  @JSBody(params = {"handle", "length"},
      script = "return new Float64Array(self.webthreads.memory.buffer, handle * 4, length);")
  private static native Float64Array float64View(int handle, int length);

  @JSBody(params = {"handle", "length"},
      script = "return new BigInt64Array(self.webthreads.memory.buffer, handle * 4, length);")
  private static native BigInt64Array bigInt64View(int handle, int length);

  @JSBody(params = {"handle", "length"},
      script = "return new Uint8Array(self.webthreads.memory.buffer, handle * 4, length);")
  private static native Uint8Array uint8View(int handle, int length);
}
