package org.webthreads.web.selftest;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.web.SharedArrayViews;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebPlatform;

/**
 * Self-test scenario "sharedArrayViews": a SharedFloatArray's Float32Array view (SharedArrayViews) is
 * the same memory for Java on the page, JavaScript and a pure task on a worker, also after the shared
 * memory grew; a SharedIntArray's Int32Array view too; a freed array has no view.
 */
final class SharedViewScenario {
  private SharedViewScenario() {
  }

  /**
   * Arguments: a float array, an int array. Reads float element 2 (JavaScript wrote it), writes element
   * 3 = 2 * element 2 through a view the worker makes itself, adds 1 to int element 0 through the
   * worker's Int32Array view; returns the worker's sum of the floats it saw first.
   */
  static final TaskKind<Double> DOUBLE_THROUGH_VIEWS = TaskKind.register("selftest.sharedViews", (args, pool) -> {
    SharedFloatArray floats = args.readSharedFloatArray();
    SharedIntArray ints = args.readSharedIntArray();
    double sum = 0;
    for (int i = 0; i < floats.length(); i++) {
      sum += floats.get(i);
    }
    Float32Array view = SharedArrayViews.float32(floats);
    view.set(3, view.get(2) * 2);
    Int32Array intView = SharedArrayViews.int32(ints);
    intView.set(0, intView.get(0) + 1);
    return sum;
  });

  static void register() {
    if (DOUBLE_THROUGH_VIEWS == null) {
      throw new IllegalStateException("selftest.sharedViews not registered");
    }
  }

  static void run(BrowserSelfTest.Result r, WebPlatform platform, ThreadPool pool) {
    SharedFloatArray floats = pool.newSharedFloatArray(6);
    SharedIntArray ints = pool.newSharedIntArray(3);
    floats.set(0, 1.5f);
    floats.set(1, -0.25f);
    ints.set(0, 40);
    Float32Array view = SharedArrayViews.float32(floats);
    Int32Array intView = SharedArrayViews.int32(ints);
    String first = describe(view);
    if (!first.equals("shared 6 1.5 -0.25 0 0 0 0")) {
      r.fail("JavaScript's view of Java's writes: " + first);
      return;
    }
    view.set(2, 3.25f);
    if (floats.get(2) != 3.25f || intView.get(0) != 40) {
      r.fail("Java read " + floats.get(2) + " and " + intView.get(0) + " after JavaScript wrote 3.25 (ints: 40)");
      return;
    }
    TaskFuture<Double> task = pool.submit(DOUBLE_THROUGH_VIEWS, floats, ints);
    WebFutures.whenDone(task, () -> {
      double sum = task.join();
      String afterTask = describe(view);
      int bytesBefore = bufferBytes(view);
      // Grow the shared memory by 16 MiB past its current end: the old view must stay valid.
      platform.allocate(4 << 20);
      Float32Array fresh = SharedArrayViews.float32(floats);
      int bytesAfter = bufferBytes(fresh);
      view.set(4, 9f);
      boolean oldViewWrites = floats.get(4) == 9f && fresh.get(4) == 9f;
      String refused = "";
      SharedFloatArray dropped = pool.newSharedFloatArray(2);
      dropped.free();
      try {
        SharedArrayViews.float32(dropped);
        refused = "a freed array got a view";
      } catch (IllegalStateException e) {
        refused = e.getMessage().contains("freed") ? "" : "unexpected message: " + e.getMessage();
      }
      String detail = "worker saw sum " + sum + "; after the task: " + afterTask + ", ints[0] = " + ints.get(0)
          + "; memory " + bytesBefore + " -> " + bytesAfter + " bytes, old view writes: " + oldViewWrites + refused;
      r.check(sum == 4.5 && afterTask.equals("shared 6 1.5 -0.25 3.25 6.5 0 0") && ints.get(0) == 41
          && bytesAfter > bytesBefore && oldViewWrites && refused.isEmpty(), detail);
      floats.free();
      ints.free();
    });
  }

  @JSBody(params = "view", script = "return (view.buffer instanceof SharedArrayBuffer ? 'shared ' : 'not shared ')"
      + " + view.length + ' ' + Array.from(view).join(' ');")
  private static native String describe(Float32Array view);

  @JSBody(params = "view", script = "return view.buffer.byteLength;")
  private static native int bufferBytes(Float32Array view);
}
