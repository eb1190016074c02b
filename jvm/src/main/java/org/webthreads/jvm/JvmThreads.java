package org.webthreads.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.webthreads.LoopExit;
import org.webthreads.Platform;
import org.webthreads.PoolControl;
import org.webthreads.ThreadPool;
import org.webthreads.memory.SharedRegion;

/**
 * The JVM platform: N {@link Thread}s with ids 1..N, each serving at most one {@link ThreadPool} at a
 * time with the same scheduler loop the browser workers run. The analogue of the browser's worker
 * manager, so that the scheduler can be tested and measured on the JVM.
 *
 * <p>Each thread also has an inbox for "JS tasks" ({@link #post}): plain {@code Runnable}s that, like
 * postMessage tasks in the browser, make the thread's loop yield at the next task boundary, run with
 * priority, and let it re-enter the loop afterwards.
 *
 * <p>The threads outlive anything a task does to them: an interrupt (from a task that restores its
 * interrupt status, or from outside) belongs to the task running at the time and is cleared after it;
 * an error that escapes the scheduler loop itself is reported on stderr, the pool is repaired as for a
 * browser worker that stopped ({@link PoolControl#workerLost}), and the thread serves other pools. Only
 * {@link #close} ends them. The platform keeps a reference to the pool each thread serves and to
 * nothing else, so pools that terminated are garbage.
 *
 * <pre>{@code
 * try (JvmThreads threads = JvmThreads.start(4)) {
 *   ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
 *   long fib = pool.submit(FIB, 30).join();
 *   pool.shutdown();
 * }
 * }</pre>
 */
public final class JvmThreads implements Platform, AutoCloseable {
  private final Thread[] threads;
  private final LinkedBlockingQueue<Message>[] inboxes;
  /** The pool each thread serves (null when none); guarded by this. */
  private final PoolControl[] serving;
  private final boolean sharedHeap;
  /** The threads end when their one pool terminates ({@link #newPool}). */
  private final boolean endWithPool;
  /** Guarded by this. */
  private boolean closed;
  /** {@link #endWithPool}: the one pool was created. Guarded by this. */
  private boolean poolCreated;

  @SuppressWarnings("unchecked")
  private JvmThreads(int count, boolean sharedHeap, boolean endWithPool) {
    this.sharedHeap = sharedHeap;
    this.endWithPool = endWithPool;
    threads = new Thread[count];
    inboxes = new LinkedBlockingQueue[count];
    serving = new PoolControl[count];
    for (int i = 0; i < count; i++) {
      int id = i + 1;
      inboxes[i] = new LinkedBlockingQueue<>();
      // The JVM's default stack: joins nest at most ThreadPool.MAX_NESTED_TASKS helped tasks.
      threads[i] = new Thread(() -> serve(id), "webthreads-" + id);
      threads[i].setDaemon(true);
    }
  }

  /**
   * Starts {@code count} worker threads (ids 1..count); {@link #close} ends them.
   *
   * @param count how many worker threads (at least 1)
   * @return the platform, its threads started
   */
  public static JvmThreads start(int count) {
    return start(count, true, false);
  }

  /**
   * Starts {@code count} worker threads that behave, towards the pool, as browser workers do: as if
   * each had its own Java heap ({@link Platform#threadsShareOneHeap} false), so that results travel
   * through the task slots and the thread that holds a future harvests it. For testing the browser's
   * protocol on the JVM; programs use {@link #start}. Its outside threads must live as long as the
   * pool (as the browser's main thread does): a thread that ends takes its unjoined futures' slots
   * with it.
   *
   * @param count how many worker threads (at least 1)
   * @return the platform, its threads started
   */
  public static JvmThreads startEmulatingSeparateHeaps(int count) {
    return start(count, false, false);
  }

  private static JvmThreads start(int count, boolean sharedHeap, boolean endWithPool) {
    if (count < 1) {
      throw new IllegalArgumentException("need at least one worker thread, was " + count);
    }
    JvmThreads platform = new JvmThreads(count, sharedHeap, endWithPool);
    for (Thread thread : platform.threads) {
      thread.start();
    }
    return platform;
  }

  /**
   * A pool over {@code threads} new worker threads of its own: they end once the pool has terminated
   * ({@link ThreadPool#shutdown} or {@code shutdownNow}, then its queued work), so the pool is the only
   * handle needed. The threads serve no other pool.
   *
   * @param threads how many worker threads (at least 1)
   * @return the started pool
   */
  public static ThreadPool newPool(int threads) {
    JvmThreads platform = start(threads, true, true);
    return ThreadPool.create(platform, platform.workerIds());
  }

  @Override
  public int[] workerIds() {
    int[] ids = new int[threads.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i + 1;
    }
    return ids;
  }

  @Override
  public SharedRegion allocate(int words) {
    return new SharedRegion(new JvmSharedWords(words), 0);
  }

  @Override
  public boolean threadsShareOneHeap() {
    return sharedHeap;
  }

  @Override
  public synchronized void startWorkers(PoolControl pool, int[] threadIds) {
    if (closed) {
      throw new IllegalStateException("this JvmThreads was closed and its threads have ended: start "
          + "new ones with JvmThreads.start before creating a pool");
    }
    if (endWithPool && poolCreated) {
      throw new IllegalArgumentException("the threads of JvmThreads.newPool serve that one pool only; "
          + "use JvmThreads.start for threads that serve several pools");
    }
    for (int id : threadIds) {
      PoolControl current = serving[id - 1];
      if (current != null && !current.pool().isTerminated()) {
        throw new IllegalArgumentException("thread " + id + " already serves another pool; shut that "
            + "pool down (and await its termination) or choose other ids");
      }
    }
    for (int id : threadIds) {
      serving[id - 1] = pool;
      inboxes[id - 1].add(new Message(pool, null, null));
    }
    poolCreated = true;
  }

  /**
   * Runs {@code task} on thread {@code threadId} with priority over pure tasks, as a JS task would:
   * the thread leaves its loop at the next task boundary, runs it, and re-enters the loop.
   *
   * @param threadId the worker thread to run it on
   * @param task the code to run there
   * @throws IllegalStateException once the platform is closed
   */
  public void post(int threadId, Runnable task) {
    if (threadId < 1 || threadId > threads.length) {
      throw new IllegalArgumentException("unknown thread id " + threadId + ": the ids are 1.."
          + threads.length);
    }
    PoolControl pool;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("this JvmThreads was closed: its threads run nothing more");
      }
      pool = serving[threadId - 1];
      if (pool != null && pool.pool().isTerminated()) {
        pool = null;
      }
    }
    // Queue first, then ask the loop to yield: a loop that leaves for it finds the message (serve()).
    inboxes[threadId - 1].add(new Message(null, task, pool));
    if (pool != null) {
      pool.requestYield(threadId);
    }
  }

  private void serve(int id) {
    LinkedBlockingQueue<Message> inbox = inboxes[id - 1];
    PoolControl pool = null;
    boolean closing = false;
    while (true) {
      Message message;
      if (pool == null) {
        try {
          message = inbox.take();
        } catch (InterruptedException e) {
          continue; // an interrupt is no reason to stop serving: only close() ends the thread
        }
      } else {
        message = inbox.poll();
      }
      if (message == null) {
        if (runPool(pool, id)) {
          pool = null;
          if (endWithPool || closing) {
            return;
          }
        }
        continue;
      }
      if (message.close) {
        if (pool == null) {
          return;
        }
        // close() stopped the pool (shutdownNow): serve it until this thread has left it, so that
        // it terminates.
        closing = true;
        continue;
      }
      if (message.assign != null) {
        pool = message.assign;
        continue;
      }
      try {
        message.task.run();
      } catch (Throwable failure) {
        System.err.println("webthreads: JS task on thread " + id + " failed: " + describe(failure));
      } finally {
        Thread.interrupted(); // the interrupt belonged to that task
        if (message.signalled != null) {
          message.signalled.yieldServed(id);
        }
      }
    }
  }

  /**
   * Runs the pool's loop on thread {@code id} until it returns; returns true when the thread no
   * longer serves the pool (it left at shutdown, or the loop failed and the pool was repaired).
   */
  private boolean runPool(PoolControl pool, int id) {
    try {
      if (pool.runWorker(id) != LoopExit.SHUTDOWN) {
        return false;
      }
    } catch (Throwable failure) {
      // Not a task's failure (tasks' failures go to their futures): the scheduler's own step failed,
      // for example an OutOfMemoryError. Repair the pool as for a browser worker that stopped, and go
      // on serving other pools.
      System.err.println("webthreads: thread " + id + " failed outside its tasks and leaves its pool, "
          + "which goes on without it: " + describe(failure));
      pool.workerLost(id, false);
    }
    synchronized (this) {
      if (serving[id - 1] == pool) {
        serving[id - 1] = null;
      }
    }
    return true;
  }

  private static String describe(Throwable failure) {
    String message;
    try {
      message = failure.getMessage();
    } catch (Throwable broken) {
      message = "(its getMessage() threw " + broken.getClass().getName() + ")";
    }
    return failure.getClass().getName() + (message == null ? "" : ": " + message);
  }

  /**
   * Cancels the queued work of every pool still running here (as {@code shutdownNow}), lets the
   * running tasks finish, and ends the threads. Afterwards no pool can be created on this platform.
   */
  @Override
  public void close() {
    List<ThreadPool> live = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (PoolControl control : serving) {
        if (control != null && !live.contains(control.pool())) {
          live.add(control.pool());
        }
      }
    }
    for (ThreadPool pool : live) {
      if (!pool.isTerminated()) {
        pool.shutdownNow();
      }
    }
    for (LinkedBlockingQueue<Message> inbox : inboxes) {
      inbox.add(Message.CLOSE);
    }
    for (Thread thread : threads) {
      if (thread == Thread.currentThread()) {
        continue; // closed from a posted task: the thread ends when that task returns
      }
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static final class Message {
    static final Message CLOSE = new Message(null, null, null, true);
    final PoolControl assign;
    final Runnable task;
    final PoolControl signalled;
    final boolean close;

    Message(PoolControl assign, Runnable task, PoolControl signalled) {
      this(assign, task, signalled, false);
    }

    private Message(PoolControl assign, Runnable task, PoolControl signalled, boolean close) {
      this.assign = assign;
      this.task = task;
      this.signalled = signalled;
      this.close = close;
    }
  }
}
