/**
 * The path tracer's browser page (tracer.html), one program compiled to WasmGC that runs on the page
 * and in every worker.
 *
 * <ul>
 * <li>Start: {@link org.webthreads.examples.pathtracer.web.TracerPage} (entry point),
 *     {@link org.webthreads.examples.pathtracer.web.PageSettings} (the query options, with
 *     {@code RenderMode} and {@code DrawMode}).
 * <li>Render modes, one file each: {@code SharedMemoryRender} (pure tile tasks over shared memory, the
 *     default), {@code PostMessageRender} (tiles as JS tasks, for comparison), {@code IndependentRender}
 *     (every worker alone, the benchmark's reference); the first two share {@code PassByPassRender}.
 * <li>Drawing: {@code DrawSchedule} (when), {@code DirtyBox} (which part), {@code TracerUi} (the page's
 *     JavaScript: canvas, figures, status).
 * <li>Output: {@code PageResult} ({@code self.tracerResult}, read by the browser test and the
 *     benchmark), {@code PageFailure} (the first error).
 * <li>Tasks: {@code TracerTasks} registers them; the JS tasks {@code SceneTask}, {@code TilePixelsTask},
 *     {@code OwnFramesTask} (with {@code PrivateFrameSink} and {@code JsPayload}); the pure tile task is
 *     the JVM runner's too ({@link org.webthreads.examples.pathtracer.tiles.TileTask}).
 * </ul>
 */
package org.webthreads.examples.pathtracer.web;
