package org.webthreads.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.teavm.jso.JSObject;
import org.webthreads.Platform;
import org.webthreads.PoolControl;
import org.webthreads.ThreadPool;
import org.webthreads.memory.SharedRegion;

/**
 * The browser platform as one thread sees it: the page (thread 0) or a worker (1..N). Every thread has
 * its own instance over the same shared memory. Pools: {@link ThreadPool#create} with this platform
 * and {@link #workerIds()} (or any subset). JS tasks: {@link #sendJs}.
 */
public final class WebPlatform implements Platform {
  /** Target for {@link #sendJs}: the worker with the fewest JS tasks waiting. */
  public static final int ANY_WORKER = -1;

  final WasmSharedWords words;
  private final int threadId;
  private final int workerCount;
  private final Map<Integer, PoolControl> pools = new HashMap<>();
  final JsTasks jsTasks;
  private final String[] failures;
  /** Page: the worker was stopped by {@link #terminateWorker} (rather than failing with an error). */
  private final boolean[] terminatedByPage;
  private final List<Consumer<WorkerFailedException>> failureListeners = new ArrayList<>();

  WebPlatform(WasmSharedWords words, int threadId, int workerCount) {
    this.words = words;
    this.threadId = threadId;
    this.workerCount = workerCount;
    this.failures = new String[workerCount + 1];
    this.terminatedByPage = new boolean[workerCount + 1];
    this.jsTasks = new JsTasks(this, words);
  }

  /**
   * This thread's id: 0 on the page, 1..N in workers.
   *
   * @return the thread id
   */
  public int threadId() {
    return threadId;
  }

  /**
   * Whether this is the page's main thread (id 0), which must never block.
   *
   * @return true on the page
   */
  public boolean isPage() {
    return threadId == 0;
  }

  /**
   * How many workers the runtime started (ids 1 to this).
   *
   * @return the worker count
   */
  public int workerCount() {
    return workerCount;
  }

  @Override
  public int[] workerIds() {
    int[] ids = new int[workerCount];
    for (int i = 0; i < workerCount; i++) {
      ids[i] = i + 1;
    }
    return ids;
  }

  /** Browser threads live as long as the page, so the page and workers may cache free task slots. */
  @Override
  public boolean outsideThreadsAreLongLived() {
    return true;
  }

  /** Every worker and the page have a Java heap of their own: a future never leaves its thread. */
  @Override
  public boolean javaObjectsCrossThreads() {
    return false;
  }

  @Override
  public SharedRegion allocate(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("negative region size " + count);
    }
    int start;
    int end;
    while (true) {
      int next = words.load(PlatformWords.BUMP_INDEX);
      start = PlatformWords.align(next);
      long last = (long) start + count;
      if (last > (1L << 30) - 1) {
        throw new IllegalStateException("the pools need more than 4 GiB of shared memory: use smaller "
            + "PoolConfig arenas or slot counts, or fewer pools");
      }
      end = (int) last;
      // Claims [start, end) for this caller; a lost race just retries with the new bump index.
      if (words.compareAndSet(PlatformWords.BUMP_INDEX, next, end)) {
        break;
      }
    }
    ensureWords(end);
    return new SharedRegion(words, start);
  }

  private void ensureWords(int needed) {
    int size;
    while ((size = WasmAtomics.sizeWords()) < needed) {
      // Two threads that grow at once may both grow: the extra memory stays free for later regions.
      int pages = (needed - size + 16383) >>> 14;
      if (WasmAtomics.grow(pages) < 0) {
        throw new IllegalStateException("the shared memory cannot grow to " + ((long) needed * 4 >> 20)
            + " MiB (the browser refused): use smaller PoolConfig arenas or slot counts");
      }
    }
  }

  @Override
  public void startWorkers(PoolControl pool, int[] threadIds) {
    for (int id : threadIds) {
      if (!isWorkerAlive(id)) {
        throw new IllegalArgumentException("worker " + id + " has failed (" + failures[id]
            + ") and cannot join a pool");
      }
      int current = words.load(PlatformWords.serving(id));
      if (current != 0 && !poolAt(current).pool().isTerminated()) {
        throw new IllegalArgumentException("thread " + id + " already serves another pool; shut that "
            + "pool down (and wait until it is terminated) or choose other ids");
      }
    }
    int base = pool.base();
    pools.put(base, pool);
    for (int i = 0; i < threadIds.length; i++) {
      int id = threadIds[i];
      int current = words.load(PlatformWords.serving(id));
      // Assigns the thread before it is told to serve (the message below): JsTasks.send relies on
      // this order. The CAS makes two pools created at once on different threads not share a worker.
      if ((current != 0 && !poolAt(current).pool().isTerminated())
          || !words.compareAndSet(PlatformWords.serving(id), current, base)) {
        for (int j = 0; j < i; j++) {
          words.compareAndSet(PlatformWords.serving(threadIds[j]), base, 0);
        }
        throw new IllegalArgumentException("thread " + id + " was just given to another pool");
      }
    }
    for (int id : threadIds) {
      if (id == threadId) {
        Js.queueMicrotask(() -> WorkerRuntime.serve(base));
        continue;
      }
      JSObject message = JsObjects.newObject();
      JsObjects.set(message, "t", "serve");
      JsObjects.set(message, "base", base);
      String problem = Js.send(id, message, null);
      if (problem != null) {
        throw new IllegalStateException("could not reach worker " + id + ": " + problem);
      }
    }
  }

  /** This thread's view of the pool whose region starts at {@code base}. */
  PoolControl poolAt(int base) {
    PoolControl pool = pools.get(base);
    if (pool == null) {
      pool = PoolControl.attach(this, words, base);
      pools.put(base, pool);
    }
    return pool;
  }

  // ---- JS tasks ----

  /**
   * Sends a JS task to thread {@code target} (a worker id, {@link #ANY_WORKER}, or 0 for the page when
   * sent from a worker). The target runs it before its queued pure tasks: it leaves its scheduler loop
   * at the next task boundary and re-enters it when no JS task is left. {@code transfer} is an
   * optional JS array of transferables. The callback runs on this thread.
   *
   * @param kind a registered JS task kind
   * @param target the thread to run it on
   * @param payload the task's input, structured-cloned to the target
   * @param transfer a JS array of transferables, or null
   * @param callback told the result or the failure, on this thread
   * @throws IllegalArgumentException for an unknown or failed target, or a payload that cannot be
   *     cloned (nothing is sent then)
   */
  public void sendJs(JsTaskKind kind, int target, JSObject payload, JSObject transfer,
      JsTaskCallback callback) {
    jsTasks.send(kind, target, payload, transfer, callback);
  }

  /**
   * {@link #sendJs} with a JS Promise of the result; it rejects with an Error named after the cause.
   *
   * @param kind a registered JS task kind
   * @param target the thread to run it on
   * @param payload the task's input, structured-cloned to the target
   * @param transfer a JS array of transferables, or null
   * @return a JS Promise of the task's result
   */
  public JSObject sendJs(JsTaskKind kind, int target, JSObject payload, JSObject transfer) {
    JSObject[] settle = new JSObject[2];
    JSObject promise = Js.newPromise((resolve, reject) -> {
      settle[0] = resolve;
      settle[1] = reject;
    });
    jsTasks.send(kind, target, payload, transfer, new JsTaskCallback() {
      @Override
      public void completed(JSObject result) {
        Js.settle(settle[0], result);
      }

      @Override
      public void failed(JsTaskFailedException failure) {
        Js.settle(settle[1], Js.error(failure.errorClass(), failure.getMessage()));
      }
    });
    return promise;
  }

  /**
   * JS tasks sent to thread {@code id} that it has not finished.
   *
   * @param id a thread id
   * @return the number of unfinished JS tasks sent to it
   */
  public int jsPending(int id) {
    return words.load(PlatformWords.jsPending(id));
  }

  void checkJsTarget(String kindName, int target) {
    if (target < 0 || target > workerCount) {
      throw new IllegalArgumentException("JS task '" + kindName + "': unknown thread id " + target
          + "; the workers are 1.." + workerCount + " (0 is the page), or use WebPlatform.ANY_WORKER");
    }
    if (target == threadId) {
      throw new IllegalArgumentException("JS task '" + kindName + "': thread " + target + " cannot send a "
          + "JS task to itself; call the code directly");
    }
    if (target != 0 && !isWorkerAlive(target)) {
      throw new IllegalArgumentException("JS task '" + kindName + "': worker " + target + " has failed ("
          + failures[target] + ")");
    }
  }

  // ---- failures ----

  /**
   * Whether worker {@code id} exists and has not failed (nor been terminated).
   *
   * @param id a worker id
   * @return true while the worker can take tasks
   */
  public boolean isWorkerAlive(int id) {
    return id >= 1 && id <= workerCount && failures[id] == null;
  }

  /**
   * Called with each worker that fails after start (on this thread's event loop).
   *
   * @param listener called once per failed worker
   */
  public void onWorkerFailure(Consumer<WorkerFailedException> listener) {
    failureListeners.add(listener);
  }

  void workerFailed(int id, String where, String cause) {
    if (id < 1 || id > workerCount || failures[id] != null) {
      return;
    }
    WorkerFailedException failure = new WorkerFailedException(id, where, cause);
    failures[id] = failure.getMessage();
    jsTasks.failTarget(id, failure.getMessage());
    if (failureListeners.isEmpty()) {
      Js.consoleError("webthreads: " + failure.getMessage());
    }
    for (Consumer<WorkerFailedException> listener : failureListeners) {
      listener.accept(failure);
    }
  }

  /**
   * Page only: stops worker {@code id}, whatever it runs. JS tasks waiting on it fail at once with the
   * cause "terminated". The browser may let the worker run on for a moment (Chromium: up to 2 s); once
   * its thread has ended, the pool it served is repaired ({@link PoolControl#workerLost}): the pure tasks
   * that were running on it fail with {@link org.webthreads.TaskAbandonedException}, the other threads
   * take over its queued tasks, and a shutdown still terminates.
   *
   * @param id the worker to stop
   */
  public void terminateWorker(int id) {
    if (!isPage()) {
      throw new IllegalStateException("only the page can terminate workers");
    }
    if (!isWorkerAlive(id)) {
      return;
    }
    terminatedByPage[id] = true;
    // Reporting the failure terminates the worker (as for any worker that fails after start).
    PageRuntime.reportFailure(id, "terminated", "terminated by WebPlatform.terminateWorker");
  }

  /**
   * Page: worker {@code id}'s thread has ended for good. Repairs the pool it was assigned to, if any
   * (its serving word stays set, so no new pool can claim the dead worker).
   */
  void workerGone(int id) {
    int base = words.load(PlatformWords.serving(id));
    if (base != 0) {
      poolAt(base).workerLost(id, terminatedByPage[id]);
    }
  }

  /** Page only: terminates every worker. */
  public void terminate() {
    for (int id = 1; id <= workerCount; id++) {
      terminateWorker(id);
    }
  }
}
