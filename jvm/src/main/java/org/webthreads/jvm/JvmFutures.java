package org.webthreads.jvm;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.webthreads.AsyncWait;
import org.webthreads.PoolControl;
import org.webthreads.PoolShutdownException;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;

/**
 * Pools and futures for JVM code that speaks {@code java.util.concurrent}: a {@link TaskFuture} as a
 * {@link CompletableFuture}, a pool as an {@link Executor}, and {@code Runnable}/{@code Callable}
 * submission returning a {@link CompletableFuture}.
 *
 * <p>No thread waits per future. Where the pool's threads share one heap ({@link JvmThreads#start}) the
 * pool thread that ends a task completes the {@code CompletableFuture} itself (a completion listener,
 * {@link PoolControl#onCompletion}); so non-async dependents ({@code thenApply}, ...) run on that pool
 * thread: use the {@code ...Async} variants for anything long. Where the heaps are emulated as separate
 * ({@link JvmThreads#startEmulatingSeparateHeaps}) the outcome stays in the task slot until harvested,
 * so the adapter waits asynchronously on the slot's completion word ({@link JvmSharedWords#waitAsync},
 * as the browser's page does with {@code Atomics.waitAsync}) and harvests on
 * {@code ForkJoinPool.commonPool()}, where the future is then completed.
 *
 * <p>Completing or cancelling the returned {@code CompletableFuture} from outside only settles that
 * object: the task still runs and the pool is not touched.
 */
public final class JvmFutures {
  /** Runnables and Callables handed to a pool, by the id their task carries, until the task ends. */
  private static final ConcurrentHashMap<Integer, HeapTask> HEAP_TASKS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  /** Runs the Runnable or Callable registered under its int argument (objects stay on this heap). */
  private static final TaskKind<Void> RUN_HEAP_TASK = TaskKind.register("webthreads.jvm.heapTask",
      (args, pool) -> {
        HeapTask task = HEAP_TASKS.get(args.readInt());
        task.run();
        return null;
      });

  private JvmFutures() {
  }

  /**
   * A {@link CompletableFuture} that completes when {@code future}'s task does: with its value, or
   * exceptionally with the {@link TaskFailedException} that {@link TaskFuture#join()} throws (its cause
   * is the very exception the task threw on one heap, a {@link org.webthreads.RemoteStackTrace} with its
   * stack text with separate heaps), or with the {@link CancellationException} of a task that
   * {@code shutdownNow()} cancelled ({@code isCancelled()} is then true). Each call makes a new object.
   *
   * @param <R> what the task returns
   * @param future a future of any pool
   * @return a new CompletableFuture that follows it
   */
  public static <R> CompletableFuture<R> toCompletableFuture(TaskFuture<R> future) {
    if (future == null) {
      throw new NullPointerException("toCompletableFuture: the future is null; pass what pool.submit returned");
    }
    CompletableFuture<R> adapted = new CompletableFuture<>();
    PoolControl.onCompletion(future, () -> settle(future, adapted));
    PoolControl control = PoolControl.of(future);
    if (!control.completesFuturesDirectly()) {
      harvestWhenComplete(future, requireJvmWords(control));
    }
    return adapted;
  }

  /**
   * {@code pool} as an {@link Executor}: each {@code Runnable} runs once, as a task of the pool (the
   * object stays on this JVM's heap; its task carries an id). A Runnable that throws is reported on
   * standard error, as a failed {@code execute()} task is; one cancelled by {@code shutdownNow()} never
   * runs. After {@code shutdown()} it throws {@link RejectedExecutionException}.
   *
   * @param pool the pool that runs the Runnables
   * @return an Executor over the pool
   */
  public static Executor executor(ThreadPool pool) {
    if (pool == null) {
      throw new NullPointerException("executor: the pool is null");
    }
    return command -> {
      CompletableFuture<Void> done = submit(pool, command);
      done.whenComplete((ignored, failure) -> {
        if (failure instanceof TaskFailedException) {
          System.err.println("webthreads: a Runnable run by JvmFutures.executor failed: " + failure.getMessage());
        }
      });
    };
  }

  /**
   * Runs {@code command} once as a task of {@code pool}; the future completes as
   * {@link #toCompletableFuture} says (with null). Throws {@link RejectedExecutionException} when the
   * pool is shut down.
   *
   * @param pool the pool to run on
   * @param command the code to run
   * @return a future that completes with null when {@code command} has run
   */
  public static CompletableFuture<Void> submit(ThreadPool pool, Runnable command) {
    if (command == null) {
      throw new NullPointerException("submit: the Runnable is null");
    }
    return submit(pool, () -> {
      command.run();
      return null;
    });
  }

  /**
   * Runs {@code callable} once as a task of {@code pool}; the future completes with what it returns (any
   * object: it never leaves this heap), or exceptionally as {@link #toCompletableFuture} says. Throws
   * {@link RejectedExecutionException} when the pool is shut down.
   *
   * @param <T> what {@code callable} returns
   * @param pool the pool to run on
   * @param callable the code to run
   * @return a future of what {@code callable} returns
   */
  public static <T> CompletableFuture<T> submit(ThreadPool pool, Callable<T> callable) {
    if (pool == null || callable == null) {
      throw new NullPointerException("submit: " + (pool == null ? "the pool" : "the Callable") + " is null");
    }
    HeapTask task = new HeapTask(callable);
    int id = NEXT_ID.incrementAndGet();
    HEAP_TASKS.put(id, task);
    TaskFuture<Void> future;
    try {
      future = pool.submit(RUN_HEAP_TASK, id);
    } catch (PoolShutdownException e) {
      HEAP_TASKS.remove(id);
      throw new RejectedExecutionException(e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      HEAP_TASKS.remove(id);
      throw e;
    }
    // The entry goes when the task ends in any way (a cancelled task never ran to take it).
    PoolControl.onCompletion(future, () -> HEAP_TASKS.remove(id));
    @SuppressWarnings("unchecked")
    CompletableFuture<T> result = toCompletableFuture(future).thenApply(ignored -> (T) task.result);
    return result;
  }

  private static <R> void settle(TaskFuture<R> future, CompletableFuture<R> adapted) {
    R value;
    try {
      value = future.join(); // done: returns or throws at once
    } catch (TaskFailedException | CancellationException e) {
      adapted.completeExceptionally(e);
      return;
    }
    adapted.complete(value);
  }

  /** Separate heaps: harvest {@code future} once its task completes, so that its listeners run. */
  private static void harvestWhenComplete(TaskFuture<?> future, JvmSharedWords words) {
    AsyncWait wait = PoolControl.completionWait(future); // null once done (harvested: listeners ran)
    if (wait != null) {
      words.waitAsync(wait.wordIndex(), wait.value(), () -> harvestWhenComplete(future, words));
    }
  }

  private static JvmSharedWords requireJvmWords(PoolControl control) {
    if (!(control.words() instanceof JvmSharedWords)) {
      throw new IllegalArgumentException("toCompletableFuture: this pool's threads do not share one heap "
          + "and its words are not JvmSharedWords, so nothing can wait for it without a thread; use a pool "
          + "of JvmThreads");
    }
    return (JvmSharedWords) control.words();
  }

  /** A Runnable or Callable waiting for its task, and what it returned. */
  private static final class HeapTask {
    private final Callable<?> callable;
    /** Written by the pool thread that runs it, read after the task's completion is published. */
    volatile Object result;

    HeapTask(Callable<?> callable) {
      this.callable = callable;
    }

    void run() throws Exception {
      result = callable.call();
    }
  }
}
