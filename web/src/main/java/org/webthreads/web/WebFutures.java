package org.webthreads.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.teavm.jso.JSObject;
import org.webthreads.AsyncWait;
import org.webthreads.PoolControl;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.ThreadPool;

/**
 * Completion without blocking, for the page's main thread (and any thread that prefers its event
 * loop): callbacks and JS Promises driven by {@code Atomics.waitAsync} on the task's completion word.
 * Once a callback runs, {@link TaskFuture#join()} returns at once. Callbacks compose: {@link #then}
 * (value or failure), {@link #whenAll} and {@link #whenAny} over many futures, and the Promises
 * {@link #promise}, {@link #promiseAll} and {@link #promiseRace} for the page's JavaScript. Every
 * callback runs from the event loop of the thread that registered it, never inside the call.
 */
public final class WebFutures {
  private WebFutures() {
  }

  /**
   * Calls {@code callback} from the event loop once {@code future}'s task has finished in any way.
   *
   * @param future the future to watch
   * @param callback runs once, on this thread's event loop
   */
  public static void whenDone(TaskFuture<?> future, Runnable callback) {
    AsyncWait wait = PoolControl.completionWait(future);
    if (wait == null) {
      Js.queueMicrotask(callback::run);
      return;
    }
    // Completion notifies the word because completionWait announced the waiter; if it completed in
    // between, the word no longer holds the value and waitAsync returns at once.
    Js.waitAsync(wait.wordIndex(), wait.value(), () -> whenDone(future, callback));
  }

  /**
   * Calls {@code onValue} with the task's value, or {@code onFailure} with what {@link TaskFuture#join()}
   * throws ({@link TaskFailedException}, with {@link TaskFailedException#remoteStackTrace()}, or
   * {@code CancellationException}), once the task has finished.
   *
   * @param <R> what the task returns
   * @param future the future to watch
   * @param onValue called with the value when the task completed
   * @param onFailure called with the exception otherwise
   */
  public static <R> void then(TaskFuture<R> future, Consumer<? super R> onValue,
      Consumer<? super RuntimeException> onFailure) {
    if (future == null || onValue == null || onFailure == null) {
      throw new NullPointerException("then: " + (future == null ? "the future" : onValue == null ? "onValue"
          : "onFailure") + " is null");
    }
    whenDone(future, () -> {
      R value;
      try {
        value = future.join(); // done: returns or throws at once
      } catch (RuntimeException e) {
        onFailure.accept(e);
        return;
      }
      onValue.accept(value);
    });
  }

  /**
   * Calls {@code callback} once, when every future in {@code futures} has finished in any way (an
   * empty list: at once, from the event loop); then each one's join returns or throws at once. The
   * list is copied: later changes to it do not count.
   *
   * @param futures the futures to watch
   * @param callback runs once, on this thread's event loop
   */
  public static void whenAll(List<? extends TaskFuture<?>> futures, Runnable callback) {
    List<TaskFuture<?>> all = copy(futures, callback, "whenAll");
    if (all.isEmpty()) {
      Js.queueMicrotask(callback::run);
      return;
    }
    int[] remaining = {all.size()}; // one thread's event loop: a plain count
    for (TaskFuture<?> future : all) {
      whenDone(future, () -> {
        if (--remaining[0] == 0) {
          callback.run();
        }
      });
    }
  }

  /**
   * Calls {@code callback} once, with the first future in {@code futures} seen finished (in any way).
   * The others go on; their completions are ignored here.
   *
   * @param futures the futures to watch, at least one
   * @param callback called with the first one seen finished
   * @throws IllegalArgumentException when {@code futures} is empty (nothing could ever finish)
   */
  public static void whenAny(List<? extends TaskFuture<?>> futures, Consumer<TaskFuture<?>> callback) {
    List<TaskFuture<?>> all = copy(futures, callback, "whenAny");
    if (all.isEmpty()) {
      throw new IllegalArgumentException("whenAny: the list of futures is empty, so none can finish; pass "
          + "at least one future");
    }
    boolean[] called = {false};
    for (TaskFuture<?> future : all) {
      whenDone(future, () -> {
        if (!called[0]) {
          called[0] = true;
          callback.accept(future);
        }
      });
    }
  }

  private static List<TaskFuture<?>> copy(List<? extends TaskFuture<?>> futures, Object callback, String what) {
    if (futures == null || callback == null) {
      throw new NullPointerException(what + ": " + (futures == null ? "the list of futures" : "the callback")
          + " is null");
    }
    List<TaskFuture<?>> copy = new ArrayList<>(futures);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) == null) {
        throw new NullPointerException(what + ": future " + i + " of the list is null");
      }
    }
    return copy;
  }

  /**
   * A Promise of the task's value (numbers, strings, booleans and null as JS values; other values
   * as their string form). It rejects with an Error named after the task's exception class (its
   * {@code message} is {@link TaskFailedException#getMessage()}, its {@code javaStack} and
   * {@code stack} the remote stack trace as text when there is one), or "CancellationException".
   *
   * @param future the future to follow
   * @return a JS Promise
   */
  public static JSObject promise(TaskFuture<?> future) {
    JSObject[] settle = new JSObject[2];
    JSObject promise = Js.newPromise((resolve, reject) -> {
      settle[0] = resolve;
      settle[1] = reject;
    });
    then(future, value -> Js.settle(settle[0], toJs(value)), failure -> Js.settle(settle[1], toJsError(failure)));
    return promise;
  }

  /**
   * Calls {@code onDone} once {@code future}'s task has finished in any way, or, if it has not within
   * {@code timeoutMillis}, cancels it ({@link TaskFuture#cancel()}) and calls {@code onTimeout} instead.
   * Exactly one of the two is called. When the timer fires just as the task finishes, the finished task
   * wins (cancel() then changes nothing) and {@code onDone} is called.
   *
   * @param future the future to watch
   * @param timeoutMillis how long to wait before cancelling (more than zero)
   * @param onDone runs when the task finished in time
   * @param onTimeout runs when it did not (it is then cancelled)
   * @throws IllegalArgumentException when {@code timeoutMillis} is zero or less
   */
  public static void whenDone(TaskFuture<?> future, int timeoutMillis, Runnable onDone, Runnable onTimeout) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("a timeout of " + timeoutMillis + " ms for task '"
          + future.kind().name() + "': it must be positive; use whenDone(future, callback) to wait "
          + "without one");
    }
    boolean[] settled = new boolean[1];
    int timer = Js.setTimeout(() -> {
      if (settled[0]) {
        return;
      }
      settled[0] = true;
      if (future.cancel()) {
        onTimeout.run();
      } else {
        onDone.run(); // it finished meanwhile: its outcome stands
      }
    }, timeoutMillis);
    whenDone(future, () -> {
      if (!settled[0]) {
        settled[0] = true;
        Js.clearTimeout(timer);
        onDone.run();
      }
    });
  }

  /**
   * A Promise of the values of every future, in list order (a JS array), as {@code Promise.all} does:
   * it rejects, as {@link #promise} does, with the first failure in list order once all have finished.
   *
   * @param futures the futures to follow
   * @return a JS Promise of a JS array
   */
  public static JSObject promiseAll(List<? extends TaskFuture<?>> futures) {
    List<TaskFuture<?>> all = copy(futures, "", "promiseAll");
    JSObject[] settle = new JSObject[2];
    JSObject promise = Js.newPromise((resolve, reject) -> {
      settle[0] = resolve;
      settle[1] = reject;
    });
    whenAll(all, () -> {
      JSObject values = JsObjects.newArray();
      for (TaskFuture<?> future : all) {
        try {
          JsObjects.push(values, toJs(future.join()));
        } catch (RuntimeException e) {
          Js.settle(settle[1], toJsError(e));
          return;
        }
      }
      Js.settle(settle[0], values);
    });
    return promise;
  }

  /**
   * A Promise that settles as the first future seen finished does ({@link #promise}): its value, or its
   * failure, as {@code Promise.race} does.
   *
   * @param futures the futures to follow, at least one
   * @return a JS Promise
   * @throws IllegalArgumentException when {@code futures} is empty
   */
  public static JSObject promiseRace(List<? extends TaskFuture<?>> futures) {
    JSObject[] settle = new JSObject[2];
    JSObject promise = Js.newPromise((resolve, reject) -> {
      settle[0] = resolve;
      settle[1] = reject;
    });
    whenAny(futures, first -> {
      try {
        Js.settle(settle[0], toJs(first.join()));
      } catch (RuntimeException e) {
        Js.settle(settle[1], toJsError(e));
      }
    });
    return promise;
  }

  /**
   * As {@link #promise(TaskFuture)}, with a timeout: if the task has not finished within
   * {@code timeoutMillis}, it is cancelled and the Promise rejects with an Error named
   * "TaskTimeoutException" whose message names the task and the time.
   *
   * @param future the future to follow
   * @param timeoutMillis how long to wait before cancelling (more than zero)
   * @return a JS Promise
   * @throws IllegalArgumentException when {@code timeoutMillis} is zero or less
   */
  public static JSObject promise(TaskFuture<?> future, int timeoutMillis) {
    JSObject[] settle = new JSObject[2];
    JSObject promise = Js.newPromise((resolve, reject) -> {
      settle[0] = resolve;
      settle[1] = reject;
    });
    whenDone(future, timeoutMillis, () -> settleWithOutcome(future, settle[0], settle[1]),
        () -> Js.settle(settle[1], Js.error("TaskTimeoutException", "task '" + future.kind().name()
            + "' did not finish within " + timeoutMillis + " ms; it was cancelled")));
    return promise;
  }

  /** Resolves with the finished task's value, or rejects with its failure or cancellation. */
  private static void settleWithOutcome(TaskFuture<?> future, JSObject resolve, JSObject reject) {
    try {
      Js.settle(resolve, toJs(future.join()));
    } catch (RuntimeException e) {
      Js.settle(reject, toJsError(e));
    }
  }

  /** A JS Error for what a join threw: the remote class name, the message and the remote stack text. */
  static JSObject toJsError(RuntimeException failure) {
    if (failure instanceof TaskFailedException) {
      TaskFailedException failed = (TaskFailedException) failure;
      return Js.error(failed.remoteClassName(), failed.getMessage(), failed.remoteStackTrace());
    }
    return Js.error(failure.getClass().getSimpleName(), failure.getMessage());
  }

  /**
   * Calls {@code callback} once element {@code index} of {@code array} holds {@code value}. The
   * thread that stores that value must call {@link SharedIntArray#notifyWaiters} after it (e.g. the
   * task that counts a countdown down to zero).
   *
   * @param array the shared array to watch
   * @param index the element to watch
   * @param value the value to wait for
   * @param callback runs once, on this thread's event loop
   */
  public static void whenValue(SharedIntArray array, int index, int value, Runnable callback) {
    int current = array.get(index);
    if (current == value) {
      Js.queueMicrotask(callback::run);
      return;
    }
    whenChanged(array, index, current, () -> whenValue(array, index, value, callback));
  }

  /**
   * Calls {@code callback} once element {@code index} of {@code array} no longer holds {@code seen}
   * (at once if it already does not), or when {@link SharedIntArray#notifyWaiters} is called for it.
   * Changes without a notify are seen only at the next notify.
   *
   * @param array the shared array to watch
   * @param index the element to watch
   * @param seen the value it held when last looked at
   * @param callback runs once, on this thread's event loop
   */
  public static void whenChanged(SharedIntArray array, int index, int seen, Runnable callback) {
    Js.waitAsync(array.handle() + index, seen, callback::run);
  }

  /**
   * Calls {@code callback} once a task slot is free for this thread's next submit: what the page does
   * after a submit threw {@link org.webthreads.SlotsExhaustedException} (nothing was queued then), since
   * it may not block. Slots free up when this thread's own unfinished tasks finish (their futures are
   * harvested by the next submit) or when other threads give slots back.
   *
   * @param pool the pool the next submit goes to
   * @param callback runs once, on this thread's event loop
   */
  public static void whenSlotFree(ThreadPool pool, Runnable callback) {
    AsyncWait wait = PoolControl.of(pool).slotWait();
    if (wait == null) {
      Js.queueMicrotask(callback::run);
      return;
    }
    // The word changes (and is notified) when the awaited task completes or a chunk of slots is given
    // back; then look again, which also ends this wait's announcement.
    Js.waitAsync(wait.wordIndex(), wait.value(), () -> whenSlotFree(pool, callback));
  }

  /**
   * Calls {@code callback} once {@code pool} is shut down and every thread has left it.
   *
   * @param pool the pool to watch
   * @param callback runs once, on this thread's event loop
   */
  public static void whenTerminated(ThreadPool pool, Runnable callback) {
    AsyncWait wait = PoolControl.of(pool).terminationWait();
    if (wait == null) {
      Js.queueMicrotask(callback::run);
      return;
    }
    Js.waitAsync(wait.wordIndex(), wait.value(), () -> whenTerminated(pool, callback));
  }

  static JSObject toJs(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number) {
      return JsObjects.number(((Number) value).doubleValue());
    }
    if (value instanceof Boolean) {
      return JsObjects.bool((Boolean) value);
    }
    return JsObjects.string(value.toString());
  }
}
