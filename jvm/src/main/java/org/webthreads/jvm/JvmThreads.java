package org.webthreads.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.webthreads.LoopExit;
import org.webthreads.Platform;
import org.webthreads.ThreadPool;
import org.webthreads.memory.SharedRegion;

/**
 * The JVM platform: N {@link Thread}s with ids 1..N, each serving at most one {@link ThreadPool} at a
 * time with the same scheduler loop the browser workers run. The analogue of the browser's worker
 * manager, so that the scheduler can be tested and measured on the JVM.
 *
 * <p>Each thread also has an inbox for "JS tasks" ({@link #post}): plain {@code Runnable}s that, like
 * postMessage tasks in the browser, make the thread leave its loop at the next task boundary, run with
 * priority, and let it re-enter the loop afterwards.
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
  private final ThreadPool[] serving;
  private final List<ThreadPool> pools = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private JvmThreads(int count) {
    threads = new Thread[count];
    inboxes = new LinkedBlockingQueue[count];
    serving = new ThreadPool[count];
    for (int i = 0; i < count; i++) {
      int id = i + 1;
      inboxes[i] = new LinkedBlockingQueue<>();
      // The JVM's default stack: joins nest at most ThreadPool.MAX_NESTED_TASKS helped tasks.
      threads[i] = new Thread(() -> serve(id), "webthreads-" + id);
      threads[i].setDaemon(true);
    }
  }

  /** Starts {@code count} worker threads (ids 1..count). */
  public static JvmThreads start(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("need at least one worker thread, was " + count);
    }
    JvmThreads platform = new JvmThreads(count);
    for (Thread thread : platform.threads) {
      thread.start();
    }
    return platform;
  }

  /** A platform with {@code threads} workers and one pool over all of them. */
  public static ThreadPool newPool(int threads) {
    JvmThreads platform = start(threads);
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
  public synchronized void startWorkers(ThreadPool pool, int[] threadIds) {
    for (int id : threadIds) {
      ThreadPool current = serving[id - 1];
      if (current != null && !current.isTerminated()) {
        throw new IllegalArgumentException("thread " + id + " already serves another pool; shut that "
            + "pool down (and await its termination) or choose other ids");
      }
    }
    for (int id : threadIds) {
      serving[id - 1] = pool;
      inboxes[id - 1].add(new Message(pool, null, null));
    }
    pools.add(pool);
  }

  /**
   * Runs {@code task} on thread {@code threadId} with priority over pure tasks, as a JS task would:
   * the thread leaves its loop at the next task boundary, runs it, and re-enters the loop.
   */
  public void post(int threadId, Runnable task) {
    if (threadId < 1 || threadId > threads.length) {
      throw new IllegalArgumentException("unknown thread id " + threadId);
    }
    ThreadPool pool;
    synchronized (this) {
      pool = serving[threadId - 1];
      if (pool != null && pool.isTerminated()) {
        pool = null;
      }
    }
    // Queue first, then signal: a loop that leaves for the signal finds the message (see serve()).
    inboxes[threadId - 1].add(new Message(null, task, pool));
    if (pool != null) {
      pool.signalJsPending(threadId);
    }
  }

  private void serve(int id) {
    LinkedBlockingQueue<Message> inbox = inboxes[id - 1];
    ThreadPool pool = null;
    try {
      while (true) {
        Message message = pool == null ? inbox.take() : inbox.poll();
        if (message == null) {
          if (pool.runWorker(id) == LoopExit.SHUTDOWN) {
            pool = null;
          }
          continue;
        }
        if (message.close) {
          return;
        }
        if (message.assign != null) {
          pool = message.assign;
        } else {
          try {
            message.task.run();
          } catch (Throwable failure) {
            System.err.println("webthreads: JS task on thread " + id + " failed: " + failure);
          } finally {
            if (message.signalled != null) {
              message.signalled.jsTaskDone(id);
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Cancels the queued work of every pool still running here and stops the threads. */
  @Override
  public void close() {
    List<ThreadPool> live;
    synchronized (this) {
      live = new ArrayList<>(pools);
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
    final ThreadPool assign;
    final Runnable task;
    final ThreadPool signalled;
    final boolean close;

    Message(ThreadPool assign, Runnable task, ThreadPool signalled) {
      this(assign, task, signalled, false);
    }

    private Message(ThreadPool assign, Runnable task, ThreadPool signalled, boolean close) {
      this.assign = assign;
      this.task = task;
      this.signalled = signalled;
      this.close = close;
    }
  }
}
