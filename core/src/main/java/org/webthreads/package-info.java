/**
 * webthreads: pools of worker threads that run pure Java tasks through shared memory, the same code on
 * the JVM and in the browser's Web Workers.
 *
 * <p><b>The API</b> (public): {@link org.webthreads.ThreadPool} (create, submit, execute, shutdown,
 * shared arrays), {@link org.webthreads.TaskKind} and {@link org.webthreads.TaskBody} (what a task is),
 * {@link org.webthreads.TaskInput} (its arguments), {@link org.webthreads.TaskFuture} (its outcome),
 * typed kinds {@link org.webthreads.TaskKind0} .. {@link org.webthreads.TaskKind4} (over
 * {@link org.webthreads.TypedTaskKind}) with {@link org.webthreads.Codec}, {@link org.webthreads.Codecs},
 * {@link org.webthreads.CodecOutput} and {@link org.webthreads.TaskContext} (docs/api.md, "Typed tasks"),
 * the shared arrays ({@link org.webthreads.SharedArray}: {@link org.webthreads.SharedIntArray},
 * {@link org.webthreads.SharedLongArray}, {@link org.webthreads.SharedFloatArray},
 * {@link org.webthreads.SharedDoubleArray}, {@link org.webthreads.SharedByteArray}),
 * {@link org.webthreads.TaskProgress} (how far work has come), {@link org.webthreads.PoolStatistics}
 * and {@link org.webthreads.WorkerStatistics} (what the threads did), {@link org.webthreads.PoolConfig},
 * {@link org.webthreads.TaskGroup} and {@link org.webthreads.Combiner} (task groups, forRange and
 * mapReduce) and the exceptions (a failure's remote stack arrives as
 * {@link org.webthreads.RemoteStackTrace}; a timed join gives up with
 * {@link org.webthreads.TaskTimeoutException}). The
 * platform's side: {@link org.webthreads.Platform} (what a pool needs from the JVM or the browser) and
 * {@link org.webthreads.PoolControl} (how a platform runs a pool's threads), with
 * {@link org.webthreads.LoopExit} and {@link org.webthreads.AsyncWait}.
 *
 * <p><b>The parts</b> (package-private), wired by {@code Pool}: {@code PoolShared} (the shared
 * structures), {@code Submission}, {@code SlotAllocator}, {@code SlotIO}, {@code Outcomes},
 * {@code CompletionListeners} (what adapters hang on a future, {@code PoolControl.onCompletion}),
 * {@code TaskFailure} and {@code StackTraceText} (a failure as it travels), {@code Cancellation} and
 * {@code FutureStates} (cancel() against completion), {@code Joins}, {@code Shutdown},
 * {@code LostWorkerRepair}, {@code OutsideSubmitters}, {@code PoolThreads}, {@code SharedArrayBlocks}
 * (shared arrays' memory); a pool thread's side: {@code WorkerLoop} (find, steal, park), {@code TaskRunner}
 * (every way a task runs, one outcome capture), {@code ForkPublisher} and {@code PrivateForks} (private
 * forks), {@code StackRecords} (what is on the stack, for recovery), {@code SubmitterState},
 * {@code StatisticsWords} (its counters as published for other heaps); task groups' {@code GroupTasks}
 * (the built-in kinds that wrap a group's tasks and split loops) and {@code GroupWaits} (joining a
 * group, helping on pool threads).
 * docs/scheduler.md explains the protocols.
 *
 * <p><b>Conventions.</b> Shared memory is only reached through {@code SharedWords},
 * whose method names say the ordering: {@code load}, {@code store}, {@code compareAndSet} and
 * {@code getAndAdd} are sequentially consistent; {@code storeRelease} is a release store, used only
 * for words a later operation of the same thread publishes. Every such operation in the scheduler
 * carries a comment naming what it pairs with. Java fields are plain unless declared {@code volatile}
 * (each volatile field says why). Objects whose fields a pool thread writes on every task keep those
 * fields between cache-line padding ({@code CacheLinePadding}).
 */
package org.webthreads;
