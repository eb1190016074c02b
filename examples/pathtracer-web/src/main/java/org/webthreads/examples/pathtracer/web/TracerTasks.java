package org.webthreads.examples.pathtracer.web;

import org.webthreads.examples.pathtracer.tiles.TileActivity;
import org.webthreads.examples.pathtracer.tiles.TileTask;
import org.webthreads.web.WebThreads;

/**
 * The page's task kinds, registered on every thread (main runs on the page and in every worker) before
 * {@link WebThreads#start}:
 * <ul>
 * <li>{@link TileTask}, the path tracer's pure task, the same as on the JVM (mode=shared);
 * <li>{@link SceneTask} ({@code tracer.scene}): the scene, once to every worker;
 * <li>{@link TilePixelsTask} ({@code tracer.tilePixels}): a tile by postMessage (mode=postmessage);
 * <li>{@link OwnFramesTask} ({@code tracer.ownFrames}): a worker's own frames (mode=independent).
 * </ul>
 */
final class TracerTasks {
  private TracerTasks() {
  }

  /** Registers the kinds above and tells tile tasks the worker ids for the activity figures. */
  static void register() {
    if (TileTask.KIND == null || SceneTask.KIND == null || TilePixelsTask.KIND == null
        || OwnFramesTask.KIND == null) {
      throw new IllegalStateException("tracer task kinds not registered");
    }
    TileActivity.identifyThreadsWith(WebThreads::threadId);
  }
}
