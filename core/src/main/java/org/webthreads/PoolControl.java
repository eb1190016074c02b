package org.webthreads;

import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.PoolLayout;

/**
 * What a {@link Platform} uses to run and look after a pool's threads; the user's side is
 * {@link ThreadPool}. A platform receives it in {@link Platform#startWorkers}, or builds it on another
 * heap with {@link #attach} (a Web Worker), and then:
 * <ul>
 *   <li>runs each pool thread's scheduler loop ({@link #runWorker}) on that thread, and again after the
 *       loop yields;
 *   <li>asks a thread to leave its loop at the next task boundary ({@link #requestYield}) when it has
 *       something for it (in the browser, a JS task on its way), and reports each request served;
 *   <li>repairs the pool after a stack was unwound by an error Java cannot catch
 *       ({@link #abandonWorkerStack}) or a thread stopped for good ({@link #workerLost});
 *   <li>gives threads that may not block the words to wait on asynchronously ({@link AsyncWait}).
 * </ul>
 */
public final class PoolControl {
  private final Pool pool;

  PoolControl(Pool pool) {
    this.pool = pool;
  }

  /**
   * The control of {@code pool} (for platform code that is handed a user's pool).
   *
   * @param pool a user's pool
   * @return its control
   */
  public static PoolControl of(ThreadPool pool) {
    return pool.internals().control;
  }

  /**
   * The control of the pool that {@code future}'s task was submitted to.
   *
   * @param future a future of any pool
   * @return the control of the future's pool
   */
  public static PoolControl of(TaskFuture<?> future) {
    return future.pool().control;
  }

  /**
   * This heap's view of an existing pool, for a thread with its own heap (a Web Worker).
   *
   * @param platform the platform of the calling thread's heap
   * @param words the shared words the pool lives in (the same memory as the creator's)
   * @param base the pool's {@link #base()}, as the creator's heap reports it
   * @return a control over the same pool, for this heap
   */
  public static PoolControl attach(Platform platform, SharedWords words, int base) {
    return Pool.attach(platform, words, base).control;
  }

  /**
   * The pool, as its tasks and users see it.
   *
   * @return the pool's user-side object
   */
  public ThreadPool pool() {
    return pool.facade;
  }

  /**
   * Base word of the pool's region: what another heap needs to {@link #attach}.
   *
   * @return the first word of the pool's region
   */
  public int base() {
    return pool.shared.layout.base;
  }

  /**
   * Whether the thread that ends a task completes its future itself (the pool's threads share one
   * heap), so that {@link #onCompletion} listeners run without anyone harvesting.
   *
   * @return true where the pool's threads share one heap
   */
  public boolean completesFuturesDirectly() {
    return pool.completeFuturesDirectly;
  }

  /**
   * The shared words the pool lives in.
   *
   * @return the words of the pool's region and the rest of its memory
   */
  public SharedWords words() {
    return pool.shared.words;
  }

  // ---- pool threads ----

  /**
   * Runs the scheduler loop of pool thread {@code threadId} on the calling thread until it must return
   * (see {@link LoopExit}). Called by the platform on that thread.
   *
   * @param threadId the pool thread the calling thread serves
   * @return why the loop returned: the platform acts on it and, unless the pool is done, calls again
   */
  public LoopExit runWorker(int threadId) {
    int index = pool.shared.requireIndex(threadId);
    WorkerLoop loop = pool.threads.bind(index, threadId);
    LoopExit exit = loop.run();
    if (exit == LoopExit.SHUTDOWN) {
      pool.threads.unbind(index); // no longer a pool thread: its submits go to the shared queue again
    }
    return exit;
  }

  /**
   * Asks pool thread {@code threadId} to leave its loop at the next task boundary
   * ({@link LoopExit#YIELD}). Call before sending the thread what it should do then; call
   * {@link #yieldServed} for each request once served.
   *
   * @param threadId the pool thread to ask
   */
  public void requestYield(int threadId) {
    int index = pool.shared.requireIndex(threadId);
    // The increment is what the loop checks before every task; the wake (after it) pairs with the
    // loop's re-check of this word before sleeping.
    pool.shared.words.getAndAdd(pool.shared.layout.signalIndex(index), 1);
    pool.shared.parking.wake(index);
  }

  /**
   * A request made with {@link #requestYield} was served; returns how many are still pending.
   *
   * @param threadId the pool thread whose request was served
   * @return the requests still pending for that thread
   */
  public int yieldServed(int threadId) {
    int before = pool.shared.words.getAndAdd(signalWord(threadId), -1);
    return (before & PoolLayout.YIELD_COUNT_MASK) - 1;
  }

  private int signalWord(int threadId) {
    return pool.shared.layout.signalIndex(pool.shared.requireIndex(threadId));
  }

  /**
   * For a platform whose threads can have their stack unwound by an error Java cannot catch (the
   * browser: a JavaScript error, such as a stack overflow's RangeError, thrown through the WebAssembly
   * frames): call on pool thread {@code threadId}, after such an error left {@link #runWorker}. Every
   * task whose body was on that stack fails with {@link TaskAbandonedException}, and the thread may
   * enter {@link #runWorker} again. Returns false, doing nothing, if the error did not come out of
   * {@code runWorker} on this thread (nothing to repair here).
   *
   * @param threadId the pool thread whose stack was unwound (the calling thread)
   * @param cause what unwound it (the error's text), for the failure messages
   * @return true if the stack was repaired, false if there was nothing to repair
   */
  public boolean abandonWorkerStack(int threadId, String cause) {
    int index = pool.shared.indexOf(threadId);
    WorkerLoop loop = index < 0 ? null : pool.threads.loopAt(index);
    return loop != null && loop.abandonStack(cause);
  }

  /**
   * Repairs the pool after pool thread {@code threadId} stopped for good while serving it (see
   * {@link LostWorkerRepair}). Call once the thread can run no more code. Returns how many tasks it
   * ended, or -1 when the thread had already left the pool or was repaired before.
   *
   * @param terminated the thread was terminated (rather than failed with an error); goes into the
   *     failure messages
   * @param threadId the pool thread that stopped
   * @return the number of tasks ended, or -1 when there was nothing to repair
   */
  public int workerLost(int threadId, boolean terminated) {
    return pool.repair.workerLost(threadId, terminated);
  }

  // ---- completion listeners, for adapters to other kinds of futures ----

  /**
   * Runs {@code listener} once {@code future} is done (value, failure or cancellation), without a
   * thread waiting for it, and at once on the calling thread if it is done already. Where the pool's
   * threads share one heap ({@link Platform#threadsShareOneHeap}) the pool thread that ends the task
   * runs it, right after the future holds the outcome and before that thread hands the task's slot
   * back: keep it short (complete another future, queue work elsewhere). With separate heaps the
   * outcome reaches the future only when the future is harvested, so the listener runs on the thread
   * that harvests it ({@code join}, {@code isDone}, or a {@link #completionWait} that finds it done):
   * drive it with {@link #completionWait}. A listener that throws is reported on standard error and
   * does not reach the thread that ran it. Any number of listeners may be added; each runs once.
   *
   * @param future the future to watch
   * @param listener runs once, when the future is done
   */
  public static void onCompletion(TaskFuture<?> future, Runnable listener) {
    CompletionListeners.add(future, listener);
  }

  // ---- asynchronous waits, for threads that may not block ----

  /**
   * Null once {@code future} is done (its join returns at once), else the word that changes when it
   * completes (the waiter is announced, so completing the task notifies it).
   *
   * @param future the future to wait for
   * @return null when done, else what to wait on
   */
  public static AsyncWait completionWait(TaskFuture<?> future) {
    return future.pool().joins.completionWait(future);
  }

  /**
   * After a submit from the calling (outside) thread threw {@link SlotsExhaustedException}: null when a
   * slot can be had now (the next submit gets it), else what to wait for before asking again. Call
   * {@link #endSlotWait} if you stop waiting without asking again.
   *
   * @return null when a slot is free now, else what to wait on
   */
  public AsyncWait slotWait() {
    return pool.allocator.slotWait();
  }

  /** Ends a wait that {@link #slotWait} started for the calling thread, if any. */
  public void endSlotWait() {
    pool.allocator.endSlotWait();
  }

  /**
   * Null once the pool is terminated, else the word that changes as its threads leave.
   *
   * @return null when terminated, else what to wait on
   */
  public AsyncWait terminationWait() {
    return pool.lifecycle.terminationWait();
  }
}
