package org.webthreads;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Callbacks that run once when a {@link TaskFuture} is done: what adapters to other future types
 * (a {@code CompletableFuture} on the JVM) hang on a future instead of parking a thread per future.
 * Registered with {@link PoolControl#onCompletion}.
 *
 * <p>A future's listeners live in its {@code completionListeners} field, a Java-heap word (never a
 * shared word): null, a chain of {@link Node}s, or {@link #FIRED}. The future calls {@link #fire} after
 * the CAS that decides its state (completion or cancel()); {@link #add} links a node and then reads the
 * state. That is a
 * Dekker pair on two volatile fields, so a node is seen either by the completion's {@link #fire} or by
 * the adder, who then fires itself; the getAndSet to {@link #FIRED} lets exactly one of them run the
 * chain. A future nobody listens to pays one volatile read of a null field per completion.
 *
 * <p>Where the listeners run: on one heap, on the thread that ends the task (a pool thread, after the
 * future holds the outcome); with separate heaps, on the thread that harvests the future; on the adding
 * thread when the future is done already. A listener that throws is reported on standard error and
 * never reaches the thread that ran it.
 */
final class CompletionListeners {
  /** The mark of a future whose listeners ran: later listeners run at once. */
  private static final Object FIRED = new Object();

  @SuppressWarnings("rawtypes")
  private static final AtomicReferenceFieldUpdater<TaskFuture, Object> LISTENERS =
      AtomicReferenceFieldUpdater.newUpdater(TaskFuture.class, Object.class, "completionListeners");

  private CompletionListeners() {
  }

  /** Runs {@code listener} once {@code future} is done: later, or now when it is done already. */
  static void add(TaskFuture<?> future, Runnable listener) {
    if (listener == null) {
      throw new NullPointerException("onCompletion: the listener is null; pass the code to run when the "
          + "task is done");
    }
    Node node = new Node(listener);
    while (true) {
      Object current = future.completionListeners;
      if (current == FIRED) {
        runSafely(future, listener);
        return;
      }
      node.next = (Node) current;
      // CAS: another thread may add or fire at the same time; pairs with fire's getAndSet.
      if (LISTENERS.compareAndSet(future, current, node)) {
        break;
      }
    }
    // After our volatile link, read the decision (Dekker with completion or cancel(): their deciding
    // CAS, then fire's read of the listeners).
    if (future.isDecided()) {
      fire(future);
    }
  }

  /** Called by the future after its outcome is stored: runs the listeners added so far, once. */
  static void fire(TaskFuture<?> future) {
    Object current = future.completionListeners;
    if (current == null || current == FIRED) {
      return; // the common case: nobody listens (an adder that links later sees the decision and fires)
    }
    // getAndSet: exactly one of the completing thread and a late adder takes the chain.
    Object chain = LISTENERS.getAndSet(future, FIRED);
    if (chain == FIRED || chain == null) {
      return;
    }
    Node reversed = null; // run in the order they were added
    for (Node n = (Node) chain; n != null; ) {
      Node next = n.next;
      n.next = reversed;
      reversed = n;
      n = next;
    }
    for (Node n = reversed; n != null; n = n.next) {
      runSafely(future, n.listener);
    }
  }

  private static void runSafely(TaskFuture<?> future, Runnable listener) {
    try {
      listener.run();
    } catch (Throwable thrown) {
      System.err.println("webthreads: a completion listener of task '" + future.kind().name()
          + "' threw " + TaskFailure.describe(thrown) + " (ignored: the thread that ran it goes on)");
    }
  }

  /** One listener in a future's chain (newest first). */
  private static final class Node {
    final Runnable listener;
    Node next;

    Node(Runnable listener) {
      this.listener = listener;
    }
  }
}
