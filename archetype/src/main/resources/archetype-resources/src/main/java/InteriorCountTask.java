package ${package};

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int32Array;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskKind;

/**
 * A JS task: unlike a pure task, it carries JavaScript objects, travels by {@code postMessage} and runs
 * on its worker between two pure tasks. Here the page sends a plain object {@code {pixels, colour}}
 * whose {@code pixels} is an {@code Int32Array} view of the shared image (posting it shares the memory,
 * nothing is copied); the worker counts the pixels of that colour and answers
 * {@code {interior, worker}}. The same way a task can take an {@code OffscreenCanvas}, an
 * {@code ImageBitmap} or any structured-cloneable value.
 */
public final class InteriorCountTask {
  public static final JsTaskKind KIND = JsTaskKind.register("mandelbrot.countInterior", (payload, context) -> {
    Int32Array pixels = pixels(payload);
    int colour = JsObjects.getInt(payload, "colour");
    int count = 0;
    for (int i = 0; i < pixels.getLength(); i++) {
      if (pixels.get(i) == colour) {
        count++;
      }
    }
    JSObject answer = JsObjects.newObject();
    JsObjects.set(answer, "interior", count);
    JsObjects.set(answer, "worker", context.threadId());
    return answer;
  });

  private InteriorCountTask() {
  }

  /** Loads this class, which registers the kind (on every thread, before WebThreads.start). */
  public static void register() {
    // the static initialiser above did the work
  }

  /** The payload's {@code pixels}: a JavaScript property read with its Java type. */
  @JSBody(params = "payload", script = "return payload.pixels;")
  private static native Int32Array pixels(JSObject payload);

  /** The task's payload: the pixels to look at and the colour to count. */
  public static JSObject payload(Int32Array pixels, int colour) {
    JSObject payload = JsObjects.newObject();
    JsObjects.set(payload, "pixels", pixels);
    JsObjects.set(payload, "colour", colour);
    return payload;
  }

  /** The count in the task's answer. */
  public static int interior(JSObject answer) {
    return JsObjects.getInt(answer, "interior");
  }

  /** The worker that answered. */
  public static int worker(JSObject answer) {
    return JsObjects.getInt(answer, "worker");
  }
}
