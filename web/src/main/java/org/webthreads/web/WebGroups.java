package org.webthreads.web;

import java.util.concurrent.CancellationException;
import org.teavm.jso.JSObject;
import org.webthreads.AsyncWait;
import org.webthreads.TaskGroup;
import org.webthreads.TaskGroupFailedException;

/**
 * A task group's completion without blocking, for the page's main thread (and any thread that prefers
 * its event loop): one callback or one Promise per group, driven by {@code Atomics.waitAsync} on the
 * group's PENDING word, which the group's last task notifies when it brings it to 0 (one wake-up per
 * group, however many tasks). Once the callback runs, {@link TaskGroup#join()} returns or throws at once.
 *
 * <pre>{@code
 * TaskGroup group = pool.newGroup();
 * group.forRange(0, rows, 4, ROWS, frame);
 * WebGroups.whenDone(group, () -> {
 *   try { group.join(); show(frame); } catch (TaskGroupFailedException e) { show(e.getMessage()); }
 *   group.close();
 * });
 * }</pre>
 */
public final class WebGroups {
  private WebGroups() {
  }

  /**
   * Calls {@code callback} from the event loop once no task of {@code group} is pending (at once, as a
   * microtask, if none is). Submit the group's tasks before calling it.
   *
   * @param group the group to watch
   * @param callback runs once, on this thread's event loop
   */
  public static void whenDone(TaskGroup group, Runnable callback) {
    AsyncWait wait = group.doneWait();
    if (wait == null) {
      Js.queueMicrotask(callback::run);
      return;
    }
    // The task that brings the word to 0 notifies it; if that happened in between, the word no longer
    // holds the value and waitAsync returns at once. Then look again.
    Js.waitAsync(wait.wordIndex(), wait.value(), () -> whenDone(group, callback));
  }

  /**
   * A Promise that resolves with the number of the group's completed tasks once none is pending, or
   * rejects with an Error named {@code org.webthreads.TaskGroupFailedException} (the first failure and
   * the counts in its message) or {@code java.util.concurrent.CancellationException}. It does not close
   * the group.
   *
   * @param group the group to follow
   * @return a JS Promise of the completed count
   */
  public static JSObject promise(TaskGroup group) {
    JSObject[] settle = new JSObject[2];
    JSObject promise = Js.newPromise((resolve, reject) -> {
      settle[0] = resolve;
      settle[1] = reject;
    });
    whenDone(group, () -> {
      try {
        group.join();
        Js.settle(settle[0], JsObjects.number(group.completedCount()));
      } catch (TaskGroupFailedException | CancellationException e) {
        Js.settle(settle[1], Js.error(e.getClass().getName(), e.getMessage()));
      } catch (RuntimeException e) {
        Js.settle(settle[1], Js.error(e.getClass().getSimpleName(), e.getMessage()));
      }
    });
    return promise;
  }
}
