package org.webthreads.examples.pitch.web;

import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFuture;
import org.webthreads.TaskProgress;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.TestSignals;
import org.webthreads.examples.pitch.pool.FileTasks;
import org.webthreads.web.WebFutures;

/**
 * Runs every analysis once on the workers before the page says it is ready: a worker's WebAssembly is
 * first run by the browser's baseline compiler and optimized once hot, in the background. Measured
 * before this existed: the first file analysed on 2 workers took longer than the same windows again on
 * one worker (0.56x), the optimizing compiles competing with the analysis for the cores. A second of
 * a generated tone, in chunks of 4 windows (so every worker gets some), for each algorithm, then one
 * decoding; about 0.1 s.
 */
final class WarmUp {
  private WarmUp() {
  }

  static void run(ThreadPool pool, Runnable done) {
    int rate = 48000;
    float[] tone = TestSignals.harmonicTone(rate, 220, 1.0, 0.5);
    SharedFloatArray samples = pool.newSharedFloatArray(tone.length);
    samples.copyFrom(tone, 0, 0, tone.length);
    int window = 2048;
    int hop = 512;
    int frames = PitchSettings.of(rate, window).frameCount(tone.length, hop);
    next(pool, samples, rate, window, hop, frames, 0, done);
  }

  private static void next(ThreadPool pool, SharedFloatArray samples, int rate, int window, int hop, int frames,
      int algorithm, Runnable done) {
    PitchAlgorithm[] all = PitchAlgorithm.values();
    if (algorithm == all.length) {
      samples.free();
      done.run();
      return;
    }
    PitchAlgorithm a = all[algorithm];
    SharedFloatArray records = pool.newSharedFloatArray(frames * a.recordFloats());
    SharedIntArray progress = pool.newSharedIntArray(FileTasks.PROGRESS_WORDS);
    TaskProgress windowsDone = pool.newTaskProgress(frames);
    int chunk = 4;
    progress.set(FileTasks.PROGRESS_CHUNKS_LEFT, (frames + chunk - 1) / chunk);
    for (int first = 0; first < frames; first += chunk) {
      pool.execute(FileTasks.CHUNK, progress, windowsDone, samples, rate, window, hop, a.ordinal(), first,
          Math.min(chunk, frames - first), records);
    }
    WebFutures.whenValue(progress, FileTasks.PROGRESS_CHUNKS_LEFT, 0, () -> {
      progress.free();
      windowsDone.free();
      if (a.perWindow()) {
        records.free();
        next(pool, samples, rate, window, hop, frames, algorithm + 1, done);
        return;
      }
      SharedFloatArray rows = pool.newSharedFloatArray(frames * 3);
      TaskFuture<Integer> decode = pool.submit(FileTasks.DECODE, records, frames, rate, window, rows);
      WebFutures.whenDone(decode, () -> {
        records.free();
        rows.free();
        next(pool, samples, rate, window, hop, frames, algorithm + 1, done);
      });
    });
  }
}
