package org.webthreads;


import org.webthreads.codec.ValueCodec;
import org.webthreads.memory.SharedWords;
import org.webthreads.scheduler.GroupState;

/**
 * The built-in task kinds behind {@link TaskGroup} and the parallel loops: each wraps a user kind
 * and carries its id and arguments, so the scheduler runs them as any other task.
 *
 * <ul>
 *   <li>{@link #TASK} ({@code group id and kind id as one long, the kind's arguments}): a task of a
 *       group. Before the body it checks the group's cancelled flag (skipped if set); a body that
 *       throws records the group's first failure and cancels the rest; either way it counts itself and
 *       leaves the group.
 *   <li>{@link #RANGE} ({@code group id, lo, hi, grain, kind id, extra arguments}): a sub-range of
 *       {@link TaskGroup#forRange}, with the same checks; it submits its upper half into the group while
 *       longer than the grain, then runs the kind on what is left, as a plain call.
 *   <li>{@link #REDUCE} ({@code lo, hi, grain, kind id, combiner id, extra arguments}): a sub-range of
 *       {@link ThreadPool#mapReduce}: forks its upper half (a future), reduces the lower half itself,
 *       joins and combines, left first.
 * </ul>
 */
final class GroupTasks {
  static final TaskKind<Void> TASK = TaskKind.register("webthreads.groupTask", GroupTasks::runTask);
  static final TaskKind<Void> RANGE = TaskKind.register("webthreads.groupRange", GroupTasks::runRange);
  static final TaskKind<Object> REDUCE = TaskKind.register("webthreads.mapReduce", GroupTasks::runReduce);

  private GroupTasks() {
  }

  /** Registers the kinds above on this thread (Pool's constructor calls it, on every thread). */
  static void registerOnThisThread() {
    if (TASK == null || RANGE == null || REDUCE == null) {
      throw new IllegalStateException("the task group kinds are not registered");
    }
  }

  /** Checks a loop's range and grain; bad input gets a message naming the fix. */
  static void checkRange(long from, long to, long grain, TaskKind<?> kind, String what) {
    if (kind == null) {
      throw new IllegalArgumentException(what + " needs a task kind, was null");
    }
    if (grain < 1) {
      throw new IllegalArgumentException(what + ": grain " + grain + " must be at least 1 (the most indices "
          + "one task runs; pass 1 to split down to single indices)");
    }
    if (from > to) {
      throw new IllegalArgumentException(what + ": from " + from + " is after to " + to + "; the range is "
          + "[from, to), empty when from == to");
    }
    if (to - from < 0) {
      throw new IllegalArgumentException(what + ": the range [" + from + ", " + to + ") holds more than "
          + "Long.MAX_VALUE indices; split it in two");
    }
  }

  static Object[] rangeArgs(int groupId, long lo, long hi, long grain, int kindId, Object[] extra) {
    int extraCount = extra == null ? 0 : extra.length;
    Object[] all = new Object[5 + extraCount];
    all[0] = groupId;
    all[1] = lo;
    all[2] = hi;
    all[3] = grain;
    all[4] = kindId;
    if (extraCount > 0) {
      System.arraycopy(extra, 0, all, 5, extraCount);
    }
    return all;
  }

  /**
   * The group id and the kind id as one {@code long} argument (3 words where two ints take 4), so that
   * a group task with a few small arguments still fits in its slot's inline words.
   */
  static long groupAndKind(int groupId, int kindId) {
    return (long) groupId << 32 | (kindId & 0xFFFFFFFFL);
  }

  /**
   * A queued task that shutdownNow() dropped without running it ({@link Outcomes#cancel}): if it is a
   * group task or range, its group cancels the rest, counts it skipped and lets it leave, so that the
   * group still ends (its join then throws CancellationException) rather than waiting for ever.
   */
  static void dropped(SharedWords words, int kindId, TaskInput args) {
    int groupId;
    if (kindId == TASK.id()) {
      groupId = (int) (args.readLong() >>> 32);
    } else if (kindId == RANGE.id()) {
      groupId = args.readInt();
    } else {
      return;
    }
    GroupState state = new GroupState(words, groupId);
    state.cancel();
    state.count(GroupState.SKIPPED);
    state.exit();
  }

  private static Void runTask(TaskInput args, ThreadPool pool) {
    long groupAndKind = args.readLong();
    GroupState state = new GroupState(pool.internals().shared.words, (int) (groupAndKind >>> 32));
    int kindId = (int) groupAndKind;
    runInGroup(state, () -> kindOf(kindId).body().run(args, pool));
    return null;
  }

  private static Void runRange(TaskInput args, ThreadPool pool) {
    int groupId = args.readInt();
    GroupState state = new GroupState(pool.internals().shared.words, groupId);
    long lo = args.readLong();
    long hi = args.readLong();
    long grain = args.readLong();
    int kindId = args.readInt();
    runInGroup(state, () -> {
      TaskKind<?> kind = kindOf(kindId);
      Object[] extra = rest(args);
      TaskGroup group = null;
      long upTo = hi;
      while (upTo - lo > grain) {
        long mid = lo + (upTo - lo) / 2;
        if (group == null) {
          group = TaskGroup.attach(pool, groupId);
        }
        // The upper half goes to this thread's ring, where idle threads steal it (oldest, largest first).
        group.dispatch(RANGE, rangeArgs(groupId, mid, upTo, grain, kindId, extra));
        upTo = mid;
      }
      runOnRange(pool, kind, lo, upTo, extra);
    });
    return null;
  }

  /** The work of one group task or range, run by {@link #runInGroup}. */
  private interface GroupWork {
    void run() throws Exception;
  }

  /**
   * Runs {@code work} as one of the group's tasks: skipped (counted, never run) once the group is
   * cancelled; else with the group on this thread's stack of running groups (a join of it here is an
   * error), its failure recorded; either way the task then leaves the group.
   */
  private static void runInGroup(GroupState state, GroupWork work) {
    if (state.isCancelled()) {
      state.count(GroupState.SKIPPED);
      state.exit();
      return;
    }
    RunningGroups running = RunningGroups.ofThisThread();
    running.push(state);
    Throwable failure = null;
    try {
      work.run();
    } catch (Throwable thrown) {
      failure = thrown;
    }
    // Off the stack of running groups before leaving the group: if an error Java cannot catch unwinds
    // the stack inside work.run(), the entry is still there and RunningGroups.abandonAll ends the task
    // (failed); one struck after this point cannot make the task leave its group twice.
    running.pop();
    end(state, failure);
  }

  private static Object runReduce(TaskInput args, ThreadPool pool) throws Exception {
    long lo = args.readLong();
    long hi = args.readLong();
    long grain = args.readLong();
    int kindId = args.readInt();
    int combinerId = args.readInt();
    Object[] extra = rest(args);
    return reduce(pool, lo, hi, grain, kindOf(kindId), Combiner.lookup(combinerId), extra);
  }

  private static Object reduce(ThreadPool pool, long lo, long hi, long grain, TaskKind<?> kind,
      Combiner<?> combiner, Object[] extra) throws Exception {
    if (hi - lo <= grain) {
      return runOnRange(pool, kind, lo, hi, extra);
    }
    long mid = lo + (hi - lo) / 2;
    Object[] upper = new Object[5 + extra.length];
    upper[0] = mid;
    upper[1] = hi;
    upper[2] = grain;
    upper[3] = kind.id();
    upper[4] = combiner.id();
    System.arraycopy(extra, 0, upper, 5, extra.length);
    TaskFuture<Object> right = pool.submit(REDUCE, upper);
    Object left = reduce(pool, lo, mid, grain, kind, combiner, extra);
    return combiner.combine(left, right.join());
  }

  /**
   * Records how a task of the group ended (completed when {@code thrown} is null, else failed with it),
   * then leaves the group (the last one wakes its waiters).
   */
  static void end(GroupState state, Throwable thrown) {
    if (thrown == null) {
      state.count(GroupState.COMPLETED);
    } else {
      TaskFailure failure = TaskFailure.of(thrown);
      state.recordFailure(failure.className, failure.message);
      // Cancelled before the failure is counted: whoever sees the count sees the flag.
      state.cancel();
      state.count(GroupState.FAILED);
    }
    state.exit();
  }

  /**
   * Runs {@code kind}'s body on {@code [lo, hi)} right here, as a plain call: its arguments ({@code lo,
   * hi, extra...}) are encoded into words private to this call, so the body reads them as a task's.
   */
  private static Object runOnRange(ThreadPool pool, TaskKind<?> kind, long lo, long hi, Object[] extra)
      throws Exception {
    Object[] values = new Object[2 + extra.length];
    values[0] = lo;
    values[1] = hi;
    System.arraycopy(extra, 0, values, 2, extra.length);
    long size = 0;
    for (Object value : values) {
      size += ValueCodec.sizeOf(value);
    }
    PrivateWords words = new PrivateWords();
    int start = words.push((int) size);
    int end = ValueCodec.writeAll(values, words, start);
    return kind.body().run(new TaskInput(pool.internals(), words, start, end, kind.name(), "' argument"), pool);
  }

  /** The arguments not read yet, as values (shared arrays as views of the same memory). */
  private static Object[] rest(TaskInput args) {
    java.util.ArrayList<Object> values = new java.util.ArrayList<>();
    while (args.hasNext()) {
      values.add(args.readValue());
    }
    return values.toArray();
  }

  private static TaskKind<?> kindOf(int id) {
    TaskKind<?> kind = TaskRegistry.lookup(id);
    if (kind == null) {
      throw new UnknownTaskKindException(id, -1);
    }
    return kind;
  }
}
