package org.webthreads;

/**
 * Decides when a pool thread's private forks ({@link PrivateForks}) become visible to other threads.
 * A task body's submit on a pool thread (not {@code execute}, not from JS-task code at depth 0) keeps
 * the fork private; it is published (given a slot and pushed to the thread's ring) when:
 * <ol>
 *   <li>a fork finds the thread's ring empty: the oldest private fork goes out, so every busy thread
 *       keeps one task stealable, the largest piece of work it has left;
 *   <li>a join about to run a private fork finds the ring empty and holds more than one
 *       ({@link WorkerLoop#helpUntilDone}): a body that forks many and joins them one by one shares them;
 *   <li>the stack is full: the oldest goes out;
 *   <li>a task body returns with forks it did not join ({@link #publishLeftovers}).
 * </ol>
 * A join runs private forks before it would ever wait. A fork that finds no slot (or arena block) is run
 * here instead, or kept on the stack for the enclosing body. See docs/scheduler.md, "Private forks".
 */
final class ForkPublisher {
  private final Pool pool;
  private final WorkerLoop loop;
  private final TaskRunner runner;
  private final org.webthreads.scheduler.LocalRing ring;
  /** Forks of task bodies on this thread that no other thread can see yet. */
  private final PrivateForks forks = new PrivateForks();
  /** The pool's configuration keeps forks private at first (PoolConfig.withPrivateForks). */
  private final boolean enabled;

  ForkPublisher(Pool pool, WorkerLoop loop, TaskRunner runner) {
    this.pool = pool;
    this.loop = loop;
    this.runner = runner;
    this.ring = loop.ring;
    this.enabled = pool.shared.layout.privateForks;
  }

  /**
   * Whether a task forked (for a result) on this thread now stays private: only inside a task body,
   * whose end publishes what it left unjoined. (No body runs once the loop has seen STOP: it cancels
   * instead, so the loop's stopping flag needs no look here.)
   */
  boolean forksPrivately() {
    return enabled && runner.depth() > 0;
  }

  /** The stack position a task body starts at (for {@link #publishLeftovers}). */
  int mark() {
    return forks.top();
  }

  int size() {
    return forks.size();
  }

  /** Forks a task privately; returns its future. */
  TaskFuture<?> fork(TaskKind<?> kind, ForkArgs args) {
    if (forks.isFull()) {
      publishOrRun(forks.takeOldest());
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    TaskFuture<?> future = new TaskFuture(pool, kind, loop, args);
    forks.push(future);
    // Keep one task of ours where thieves can take it: with our ring empty, publish the oldest private
    // fork (usually the largest piece of work left). One load of our own ring's state word; a stealer
    // that empties the ring right after it is seen non-empty makes the next fork publish.
    if (ring.size() == 0) {
      publishOrRun(forks.takeOldest());
    }
    return future;
  }

  /**
   * A join is about to run private forks: with more than one and the ring empty, the oldest goes out
   * first (the newest stays ours), as in {@link #fork}.
   */
  void shareBeforeJoin() {
    if (forks.size() > 1 && ring.size() == 0) {
      publishOrRun(forks.takeOldest());
    }
  }

  /** Removes and returns the newest private fork, or null. */
  TaskFuture<?> popNewest() {
    return forks.pop();
  }

  /**
   * Publishes a private fork (taken off the stack), or runs it here when no slot or arena block is free
   * for it. Only this one fork is off the stack meanwhile, so nothing else is hidden while it runs.
   */
  private void publishOrRun(TaskFuture<?> future) {
    if (!publish(future)) {
      runner.runPrivate(future);
    }
  }

  /** Returns false when no slot or block is free; a fork cancelled meanwhile is dropped (true). */
  private boolean publish(TaskFuture<?> future) {
    if (future.isDecided()) {
      future.takeForkArgs();
      future.markReleased(); // cancel() came first (see Cancellation): it never runs
      return true;
    }
    if (!pool.submission.publishFork(loop, future, future.forkArgs())) {
      return false;
    }
    future.takeForkArgs();
    if (future.hasForeignWaiter()) {
      pool.joins.signalForkEpoch(loop); // after publishedAs' volatile store: see TaskFuture
    }
    return true;
  }

  /**
   * Publishes the forks a task body left unjoined (pushed since {@code mark}); those that find no slot
   * go back on the stack (they stay private, for the enclosing body or a join to run, or are run here
   * when no body encloses this one), so that no fork is ever off the stack and unpublished while this
   * thread runs something else.
   */
  void publishLeftovers(int mark) {
    if (forks.top() - mark <= 0) {
      return; // the common case: the body joined everything it forked
    }
    TaskFuture<?>[] leftovers = forks.takeAbove(mark);
    for (int i = 0; leftovers != null && i < leftovers.length; i++) {
      if (!publish(leftovers[i])) {
        forks.push(leftovers[i]); // room: takeAbove just removed at least this many
      }
    }
    if (runner.depth() == 0) {
      // Back in the loop (or in JS-task code) no enclosing body will join what went back on the
      // stack: run it now, one at a time, the rest staying on the stack meanwhile.
      TaskFuture<?> kept;
      while ((kept = forks.pop()) != null) {
        runner.runPrivate(kept);
      }
    }
  }

  /**
   * After the stack was unwound by an error Java cannot catch: every private fork here fails with
   * {@code failure} (their futures are held by bodies on the same stack, which fail with it).
   */
  void failAll(TaskFailure failure) {
    TaskFuture<?>[] orphans = forks.takeAll();
    for (int i = 0; orphans != null && i < orphans.length; i++) {
      if (!orphans[i].isDone()) {
        orphans[i].takeForkArgs();
        orphans[i].completeInline(org.webthreads.scheduler.TaskSlots.FAILED, null, failure);
        if (orphans[i].hasForeignWaiter()) {
          pool.joins.signalForkEpoch(loop);
        }
      }
    }
  }
}
