package org.webthreads.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.webthreads.TaskProgress;

/**
 * Shows a {@link TaskProgress} on the page: {@link #subscribe} calls a listener at most once per
 * animation frame ({@code requestAnimationFrame}, so never while the tab is hidden and never more often
 * than the screen draws), only in frames where done or total changed, and stops by itself after the call
 * that sees the progress complete (done reached a known total) or once the progress is freed. Reading
 * the progress never blocks, so this is safe on the page's main thread.
 *
 * <pre>{@code
 * TaskProgress progress = pool.newTaskProgress(tiles);
 * for (int t = 0; t < tiles; t++) pool.execute(TILE, progress, t);    // each tile: progress.add(1)
 * WebProgress.Subscription shown = WebProgress.subscribe(progress,
 *     (done, total) -> bar.setAttribute("value", String.valueOf((double) done / total)));
 * // shown.unsubscribe() stops it early (e.g. the user cancelled)
 * }</pre>
 */
public final class WebProgress {
  private WebProgress() {
  }

  /** Receives the counts of a subscribed progress: done and total (total may be UNKNOWN_TOTAL). */
  public interface Listener {
    /**
     * Called with the counts, from an animation frame.
     *
     * @param done the units done
     * @param total the total, or {@link TaskProgress#UNKNOWN_TOTAL}
     */
    void changed(long done, long total);
  }

  /** A running subscription: {@link #unsubscribe} stops it. */
  public static final class Subscription {
    private final TaskProgress progress;
    private final Listener listener;
    private final long[] counts = new long[2];
    private long shownDone = -1;
    private long shownTotal = -2; // not a total a progress can have: the first frame always calls
    private int frame;
    private boolean active = true;
    private int calls;

    private Subscription(TaskProgress progress, Listener listener) {
      this.progress = progress;
      this.listener = listener;
    }

    /** Stops the calls (none after this returns); does nothing when already stopped. */
    public void unsubscribe() {
      if (active) {
        active = false;
        cancelAnimationFrame(frame);
      }
    }

    /**
     * Whether more calls may come: false once unsubscribed, complete or freed.
     *
     * @return true while calls may come
     */
    public boolean isActive() {
      return active;
    }

    /**
     * How many times the listener was called so far.
     *
     * @return the number of calls
     */
    public int calls() {
      return calls;
    }

    private void schedule() {
      frame = requestAnimationFrame(this::onFrame);
    }

    private void onFrame() {
      if (!active) {
        return;
      }
      if (progress.isFreed()) {
        active = false;
        return;
      }
      try {
        progress.read(counts);
      } catch (IllegalStateException freedThroughAnotherView) {
        active = false;
        return;
      }
      long done = counts[0];
      long total = counts[1];
      boolean complete = total >= 0 && done >= total;
      if (complete) {
        active = false; // before the call: a listener that unsubscribes or throws changes nothing
      }
      try {
        if (done != shownDone || total != shownTotal) {
          shownDone = done;
          shownTotal = total;
          calls++;
          // what the listener throws goes to the page's error callback, like any later callback's
          UncaughtCallbacks.run(() -> listener.changed(done, total));
        }
      } finally {
        if (active) { // a listener that throws is still called in later frames
          schedule();
        }
      }
    }
  }

  /**
   * Calls {@code listener} from the next animation frame on, at most once per frame and only when the
   * counts changed, until the progress is complete (that frame's call is the last, and sees done at
   * least total), freed, or {@link Subscription#unsubscribe}d. On the page's main thread (or a worker
   * whose global scope has {@code requestAnimationFrame}); elsewhere poll {@link TaskProgress#done}.
   *
   * @param progress the progress to show
   * @param listener called with the counts, once per frame at most
   * @return the subscription, to stop it early
   * @throws IllegalStateException when this thread has no {@code requestAnimationFrame}, or the
   *     progress was freed
   */
  public static Subscription subscribe(TaskProgress progress, Listener listener) {
    if (progress == null || listener == null) {
      throw new IllegalArgumentException("WebProgress.subscribe needs a progress and a listener, got "
          + progress + " and " + listener);
    }
    if (progress.isFreed()) {
      throw new IllegalStateException("WebProgress.subscribe: the TaskProgress was freed; subscribe before "
          + "freeing it");
    }
    if (!hasAnimationFrames()) {
      throw new IllegalStateException("WebProgress.subscribe needs requestAnimationFrame (the page's main "
          + "thread); on this thread poll TaskProgress.done() and total() instead");
    }
    Subscription subscription = new Subscription(progress, listener);
    subscription.schedule();
    return subscription;
  }

  @JSFunctor
  interface FrameCallback extends JSObject {
    void run();
  }

  @JSBody(script = "return typeof requestAnimationFrame === 'function';")
  private static native boolean hasAnimationFrames();

  @JSBody(params = "callback", script = "return requestAnimationFrame(() => callback());")
  private static native int requestAnimationFrame(FrameCallback callback);

  @JSBody(params = "handle", script = "cancelAnimationFrame(handle);")
  private static native void cancelAnimationFrame(int handle);
}
