package org.webthreads.examples.pitch.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webthreads.PoolConfig;
import org.webthreads.SharedFloatArray;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskFailedException;
import org.webthreads.TaskProgress;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.PitchTrack;
import org.webthreads.examples.pitch.TestSignals;
import org.webthreads.jvm.JvmThreads;

/**
 * Whole files on a pool: every algorithm on 1 and 3 JVM threads gives exactly the track of one thread
 * analysing window after window (same code, same arithmetic), chunk boundaries included; the decode
 * task gives the tracker's rows; bad chunk arguments fail the chunk and are reported in the progress
 * array.
 */
class PoolFileAnalysisTest {
  static final int RATE = 22050;
  static final float[] MELODY = TestSignals.noteSequence(RATE, new int[] {57, 61, -1, 64, 69},
      new double[] {0.3, 0.3, 0.2, 0.3, 0.3}, 0.5, 440);

  @Test
  void everyAlgorithmOnAPoolEqualsOneThreadWindowAfterWindow() {
    PitchSettings settings = PitchSettings.of(RATE, 1024);
    int hop = 300;
    for (int workers : new int[] {1, 3}) {
      try (JvmThreads threads = JvmThreads.start(workers)) {
        ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withArenaWords(1 << 20),
            threads.workerIds());
        for (PitchAlgorithm algorithm : PitchAlgorithm.values()) {
          PitchTrack expected = PitchTrack.analyse(MELODY, algorithm, settings, hop);
          // chunks of 7 windows: the last chunk is short
          PitchTrack actual = PoolFileAnalysis.run(pool, MELODY, algorithm, settings, hop, 7);
          assertEquals(expected.frames(), actual.frames());
          assertTrue(expected.frames() > 100);
          assertArrayEquals(expected.rows(), actual.rows(), algorithm + " on " + workers + " threads");
        }
        assertEquals(0, pool.arenaWordsInUse(), "shared arrays or arguments left allocated");
        pool.shutdown();
      }
    }
  }

  @Test
  void theDecodeTaskWritesTheTrackersRows() {
    PitchSettings settings = PitchSettings.of(RATE, 1024);
    int hop = 256;
    PitchTrack expected = PitchTrack.analyse(MELODY, PitchAlgorithm.TRACK, settings, hop);
    try (JvmThreads threads = JvmThreads.start(2)) {
      ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withArenaWords(1 << 20), threads.workerIds());
      int frames = settings.frameCount(MELODY.length, hop);
      SharedFloatArray samples = pool.newSharedFloatArray(MELODY.length);
      samples.copyFrom(MELODY, 0, 0, MELODY.length);
      SharedFloatArray records = pool.newSharedFloatArray(frames * PitchAlgorithm.TRACK.recordFloats());
      SharedIntArray progress = pool.newSharedIntArray(FileTasks.PROGRESS_WORDS);
      progress.set(FileTasks.PROGRESS_CHUNKS_LEFT, 1);
      TaskProgress windowsDone = pool.newTaskProgress(frames);
      assertEquals(frames, pool.submit(FileTasks.CHUNK, progress, windowsDone, samples, RATE, 1024, hop,
          PitchAlgorithm.TRACK.ordinal(), 0, frames, records).join());
      assertEquals(frames, windowsDone.done());
      assertTrue(windowsDone.isComplete());
      assertEquals(0, progress.get(FileTasks.PROGRESS_CHUNKS_LEFT));
      SharedFloatArray rows = pool.newSharedFloatArray(frames * PitchTrack.ROW_FLOATS);
      assertEquals(frames, pool.submit(FileTasks.DECODE, records, frames, RATE, 1024, rows).join());
      assertArrayEquals(expected.rows(), rows.toArray());
      pool.shutdown();
    }
  }

  @Test
  void aChunkPastTheEndFailsAndIsRecorded() {
    try (JvmThreads threads = JvmThreads.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults().withArenaWords(1 << 20), threads.workerIds());
      SharedFloatArray samples = pool.newSharedFloatArray(5000);
      SharedFloatArray records = pool.newSharedFloatArray(1000);
      SharedIntArray progress = pool.newSharedIntArray(FileTasks.PROGRESS_WORDS);
      progress.set(FileTasks.PROGRESS_CHUNKS_LEFT, 1);
      TaskProgress windowsDone = pool.newTaskProgress(4);
      TaskFailedException failed = assertThrows(TaskFailedException.class, () -> pool.submit(FileTasks.CHUNK,
          progress, windowsDone, samples, RATE, 1024, 512, PitchAlgorithm.MCLEOD.ordinal(), 5, 4, records).join());
      assertTrue(failed.getMessage().contains("windows 5 .. 8 need samples up to 5120, the recording has 5000"),
          failed.getMessage());
      assertEquals(6, progress.get(FileTasks.PROGRESS_FIRST_FAILED));
      assertEquals(0, progress.get(FileTasks.PROGRESS_CHUNKS_LEFT));
      assertEquals(0, windowsDone.done());
      pool.shutdown();
    }
  }
}
