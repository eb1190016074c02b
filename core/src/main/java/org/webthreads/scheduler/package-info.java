/**
 * The scheduler's structures in shared words, each one concept and each model-checked with Lincheck on
 * the JVM: {@link org.webthreads.scheduler.LocalRing} (a thread's ring: owner push/pop, steal half),
 * {@link org.webthreads.scheduler.SharedQueue} with {@link org.webthreads.scheduler.LockFreeSharedQueue}
 * and {@link org.webthreads.scheduler.LockedSharedQueue}, {@link org.webthreads.scheduler.Parking} (sleep
 * and wake without lost wake-ups), {@link org.webthreads.scheduler.RunState} (shutdown against outside
 * submits), {@link org.webthreads.scheduler.SlotFreeList} and {@link org.webthreads.scheduler.SlotMagazine}
 * (task slots, shared and per thread), {@link org.webthreads.scheduler.SlotCompletion} (completing and
 * waiting on a slot), {@link org.webthreads.scheduler.GroupState} (a task group's counts and first
 * failure), {@link org.webthreads.scheduler.TaskSlots} and
 * {@link org.webthreads.scheduler.PoolLayout} (where everything is).
 *
 * <p>Depends only on {@code memory}. Each class comment states its algorithm; each atomic operation's
 * comment names what it pairs with. Instances are views: a thread builds its own over the same words.
 *
 * <p><b>Internal:</b> used only by webthreads itself (core, jvm, web) and left out of the published
 * API reference; it may change without notice. Users program against {@code org.webthreads}.
 */
package org.webthreads.scheduler;
