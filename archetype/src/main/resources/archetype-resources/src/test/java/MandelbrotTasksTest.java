package ${package};

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webthreads.SharedIntArray;
import org.webthreads.TaskGroup;
import org.webthreads.ThreadPool;
import org.webthreads.jvm.JvmThreads;

/**
 * The page's task code on the JVM: {@link MandelbrotTasks} on {@link JvmThreads}, the same bands in a
 * task group as in the browser, checked against {@link Mandelbrot#drawSequentially}.
 */
class MandelbrotTasksTest {
  private static final MandelbrotView VIEW = MandelbrotView.DEFAULT;

  /** Draws the view in bands of {@code rowsPerBand} rows on {@code threads} and returns the pixels. */
  private static int[] drawInParallel(JvmThreads threads, int rowsPerBand) {
    ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
    try {
      SharedIntArray image = pool.newSharedIntArray(VIEW.pixels());
      try (TaskGroup group = pool.newGroup()) {
        MandelbrotTasks.drawInBands(group, VIEW, image, rowsPerBand);
        group.join();
      }
      int[] pixels = image.toArray();
      image.free();
      return pixels;
    } finally {
      pool.shutdown();
    }
  }

  @ParameterizedTest(name = "bands of {0} rows")
  @ValueSource(ints = {1, 8, 7, 1000})
  void bandsOnFourThreadsDrawTheSequentialPicture(int rowsPerBand) {
    try (JvmThreads threads = JvmThreads.start(4)) {
      assertArrayEquals(Mandelbrot.drawSequentially(VIEW), drawInParallel(threads, rowsPerBand));
    }
  }

  /** As the browser's workers do: every argument and result goes through shared memory, no Java object is shared. */
  @Test
  void bandsOnThreadsWithSeparateHeapsDrawTheSequentialPicture() {
    try (JvmThreads threads = JvmThreads.startEmulatingSeparateHeaps(3)) {
      assertArrayEquals(Mandelbrot.drawSequentially(VIEW), drawInParallel(threads, 8));
    }
  }

  @Test
  void thePictureShowsTheSet() {
    int[] pixels = Mandelbrot.drawSequentially(VIEW);
    int w = VIEW.width();
    int h = VIEW.height();
    // the centre, -0.6 + 0i, lies in the main cardioid; the corners are far outside
    assertEquals(Mandelbrot.INTERIOR, pixels[h / 2 * w + w / 2]);
    assertNotEquals(Mandelbrot.INTERIOR, pixels[0]);
    assertNotEquals(Mandelbrot.INTERIOR, pixels[pixels.length - 1]);
    // the set's area is about 1.506 of the view's 6.83: about a fifth of the pixels are inside
    double inside = (double) Mandelbrot.interiorPixels(pixels) / pixels.length;
    assertTrue(inside > 0.18 && inside < 0.28, "share of pixels inside the set: " + inside);
    // the set is symmetric about the real axis: row y mirrors row h - y
    for (int y = 1; y < h; y++) {
      for (int x = 0; x < w; x++) {
        assertEquals(pixels[y * w + x], pixels[(h - y) * w + x], "pixel " + x + ", " + y + " and its mirror");
      }
    }
  }

  @Test
  void aBandOutsideThePictureIsRefused() {
    try (JvmThreads threads = JvmThreads.start(1)) {
      ThreadPool pool = ThreadPool.create(threads, threads.workerIds());
      SharedIntArray image = pool.newSharedIntArray(VIEW.pixels());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Mandelbrot.drawRows(VIEW, image, 300, 400));
      assertTrue(e.getMessage().contains("rows 300..400"), e.getMessage());
      image.free();
      pool.shutdown();
    }
  }
}
