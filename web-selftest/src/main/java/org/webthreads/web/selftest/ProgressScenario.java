package org.webthreads.web.selftest;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.TaskProgress;
import org.webthreads.ThreadPool;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebPlatform;
import org.webthreads.web.WebProgress;

/**
 * Self-test scenario "progressCallbacks": tasks on the workers add to a TaskProgress while the page
 * watches it with WebProgress.subscribe; the listener is called, never twice in one animation frame,
 * with done never going back, and its last call sees done == total, after which the subscription has
 * stopped by itself. A subscription cancelled at once is never called; a freed progress cannot be
 * subscribed to.
 */
final class ProgressScenario {
  private static final int TASKS = 40;
  private static final int UNITS = 25;

  /** Arguments: progress, units, work. Does {@code work} steps of arithmetic per unit, adding 1 per unit. */
  static final TaskKind<Integer> WORK = TaskKind.register("selftest.progressWork", (args, pool) -> {
    TaskProgress progress = args.readTaskProgress();
    int units = args.readInt();
    int work = args.readInt();
    int hash = 0;
    for (int u = 0; u < units; u++) {
      for (int i = 0; i < work; i++) {
        hash = hash * 31 + i;
      }
      progress.add(1);
    }
    return hash;
  });

  private ProgressScenario() {
  }

  static void register() {
    if (WORK == null) {
      throw new IllegalStateException("selftest.progressWork not registered");
    }
  }

  static void run(BrowserSelfTest.Result r, WebPlatform platform) {
    ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
    TaskProgress progress = pool.newTaskProgress(TASKS * UNITS);
    TaskProgress dropped = pool.newTaskProgress(5);
    TaskProgress freed = pool.newTaskProgress(5);
    freed.free();
    String freedRefusal;
    try {
      WebProgress.subscribe(freed, (done, total) -> { });
      freedRefusal = "subscribing to a freed progress was accepted";
    } catch (IllegalStateException e) {
      freedRefusal = e.getMessage().contains("freed") ? "" : "unexpected message " + e.getMessage();
    }
    int[] frames = new int[1];
    FrameCallback[] tick = new FrameCallback[1];
    tick[0] = () -> {
      frames[0]++;
      requestAnimationFrame(tick[0]);
    };
    requestAnimationFrame(tick[0]);
    List<long[]> calls = new ArrayList<>(); // {frame, done, total}
    WebProgress.Subscription shown = WebProgress.subscribe(progress,
        (done, total) -> calls.add(new long[] {frames[0], done, total}));
    WebProgress.Subscription cancelled = WebProgress.subscribe(dropped, (done, total) -> calls.add(null));
    cancelled.unsubscribe();
    dropped.add(5);
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      futures.add(pool.submit(WORK, progress, UNITS, 40_000));
    }
    String refusal = freedRefusal;
    whenAllDone(futures, 0, () -> afterFrames(3, () -> {
      // Three frames after the last task: a subscription still active here would be a bug.
      int callsThen = calls.size();
      afterFrames(3, () -> {
        StringBuilder problems = new StringBuilder(refusal);
        long lastFrame = -1;
        long lastDone = -1;
        for (long[] call : calls) {
          if (call == null) {
            problems.append(" the cancelled subscription was called;");
            continue;
          }
          if (call[0] == lastFrame) {
            problems.append(" two calls in frame ").append(call[0]).append(';');
          }
          if (call[1] < lastDone) {
            problems.append(" done went back from ").append(lastDone).append(" to ").append(call[1]).append(';');
          }
          lastFrame = call[0];
          lastDone = call[1];
        }
        long[] last = calls.isEmpty() ? null : calls.get(calls.size() - 1);
        if (last == null || last[1] != TASKS * UNITS || last[2] != TASKS * UNITS) {
          problems.append(" the last call was not done == total;");
        }
        if (shown.isActive() || calls.size() != callsThen || shown.calls() != calls.size()) {
          problems.append(" the subscription went on after completion;");
        }
        String detail = calls.size() + " calls over " + frames[0] + " frames, last "
            + (last == null ? "none" : last[1] + " of " + last[2]) + "; " + problems;
        tick[0] = () -> { }; // stops the frame counter
        progress.free();
        dropped.free();
        pool.shutdown();
        WebFutures.whenTerminated(pool, () -> r.check(problems.length() == 0 && calls.size() >= 1
            && calls.size() <= frames[0], detail));
      });
    }));
  }

  private static void whenAllDone(List<TaskFuture<Integer>> futures, int from, Runnable then) {
    if (from == futures.size()) {
      then.run();
      return;
    }
    WebFutures.whenDone(futures.get(from), () -> whenAllDone(futures, from + 1, then));
  }

  /** Runs {@code then} in the animation frame {@code count} frames from now. */
  static void afterFrames(int count, Runnable then) {
    requestAnimationFrame(() -> {
      if (count <= 1) {
        then.run();
      } else {
        afterFrames(count - 1, then);
      }
    });
  }

  @JSFunctor
  interface FrameCallback extends JSObject {
    void run();
  }

  @JSBody(params = "callback", script = "requestAnimationFrame(() => callback());")
  static native void requestAnimationFrame(FrameCallback callback);
}
