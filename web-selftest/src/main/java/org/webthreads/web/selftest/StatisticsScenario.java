package org.webthreads.web.selftest;

import java.util.ArrayList;
import java.util.List;
import org.webthreads.PoolStatistics;
import org.webthreads.TaskFuture;
import org.webthreads.TaskKind;
import org.webthreads.ThreadPool;
import org.webthreads.WorkerStatistics;
import org.webthreads.web.WebFutures;
import org.webthreads.web.WebPlatform;

/**
 * Self-test scenario "poolStatistics": the page reads a fresh pool's statistics once per animation
 * frame while the workers run outside submits and fork/join trees; no snapshot throws or goes back,
 * and once the pool has terminated (every worker published its counts on leaving) the tasks run sum to
 * exactly what was submitted and forked, with nothing queued.
 */
final class StatisticsScenario {
  private static final int OUTSIDE = 3000;
  private static final int TREES = 20;
  private static final int TREE_DEPTH = 8; // 2^9 - 1 tasks each

  static final TaskKind<Integer> NOOP = TaskKind.register("selftest.statisticsNoop", (args, pool) -> 0);

  /** Argument: depth. Forks two children of depth - 1 and joins them; returns the tasks in the tree. */
  static final TaskKind<Integer> TREE = TaskKind.register("selftest.statisticsTree", (args, pool) -> {
    int depth = args.readInt();
    if (depth == 0) {
      return 1;
    }
    TaskFuture<Integer> left = pool.submit(StatisticsScenario.TREE, depth - 1);
    TaskFuture<Integer> right = pool.submit(StatisticsScenario.TREE, depth - 1);
    return 1 + left.join() + right.join();
  });

  private StatisticsScenario() {
  }

  static void register() {
    if (NOOP == null || TREE == null) {
      throw new IllegalStateException("selftest statistics tasks not registered");
    }
  }

  static void run(BrowserSelfTest.Result r, WebPlatform platform) {
    ThreadPool pool = ThreadPool.create(platform, platform.workerIds());
    List<TaskFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < TREES; i++) {
      futures.add(pool.submit(TREE, TREE_DEPTH));
    }
    for (int i = 0; i < OUTSIDE; i++) {
      futures.add(pool.submit(NOOP));
    }
    long[] last = new long[3 * pool.threadCount()];
    int[] snapshots = new int[1];
    StringBuilder problems = new StringBuilder();
    boolean[] finished = new boolean[1];
    ProgressScenario.FrameCallback[] watch = new ProgressScenario.FrameCallback[1];
    watch[0] = () -> {
      if (finished[0]) {
        return;
      }
      try {
        PoolStatistics statistics = pool.statistics();
        snapshots[0]++;
        for (int k = 0; k < statistics.workerCount(); k++) {
          WorkerStatistics worker = statistics.worker(k);
          long[] now = {worker.tasksRun(), worker.tasksStolen(), worker.timesParked()};
          for (int c = 0; c < 3; c++) {
            if (now[c] < last[3 * k + c]) {
              problems.append(" count ").append(c).append(" of worker ").append(k).append(" went back;");
            }
            last[3 * k + c] = now[c];
          }
        }
      } catch (RuntimeException e) {
        problems.append(" a snapshot threw ").append(e).append(';');
      }
      ProgressScenario.requestAnimationFrame(watch[0]);
    };
    watch[0].run(); // once now, while the tasks just submitted run, then at every frame
    whenAllDone(futures, 0, () -> {
      long expected = OUTSIDE;
      for (int i = 0; i < TREES; i++) {
        expected += futures.get(i).join();
      }
      long submitted = expected;
      PoolStatistics beforeShutdown = pool.statistics();
      pool.shutdown();
      WebFutures.whenTerminated(pool, () -> {
        finished[0] = true;
        PoolStatistics after = pool.statistics();
        String detail = "expected " + submitted + " tasks run; " + snapshots[0] + " snapshots while running; "
            + "before shutdown: run " + beforeShutdown.tasksRun() + "; after termination: " + after + problems;
        r.check(problems.length() == 0 && after.tasksRun() == submitted && after.tasksQueued() == 0
            && beforeShutdown.tasksRun() <= submitted && snapshots[0] > 0, detail);
      });
    });
  }

  private static void whenAllDone(List<TaskFuture<Integer>> futures, int from, Runnable then) {
    if (from == futures.size()) {
      then.run();
      return;
    }
    WebFutures.whenDone(futures.get(from), () -> whenAllDone(futures, from + 1, then));
  }
}
