package org.webthreads.examples.pitch.pool;

import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskProgress;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.PitchTrack;

/**
 * A whole recording analysed on a pool by a thread that may block (a JVM thread; not the browser's
 * page, which drives the same {@link FileTasks} without blocking): the samples go into a shared
 * array, one {@link FileTasks#CHUNK} per {@code chunkWindows} windows is submitted, this thread joins
 * them (a chunk's failure arrives as its {@link org.webthreads.TaskFailedException}), and the records
 * become a {@link PitchTrack} (for the tracker, after its decoding on this thread).
 */
public final class PoolFileAnalysis {
  /** Windows per chunk task: about 3 ms of work at a window of 2048 on the JVM, few enough tasks to cost nothing. */
  public static final int DEFAULT_CHUNK_WINDOWS = 32;

  private PoolFileAnalysis() {
  }

  /** Analyses {@code samples} on {@code pool}; blocks until every window is done. */
  public static PitchTrack run(ThreadPool pool, float[] samples, PitchAlgorithm algorithm, PitchSettings settings,
      int hop, int chunkWindows) {
    if (chunkWindows <= 0) {
      throw new IllegalArgumentException("chunks of " + chunkWindows + " windows");
    }
    int frames = settings.frameCount(samples.length, hop);
    int stride = algorithm.recordFloats();
    float[] records = new float[frames * stride];
    if (frames > 0) {
      SharedFloatArray shared = pool.newSharedFloatArray(samples.length);
      SharedFloatArray sharedRecords = pool.newSharedFloatArray(frames * stride);
      SharedIntArray progress = pool.newSharedIntArray(FileTasks.PROGRESS_WORDS);
      TaskProgress windowsDone = pool.newTaskProgress(frames);
      try {
        shared.copyFrom(samples, 0, 0, samples.length);
        int chunks = (frames + chunkWindows - 1) / chunkWindows;
        progress.set(FileTasks.PROGRESS_CHUNKS_LEFT, chunks);
        java.util.List<TaskFuture<Integer>> futures = new java.util.ArrayList<>();
        for (int first = 0; first < frames; first += chunkWindows) {
          futures.add(pool.submit(FileTasks.CHUNK, progress, windowsDone, shared, settings.sampleRate(), settings.windowSize(),
              hop, algorithm.ordinal(), first, Math.min(chunkWindows, frames - first), sharedRecords));
        }
        // Every chunk is joined before the arrays are freed, even after a failure.
        RuntimeException failure = null;
        for (TaskFuture<Integer> future : futures) {
          try {
            future.join();
          } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
          }
        }
        if (failure != null) {
          throw failure;
        }
        sharedRecords.copyTo(0, records, 0, records.length);
      } finally {
        shared.free();
        sharedRecords.free();
        progress.free();
        windowsDone.free();
      }
    }
    return PitchTrack.fromRecords(algorithm, settings, hop, records, frames);
  }

  /**
   * Arena words a pool needs to analyse {@code samples} samples: the samples and records as shared
   * arrays, twice over (room to free and allocate again without waiting for a merge), plus room for
   * task arguments.
   */
  public static int arenaWordsFor(int samples, int frames, PitchAlgorithm algorithm) {
    long words = 2 * (block(samples) + block((long) frames * algorithm.recordFloats()) + 64) + (1 << 16);
    if (words > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException(samples + " samples are too many for one pool's arena");
    }
    return (int) words;
  }

  /**
   * The most words one shared array of {@code words} elements takes: a large block its elements, a
   * header word and the rounding to a 16-word cache line on both sides; a small one (at most 1,024
   * words, a power of two) never more than that.
   */
  private static long block(long words) {
    return Math.max(1024, (words + 1 + 2 * 15) / 16 * 16);
  }
}
