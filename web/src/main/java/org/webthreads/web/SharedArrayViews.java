package org.webthreads.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;

/**
 * Zero-copy JavaScript views of shared arrays: a typed array over exactly the array's elements in the
 * shared memory that every thread of the page uses. JavaScript reads and writes the same memory the
 * pool's tasks do, with nothing copied; such a view can also be handed, once, to an
 * {@code AudioWorklet} or another worker (posting a typed array over shared memory shares it). Use
 * {@code Atomics} on an {@link Int32Array} view where another thread reads or writes the same element
 * concurrently.
 *
 * <p>A view stays valid for the array's lifetime, also after the shared memory grew (shared memory is
 * never detached: the view keeps the buffer it was made on, and the array lies inside it). After the
 * array's {@link SharedFloatArray#free free} the memory may belong to another array: drop its views
 * first. Works on the page and in workers once {@link WebThreads#start} ran.
 */
public final class SharedArrayViews {
  private SharedArrayViews() {
  }

  /** A {@code Float32Array} over the elements of {@code array}. */
  public static Float32Array float32(SharedFloatArray array) {
    if (array.isFreed()) {
      throw new IllegalStateException("no view of a freed shared float array: allocate a new one with "
          + "ThreadPool.newSharedFloatArray");
    }
    checkMemory();
    return float32View(array.handle(), array.length());
  }

  /** An {@code Int32Array} over the elements of {@code array}. */
  public static Int32Array int32(SharedIntArray array) {
    if (array.isFreed()) {
      throw new IllegalStateException("no view of a freed shared int array: allocate a new one with "
          + "ThreadPool.newSharedIntArray");
    }
    checkMemory();
    return int32View(array.handle(), array.length());
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
}
