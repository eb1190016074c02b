package org.webthreads.examples.pathtracer.tiles;

import org.webthreads.Codec;
import org.webthreads.CodecOutput;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskInput;
import org.webthreads.TaskProgress;
import org.webthreads.codec.ValueTag;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.Tile;
import org.webthreads.examples.pathtracer.TileGrid;

/**
 * One tile of one pass of a progressive render, the argument of a {@link TileTask} (a typed kind):
 * {@link #CODEC} writes it as the positional values {@link #arguments} lists and {@link #read} reads
 * them, so submitters never count positions. Immutable; a runner makes one job for the whole render
 * and derives each tile's with {@link #forTile}:
 * <pre>{@code
 * TileJob render = TileJob.of(sceneId, sceneWords, new TileGrid(width, height, 32), sums);
 * pool.submit(TileTask.KIND, render.forTile(k, pass));
 * }</pre>
 *
 * <p>The arguments, in order; the optional ones are null when not used:
 * <pre>
 *  0 progress      SharedIntArray | null  the pass's {@link PassProgress}; null: the submitter joins futures
 *  1 tile index    int                    the tile in the grid, row by row
 *  2 pass          int                    0 to Accumulation.MAX_PASSES - 1 (the display shows pass + 1 samples)
 *  3 frame width   int                    the {@link TileGrid}: frame width,
 *  4 frame height  int                      frame height
 *  5 tile size     int                      and tile size
 *  6 scene id      int                    names the scene in each thread's {@link SceneCache}
 *  7 scene words   SharedIntArray | null  the encoded scene ({@link SceneCache#share}); null: installed
 *  8 sums          SharedIntArray         3 fixed-point sums per pixel, row by row ({@link Accumulation})
 *  9 display       SharedIntArray | null  1 packed RGBA colour per pixel ({@link Accumulation#packedRgba})
 * 10 activity      SharedIntArray | null  the {@link TileActivity} counters
 * 11 tiles done    TaskProgress | null    the pass's tiles done, for a progress display (one added per tile)
 * </pre>
 * Progress and tile index come first, so that a tile whose other arguments cannot be read still
 * reports to its pass.
 */
public final class TileJob {
  /** How many arguments {@link #arguments} writes. */
  public static final int ARGUMENTS = 12;

  /** The tile task's codec: {@link #arguments}, in order, and {@link #read}. */
  public static final Codec<TileJob> CODEC = Codec.of("TileJob", ARGUMENTS, TileJob::write, TileJob::read);

  private final int sceneId;
  private final SharedIntArray sceneWords;
  private final TileGrid grid;
  private final SharedIntArray sums;
  private final SharedIntArray display;
  private final TileActivity activity;
  private final PassProgress progress;
  private final TaskProgress tilesDone;
  private final int tileIndex;
  private final int pass;

  private TileJob(int sceneId, SharedIntArray sceneWords, TileGrid grid, SharedIntArray sums,
      SharedIntArray display, TileActivity activity, PassProgress progress, TaskProgress tilesDone,
      int tileIndex, int pass) {
    if (grid == null || sums == null) {
      throw new IllegalArgumentException("a tile job needs a tile grid and the frame's sums, was " + grid
          + " and " + sums);
    }
    long pixels = (long) grid.frameWidth() * grid.frameHeight();
    if (sums.length() != pixels * 3 || (display != null && display.length() != pixels)) {
      throw new IllegalArgumentException("the sums hold " + sums.length() + " ints"
          + (display == null ? "" : " and the display " + display.length()) + "; a frame of " + grid.frameWidth()
          + " x " + grid.frameHeight() + " needs " + pixels * 3 + (display == null ? "" : " and " + pixels)
          + ": allocate 3 sums and 1 display colour per pixel");
    }
    if (tileIndex < 0 || tileIndex >= grid.count()) {
      throw new IllegalArgumentException("tile " + tileIndex + " is not in the grid (" + grid + ": tiles 0 to "
          + (grid.count() - 1) + ")");
    }
    if (pass < 0 || pass >= Accumulation.MAX_PASSES) {
      throw new IllegalArgumentException("pass " + pass + " is out of range: 0 to "
          + (Accumulation.MAX_PASSES - 1) + " (more passes would overflow the sums)");
    }
    if (progress != null && progress.capacity() < grid.count()) {
      throw new IllegalArgumentException("the pass's progress follows " + progress.capacity() + " tiles, the grid "
          + "has " + grid.count() + ": allocate PassProgress.wordsFor(grid.count()) words");
    }
    this.sceneId = sceneId;
    this.sceneWords = sceneWords;
    this.grid = grid;
    this.sums = sums;
    this.display = display;
    this.activity = activity;
    this.progress = progress;
    this.tilesDone = tilesDone;
    this.tileIndex = tileIndex;
    this.pass = pass;
  }

  /**
   * The job of tile 0 in pass 0 of a render of scene {@code sceneId} ({@code sceneWords} its shared
   * encoding, or null when every thread has it installed in its {@link SceneCache}) into {@code sums}.
   */
  public static TileJob of(int sceneId, SharedIntArray sceneWords, TileGrid grid, SharedIntArray sums) {
    return new TileJob(sceneId, sceneWords, grid, sums, null, null, null, null, 0, 0);
  }

  /** This job, also writing each pixel's display colour into {@code display}. */
  public TileJob withDisplay(SharedIntArray display) {
    return new TileJob(sceneId, sceneWords, grid, sums, display, activity, progress, tilesDone, tileIndex, pass);
  }

  /** This job, also counted in {@code activity}. */
  public TileJob withActivity(TileActivity activity) {
    return new TileJob(sceneId, sceneWords, grid, sums, display, activity, progress, tilesDone, tileIndex, pass);
  }

  /** This job, also reporting its end to the pass's {@code progress}. */
  public TileJob withProgress(PassProgress progress) {
    return new TileJob(sceneId, sceneWords, grid, sums, display, activity, progress, tilesDone, tileIndex, pass);
  }

  /** This job, also adding one to {@code tilesDone} when its tile ends (a pass's progress display). */
  public TileJob withTilesDone(TaskProgress tilesDone) {
    return new TileJob(sceneId, sceneWords, grid, sums, display, activity, progress, tilesDone, tileIndex, pass);
  }

  /** The same render's job for tile {@code tileIndex} of pass {@code pass}. */
  public TileJob forTile(int tileIndex, int pass) {
    return new TileJob(sceneId, sceneWords, grid, sums, display, activity, progress, tilesDone, tileIndex, pass);
  }

  /** The task's arguments, in the order the class comment lists. */
  public Object[] arguments() {
    return new Object[] {
        progress == null ? null : progress.words(), tileIndex, pass,
        grid.frameWidth(), grid.frameHeight(), grid.tileSize(),
        sceneId, sceneWords, sums, display, activity == null ? null : activity.words(), tilesDone};
  }

  private static void write(TileJob job, CodecOutput out) {
    for (Object value : job.arguments()) {
      if (value == null) {
        out.writeNull();
      } else if (value instanceof Integer) {
        out.writeInt((Integer) value);
      } else if (value instanceof TaskProgress) {
        out.writeTaskProgress((TaskProgress) value);
      } else {
        out.writeSharedIntArray((SharedIntArray) value);
      }
    }
  }

  /**
   * Reads the arguments {@link #arguments} wrote. If the progress and tile index were read but the
   * rest cannot be (arguments not made by this class), the tile is reported as failed before the
   * error is thrown, so the pass still ends.
   */
  public static TileJob read(TaskInput args) {
    SharedIntArray progressWords = sharedOrNull(args, 0, "progress");
    int tileIndex = args.readInt();
    try {
      int pass = args.readInt();
      TileGrid grid = new TileGrid(args.readInt(), args.readInt(), args.readInt());
      int sceneId = args.readInt();
      SharedIntArray sceneWords = sharedOrNull(args, 7, "scene words");
      SharedIntArray sums = args.readSharedIntArray();
      SharedIntArray display = sharedOrNull(args, 9, "display");
      SharedIntArray activity = sharedOrNull(args, 10, "activity");
      TaskProgress tilesDone = args.peekTag() == ValueTag.NULL ? nullValue(args) : args.readTaskProgress();
      if (args.hasNext()) {
        // Checked here, not only by the typed kind after this read, so that the tile reports to its pass.
        throw new IllegalArgumentException("a " + TileTask.NAME + " task takes " + ARGUMENTS
            + " arguments and was passed more: submit a TileJob to TileTask.KIND");
      }
      return new TileJob(sceneId, sceneWords, grid, sums, display,
          activity == null ? null : new TileActivity(activity),
          progressWords == null ? null : new PassProgress(progressWords), tilesDone, tileIndex, pass);
    } catch (RuntimeException e) {
      if (progressWords != null) {
        new PassProgress(progressWords).tileFinished(tileIndex, true);
      }
      throw e;
    }
  }

  private static TaskProgress nullValue(TaskInput args) {
    args.readValue();
    return null;
  }

  private static SharedIntArray sharedOrNull(TaskInput args, int position, String what) {
    Object value = args.readValue();
    if (value != null && !(value instanceof SharedIntArray)) {
      throw new IllegalArgumentException("a " + TileTask.NAME + " task's argument " + position + " (" + what
          + ") must be a SharedIntArray or null, was a " + value.getClass().getName()
          + ": build the arguments with TileJob.arguments()");
    }
    return (SharedIntArray) value;
  }

  public int sceneId() {
    return sceneId;
  }

  /** The scene's shared encoding, or null when every thread has the scene installed. */
  public SharedIntArray sceneWords() {
    return sceneWords;
  }

  public TileGrid grid() {
    return grid;
  }

  /** The pass's tiles-done progress, or null. */
  public TaskProgress tilesDone() {
    return tilesDone;
  }

  public int tileIndex() {
    return tileIndex;
  }

  public Tile tile() {
    return grid.tile(tileIndex);
  }

  public int pass() {
    return pass;
  }

  public SharedIntArray sums() {
    return sums;
  }

  /** The display colours, or null. */
  public SharedIntArray display() {
    return display;
  }

  /** The activity counters, or null. */
  public TileActivity activity() {
    return activity;
  }

  /** The pass's progress, or null. */
  public PassProgress progress() {
    return progress;
  }

  @Override
  public String toString() {
    Tile t = tile();
    return "tile " + tileIndex + " (" + t.x0() + ", " + t.y0() + ", " + t.width() + " x " + t.height()
        + ") of pass " + pass + " of scene " + sceneId;
  }
}
