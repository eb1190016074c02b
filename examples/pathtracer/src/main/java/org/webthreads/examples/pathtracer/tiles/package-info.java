/**
 * The path tracer's tile task on the webthreads scheduler, shared by the JVM runner and the browser
 * page. It depends on the platform-neutral core only; the renderer it drives (the parent package)
 * depends on nothing of webthreads.
 *
 * <ul>
 * <li>{@link org.webthreads.examples.pathtracer.tiles.TileTask}: the task kind;
 * <li>{@link org.webthreads.examples.pathtracer.tiles.TileJob}: its arguments, written and read in one
 *     documented order;
 * <li>{@link org.webthreads.examples.pathtracer.tiles.SceneCache}: the scene each thread renders;
 * <li>{@link org.webthreads.examples.pathtracer.tiles.PassProgress} and
 *     {@link org.webthreads.examples.pathtracer.tiles.TileActivity}: what tiles report in shared
 *     memory (the end of a pass, per-thread work);
 * <li>the sinks that add samples to shared sums (and display colours).
 * </ul>
 */
package org.webthreads.examples.pathtracer.tiles;
