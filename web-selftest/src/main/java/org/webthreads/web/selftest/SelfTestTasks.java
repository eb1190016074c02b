package org.webthreads.web.selftest;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.web.JsTaskCallback;
import org.webthreads.web.JsTaskFailedException;
import org.webthreads.web.JsObjects;
import org.webthreads.web.JsTaskKind;
import org.webthreads.web.WebThreads;

/** The task kinds of the browser self-test, registered on every thread by {@link #register()}. */
final class SelfTestTasks {
  private SelfTestTasks() {
  }

  static final TaskKind<Long> FIB = TaskKind.register("selftest.fib", (args, pool) -> fib(args.readInt(), pool));

  /** A chain of n nested fork + join: deeper than the pool's help-nesting bound. */
  static final TaskKind<Integer> CHAIN = TaskKind.register("selftest.chain", (args, pool) -> {
    int n = args.readInt();
    return n == 0 ? 0 : pool.submit(SelfTestTasks.CHAIN, n - 1).join() + 1;
  });

  static final TaskKind<Void> THROWS = TaskKind.register("selftest.throws", (args, pool) -> {
    throw new IllegalStateException(args.readString());
  });

  /** Recursion without end: overflows the worker's stack (a RangeError Java code cannot catch). */
  static final TaskKind<Integer> OVERFLOWS = TaskKind.register("selftest.overflows",
      (args, pool) -> dive(args.readInt()));

  /**
   * Forks OVERFLOWS and joins it. When no other worker takes the child first, it runs on this task's
   * stack, so both are on it when it unwinds (the scenario holds the other worker to make sure).
   */
  static final TaskKind<Integer> JOINS_OVERFLOW = TaskKind.register("selftest.joinsOverflow",
      (args, pool) -> pool.submit(OVERFLOWS, args.readInt()).join() + 1);

  static int dive(int n) {
    return n < 0 ? n : dive(n + 1) + 1;
  }

  /** hits[i]++, per-thread count in hits[n + 1 + thread], countdown in hits[n]. */
  static final TaskKind<Void> LEAF = TaskKind.register("selftest.leaf", (args, pool) -> {
    SharedIntArray hits = args.readSharedIntArray();
    int i = args.readInt();
    hits.getAndAdd(i, 1);
    int n = hits.length() - 16;
    hits.getAndAdd(n + 1 + WebThreads.threadId(), 1);
    if (hits.getAndAdd(n, -1) == 1) {
      hits.notifyWaiters(n);
    }
    return null;
  });

  /** Spawns LEAF tasks for [from, to) from inside the pool (rings overflow, others steal). */
  static final TaskKind<Void> SPAWN = TaskKind.register("selftest.spawn", (args, pool) -> {
    SharedIntArray hits = args.readSharedIntArray();
    int from = args.readInt();
    int to = args.readInt();
    for (int i = from; i < to; i++) {
      pool.execute(LEAF, hits, i);
    }
    return null;
  });

  /** Keeps its thread busy for the given microseconds; counts itself in c[0], notifies at c[1]. */
  static final TaskKind<Void> BUSY = TaskKind.register("selftest.busy", (args, pool) -> {
    SharedIntArray counter = args.readSharedIntArray();
    int micros = args.readInt();
    long end = System.nanoTime() + micros * 1000L;
    long spins = 0;
    while (System.nanoTime() < end) {
      spins++;
    }
    if (counter.getAndAdd(0, 1) + 1 == counter.get(1)) {
      counter.notifyWaiters(0);
    }
    return spins < 0 ? null : null;
  });

  /** Waits (blocking its worker) until element 0 of the given array is no longer 0, then returns it. */
  static final TaskKind<Integer> GATED = TaskKind.register("selftest.gated", (args, pool) -> {
    SharedIntArray gate = args.readSharedIntArray();
    while (gate.get(0) == 0) {
      gate.awaitChange(0, 0);
    }
    return gate.get(0);
  });

  /** Adds one to element 0 of its argument; returns the new value. */
  static final TaskKind<Integer> COUNT = TaskKind.register("selftest.count",
      (args, pool) -> args.readSharedIntArray().getAndAdd(0, 1) + 1);

  /**
   * Spawns {@code children} detached {@link #COUNT} tasks into its worker's ring, records its thread id in
   * {@code started[1 + i]} (and counts itself in {@code started[0]}, notified), then blocks its worker
   * until {@code gates[i]} is no longer 0. Returns its thread id. Arguments: started, i, gates, children,
   * counter.
   */
  static final TaskKind<Integer> HOLD = TaskKind.register("selftest.hold", (args, pool) -> {
    SharedIntArray started = args.readSharedIntArray();
    int i = args.readInt();
    SharedIntArray gates = args.readSharedIntArray();
    int children = args.readInt();
    SharedIntArray counter = args.readSharedIntArray();
    for (int c = 0; c < children; c++) {
      pool.execute(COUNT, counter);
    }
    started.set(1 + i, WebThreads.threadId());
    started.getAndAdd(0, 1);
    started.notifyWaiters(0);
    while (gates.get(i) == 0) {
      gates.awaitChange(i, 0);
    }
    return WebThreads.threadId();
  });

  static final int ANOTHER_WORKER = -2;

  /**
   * From a pool thread, sends ECHO to thread {@code target} (or {@link #ANOTHER_WORKER}); the echoed
   * value lands in out[0], and out[1] = 100 * replying thread + sending thread.
   */
  static final TaskKind<Void> RELAY = TaskKind.register("selftest.relay", (args, pool) -> {
    SharedIntArray out = args.readSharedIntArray();
    int requested = args.readInt();
    int self = WebThreads.threadId();
    int target = requested == ANOTHER_WORKER ? (self == 1 ? 2 : 1) : requested;
    int value = args.readInt();
    WebThreads.platform().sendJs(SelfTestTasks.ECHO, target, number(value), null, new JsTaskCallback() {
      @Override
      public void completed(JSObject result) {
        out.set(1, intField(result, "thread") * 100 + self);
        out.set(0, intField(result, "value"));
        out.notifyWaiters(0);
      }

      @Override
      public void failed(JsTaskFailedException failure) {
        out.set(0, -1);
        out.notifyWaiters(0);
      }
    });
    return null;
  });

  /** A kind registered on the page only: workers do not know it. */
  static final TaskKind<Integer> PAGE_ONLY = WebThreads.isWorker() ? null
      : TaskKind.register("selftest.pageOnly", (args, pool) -> 1);

  static final JsTaskKind ECHO = JsTaskKind.register("selftest.echo", (payload, context) -> {
    JSObject result = JsObjects.newObject();
    JsObjects.set(result, "thread", context.threadId());
    JsObjects.set(result, "from", context.senderId());
    JsObjects.set(result, "value", payload);
    return result;
  });

  /** Returns the thread and the value of shared word {@code payload.index} when it runs. */
  static final JsTaskKind PROGRESS = JsTaskKind.register("selftest.progress", (payload, context) -> {
    JSObject result = JsObjects.newObject();
    JsObjects.set(result, "thread", context.threadId());
    JsObjects.set(result, "word", loadWord(intField(payload, "index")));
    return result;
  });

  /** Blocks its worker until shared word payload.index changes (the test never changes it). */
  static final JsTaskKind BLOCK = JsTaskKind.register("selftest.block", (payload, context) -> {
    blockWhileZero(intField(payload, "index"));
    return null;
  });

  /** Overflows its worker's stack in a JS task, outside the pool loop: the worker reports a failure. */
  static final JsTaskKind OVERFLOWS_JS = JsTaskKind.register("selftest.overflowsJs", (payload, context) -> {
    return number(dive(0));
  });

  static final JsTaskKind THROWS_JS = JsTaskKind.register("selftest.throwsJs", (payload, context) -> {
    throw new UnsupportedOperationException("js task failed on purpose");
  });

  static final JsTaskKind PAGE_ONLY_JS = WebThreads.isWorker() ? null
      : JsTaskKind.register("selftest.pageOnlyJs", (payload, context) -> null);

  static void register() {
    // Touching the class runs the static initialisers above on this thread.
  }

  static long fib(int n, ThreadPool pool) {
    if (n < 2) {
      return n;
    }
    TaskFuture<Long> a = pool.submit(FIB, n - 1);
    TaskFuture<Long> b = pool.submit(FIB, n - 2);
    return b.join() + a.join();
  }


  @JSBody(params = "value", script = "return value;")
  static native JSObject number(int value);



  @JSBody(params = {"o", "k"}, script = "return o[k] | 0;")
  static native int intField(JSObject o, String k);

  @JSBody(params = "index", script = "return Atomics.load(webthreads.view(), index);")
  static native int loadWord(int index);

  @JSBody(params = "index", script = "Atomics.wait(webthreads.view(), index, 0);")
  static native void blockWhileZero(int index);
}
