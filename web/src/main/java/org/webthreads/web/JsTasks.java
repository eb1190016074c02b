package org.webthreads.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSObject;

/**
 * The JS-task path of one thread: sending (with the target's JS-pending count, so that it leaves its
 * scheduler loop at the next task boundary), running tasks that arrive, and settling the sender's
 * callbacks when results come back.
 *
 * <p>Messages: {@code {t: "js", kind, req, from, payload, signalled}} to the target,
 * {@code {t: "jsr", req, ok, value | name, message}} back to the sender, and {@code {t: "resume",
 * signalled}} in place of a task that could not be sent (the target may already have left its loop
 * for it and must be told to go back).
 */
final class JsTasks {
  private final WebPlatform platform;
  private final WasmSharedWords words;
  private final Map<Integer, Pending> pending = new HashMap<>();
  private int nextRequest = 1;
  private int nextChoice;

  private static final class Pending {
    final String kindName;
    final int target;
    final JsTaskCallback callback;

    Pending(String kindName, int target, JsTaskCallback callback) {
      this.kindName = kindName;
      this.target = target;
      this.callback = callback;
    }
  }

  JsTasks(WebPlatform platform, WasmSharedWords words) {
    this.platform = platform;
    this.words = words;
  }

  void send(JsTaskKind kind, int target, JSObject payload, JSObject transfer, JsTaskCallback callback) {
    if (kind == null) {
      throw new NullPointerException("JS task kind is null: pass a JsTaskKind from JsTaskKind.register");
    }
    if (callback == null) {
      throw new NullPointerException("JS task '" + kind.name() + "' needs a callback for its result");
    }
    int self = platform.threadId();
    if (target == WebPlatform.ANY_WORKER) {
      target = leastBusyWorker(self);
    }
    platform.checkJsTarget(kind.name(), target);
    int request = nextRequest++;
    JSObject message = JsObjects.newObject();
    JsObjects.set(message, "t", "js");
    JsObjects.set(message, "kind", kind.name());
    JsObjects.set(message, "req", request);
    JsObjects.set(message, "from", self);
    JsObjects.set(message, "payload", payload);
    String problem = deliver(target, message, transfer);
    if (problem != null) {
      throw new IllegalArgumentException("JS task '" + kind.name() + "' was not sent to thread " + target
          + ": its payload cannot be cloned or transferred (" + problem + "). A JS task may carry "
          + "structured-cloneable values only (no functions, DOM nodes or Java objects); list each "
          + "transferred ArrayBuffer once, and only ones this thread still owns");
    }
    pending.put(request, new Pending(kind.name(), target, callback));
  }

  /**
   * Posts {@code message} to {@code target} so that a worker takes it even while it runs its pool's
   * loop: JS tasks, their results and failure notices all go this way. The receiver handles it and
   * then calls {@link WorkerRuntime}'s jsTaskDone with the "signalled" field. Returns null, or why the
   * message could not be cloned (then a "resume" message takes its place, since the target may
   * already have left its loop for it).
   */
  String deliver(int target, JSObject message, JSObject transfer) {
    int signalled = 0;
    if (target != 0) {
      // The count is what the target checks before it enters its loop (WorkerRuntime.enterLoop).
      // Incremented before we read which pool the target serves: a pool's creator assigns the
      // pool (serving word) before the target can enter it, so either we see that pool here and
      // signal it, or the target's check after entering sees this increment.
      words.getAndAdd(PlatformWords.jsPending(target), 1);
      int base = words.load(PlatformWords.serving(target));
      if (base != 0) {
        // Makes the target's loop return at its next task boundary (and wakes it if parked).
        platform.poolAt(base).requestYield(target);
        signalled = base;
      }
    }
    JsObjects.set(message, "signalled", signalled);
    String problem = Js.send(target, message, transfer);
    if (problem != null && target != 0) {
      JSObject resume = JsObjects.newObject();
      JsObjects.set(resume, "t", "resume");
      JsObjects.set(resume, "signalled", signalled);
      Js.send(target, resume, null);
    }
    return problem;
  }

  /** The worker with the fewest JS tasks waiting (ties go round the workers), other than this thread. */
  int leastBusyWorker(int self) {
    int count = platform.workerCount();
    int best = -1;
    int bestLoad = Integer.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      int id = 1 + (nextChoice + i) % count;
      if (id == self || !platform.isWorkerAlive(id)) {
        continue;
      }
      int load = words.load(PlatformWords.jsPending(id));
      if (load < bestLoad) {
        best = id;
        bestLoad = load;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("no live worker to send a JS task to (this is thread " + self + ")");
    }
    nextChoice = best % count;
    return best;
  }

  /** Runs a JS task that arrived on this thread and sends its outcome back. */
  void run(JSObject message) {
    String name = JsObjects.getString(message, "kind");
    int from = JsObjects.getInt(message, "from");
    JSObject reply = JsObjects.newObject();
    JsObjects.set(reply, "t", "jsr");
    JsObjects.set(reply, "req", JsObjects.getInt(message, "req"));
    JsTaskKind kind = JsTaskKind.lookup(name);
    JsTaskContext context = new JsTaskContext(platform, from);
    if (kind == null) {
      failure(reply, "UnknownTaskKindException", "no JS task kind '" + name + "' is registered on thread "
          + platform.threadId() + ": register it with JsTaskKind.register in code that runs on every "
          + "thread before WebThreads.start");
    } else {
      try {
        JSObject result = kind.handler().run(JsObjects.get(message, "payload"), context);
        JsObjects.set(reply, "ok", true);
        JsObjects.set(reply, "value", result);
      } catch (Throwable e) {
        failure(reply, e.getClass().getName(), String.valueOf(e.getMessage()));
      }
    }
    String problem = deliver(from, reply, context.transferList());
    if (problem != null) {
      // deliver sent a "resume" in its place, which settled the count; this reply is counted anew.
      JSObject fallback = JsObjects.newObject();
      JsObjects.set(fallback, "t", "jsr");
      JsObjects.set(fallback, "req", JsObjects.getInt(message, "req"));
      failure(fallback, "DataCloneError", "the task's result cannot be cloned or transferred back ("
          + problem + "); return structured-cloneable values only");
      deliver(from, fallback, null);
    }
  }

  private static void failure(JSObject reply, String errorClass, String message) {
    JsObjects.set(reply, "ok", false);
    JsObjects.set(reply, "name", errorClass);
    JsObjects.set(reply, "message", message);
  }

  /** A result came back: settle the sender's callback. */
  void complete(JSObject reply) {
    Pending request = pending.remove(JsObjects.getInt(reply, "req"));
    if (request == null) {
      return; // already failed because its target failed
    }
    if (JsObjects.get(reply, "ok") != null && JsObjects.getInt(reply, "ok") == 1) {
      JSObject value = JsObjects.get(reply, "value");
      UncaughtCallbacks.run(() -> request.callback.completed(value));
    } else {
      JsTaskFailedException failure = new JsTaskFailedException(request.kindName, request.target,
          JsObjects.getString(reply, "name"), JsObjects.getString(reply, "message"));
      UncaughtCallbacks.run(() -> request.callback.failed(failure));
    }
  }

  /** Fails every task still waiting for a result from {@code target}, which is gone. */
  void failTarget(int target, String cause) {
    List<Integer> gone = new ArrayList<>();
    for (Map.Entry<Integer, Pending> entry : pending.entrySet()) {
      if (entry.getValue().target == target) {
        gone.add(entry.getKey());
      }
    }
    for (Integer request : gone) {
      Pending p = pending.remove(request);
      // each callback runs even if an earlier one throws
      JsTaskFailedException failure = new JsTaskFailedException(p.kindName, target, "WorkerFailedException", cause);
      UncaughtCallbacks.run(() -> p.callback.failed(failure));
    }
  }
}
