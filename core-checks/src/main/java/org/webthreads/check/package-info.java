/**
 * Checks the build runs on core, not a library: {@link org.webthreads.check.CoreSmokeCheck} (the whole
 * core on one thread, compiled to WebAssembly GC by TeaVM in this module's build) and
 * {@link org.webthreads.check.DispatchCostCount} (shared-word operations per task on each dispatch path,
 * exact, on one thread; {@code CoreSmokeCheckTest} holds them to their budget).
 */
package org.webthreads.check;
