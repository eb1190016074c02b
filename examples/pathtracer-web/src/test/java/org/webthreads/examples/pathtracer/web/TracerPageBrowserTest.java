package org.webthreads.examples.pathtracer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webthreads.examples.pathtracer.Accumulation;
import org.webthreads.examples.pathtracer.AccumulationBuffer;
import org.webthreads.examples.pathtracer.DefaultScene;
import org.webthreads.examples.pathtracer.TileRenderer;
import org.webthreads.testkit.WebPage;
import org.webthreads.testkit.WebPageTest;

/**
 * tracer.html (TracerPage compiled to WasmGC) in headless Chromium on 2 workers: the golden frame
 * comes out bit for bit, and the normal page renders a whole frame, equal to the JVM's, without console
 * errors.
 */
@WebPageTest
class TracerPageBrowserTest {
  /** The golden render's checksums (examples/pathtracer's Golden): DefaultScene.build(42, 64, 48), 4 passes. */
  private static final String GOLDEN_SUMS = "7a25ba5f8fdbfda1";
  private static final String GOLDEN_RGBA = "76ede547a265075f";

  /** Opens {@code path}, waits for the page to finish, prints its console, returns its result (checked error-free). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(WebPage page, String path) {
    try {
      page.open(path).awaitDone(Duration.ofMinutes(5));
    } finally {
      page.console().forEach(line -> System.out.println("console: " + line));
    }
    Map<String, Object> result = (Map<String, Object>) page.eval("return self.tracerResult;");
    System.out.println(path + " -> " + result);
    assertNotNull(result, "the page published no result");
    assertNull(result.get("error"), "the page failed: " + result.get("error"));
    return result;
  }

  @Test
  void goldenFrameMatchesTheJvmBitForBit(WebPage page) {
    Map<String, Object> result = load(page, "tracer.html?golden=1&workers=2");
    assertEquals(2L, ((Number) result.get("workers")).longValue());
    assertEquals(4L, ((Number) result.get("passes")).longValue());
    assertEquals(GOLDEN_SUMS, result.get("sumsChecksum"));
    assertEquals(GOLDEN_RGBA, result.get("rgbaChecksum"));
    // the colours the workers wrote for display are the same bytes
    assertEquals(GOLDEN_RGBA, result.get("displayChecksum"));
  }

  @Test
  void postMessageModeGivesTheGoldenFrameToo(WebPage page) {
    Map<String, Object> result = load(page, "tracer.html?golden=1&workers=2&mode=postmessage");
    assertEquals("postmessage", result.get("mode"));
    assertEquals(GOLDEN_SUMS, result.get("sumsChecksum"));
    assertEquals(GOLDEN_RGBA, result.get("rgbaChecksum"));
    // here the page's JavaScript computed the shown colours: the canvas holds the same bytes
    assertEquals(GOLDEN_RGBA, result.get("displayChecksum"));
    // the activity figures count the tiles here too (12 per pass, 4 passes), from what each returned
    @SuppressWarnings("unchecked")
    List<Number> perWorker = (List<Number>) result.get("tilesPerWorker");
    assertEquals(48, perWorker.get(0).intValue() + perWorker.get(1).intValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pass", "frames"})
  @SuppressWarnings("unchecked")
  void everyDrawingModeLeavesTheSameFinishedFrame(String draw, WebPage page) {
    Map<String, Object> result = load(page, "tracer.html?workers=2&passes=2&width=64&height=48&tile=16&draw=" + draw);
    assertEquals(draw, result.get("draw"));
    byte[] rgba = TileRenderer.renderFrame(DefaultScene.build(42, 64, 48), 64, 48, 2, 16).toRgba(2);
    List<Number> canvas = (List<Number>) page.eval("const c = document.getElementById('frame');"
        + " return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);");
    assertEquals(rgba.length, canvas.size());
    for (int i = 0; i < rgba.length; i++) {
      assertEquals(rgba[i] & 0xFF, canvas.get(i).intValue(), "canvas byte " + i);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void independentModeHasEveryWorkerRenderTheWholeFrame(WebPage page) {
    Map<String, Object> result = load(page, "tracer.html?workers=2&passes=3&width=64&height=48&tile=16"
        + "&mode=independent");
    assertEquals("independent", result.get("mode"));
    // each worker's own sums are the JVM's frame (the page checks the workers agree)
    AccumulationBuffer expected = TileRenderer.renderFrame(DefaultScene.build(42, 64, 48), 64, 48, 3, 16);
    assertEquals(Accumulation.hex(Accumulation.checksum(expected.sums())), result.get("sumsChecksum"));
    List<List<Number>> perWorker = (List<List<Number>>) result.get("passMillisPerWorker");
    assertEquals(2, perWorker.size());
    for (List<Number> times : perWorker) {
      assertEquals(3, times.size());
      for (Number t : times) {
        assertTrue(t.doubleValue() > 0, "pass time " + t);
      }
    }
    assertEquals(3, ((List<Number>) result.get("passMillis")).size());
  }

  @Test
  @SuppressWarnings("unchecked")
  void pageRendersAFinishedFrameWithoutConsoleErrors(WebPage page) {
    Map<String, Object> result = load(page, "tracer.html?workers=2&passes=2&width=128&height=96&tile=16");
    assertEquals(List.of(), page.consoleErrors(), "console errors");
    assertEquals(2L, ((Number) page.eval("return self.framesDone;")).longValue());
    assertEquals("auto", result.get("draw"));

    // The same frame rendered on this JVM, on one thread.
    AccumulationBuffer expected = TileRenderer.renderFrame(DefaultScene.build(42, 128, 96), 128, 96, 2, 16);
    assertEquals(Accumulation.hex(Accumulation.checksum(expected.sums())), result.get("sumsChecksum"));
    byte[] rgba = expected.toRgba(2);

    // What the canvas shows, pixel for pixel (alpha is 255, so no premultiplication loss).
    List<Number> canvas = (List<Number>) page.eval("const c = document.getElementById('frame');"
        + " return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);");
    assertEquals(rgba.length, canvas.size());
    int nonBlack = 0;
    for (int i = 0; i < rgba.length; i++) {
      assertEquals(rgba[i] & 0xFF, canvas.get(i).intValue(), "canvas byte " + i);
      if ((i & 3) != 3 && canvas.get(i).intValue() != 0) {
        nonBlack++;
      }
    }
    assertTrue(nonBlack > rgba.length / 2, "the frame is mostly black: " + nonBlack);

    // Both workers rendered tiles of every pass: 48 tiles per pass, 96 in all.
    List<Number> perWorker = (List<Number>) result.get("tilesPerWorker");
    assertEquals(2, perWorker.size());
    assertEquals(96, perWorker.get(0).intValue() + perWorker.get(1).intValue());
    String figures = (String) page.eval("return document.getElementById('f-passes').textContent;");
    assertEquals("2", figures);
    // The last pass's TaskProgress: each of its 48 tiles added one.
    assertEquals("48 of 48", page.eval("return document.getElementById('f-tiles').textContent;"));
    // The chart's caption comes from the pool's statistics (shared mode: the tiles are pool tasks).
    String caption = (String) page.eval("return document.getElementById('f-busy').textContent;");
    assertTrue(caption.matches("\\(busy: \\d+% \\d+%; queued \\d+\\)"), caption);
  }

  @Test
  void badOptionsAreReportedOnThePage(WebPage page) {
    page.open("tracer.html?tile=0").awaitDone(Duration.ofMinutes(2));
    String error = (String) page.eval("return self.tracerResult.error;");
    assertEquals("bad page options: tile must be between 4 and 1024, was 0", error);
    String shown = (String) page.eval("return document.getElementById('error').textContent;");
    assertEquals(error, shown);

    page.open("tracer.html?draw=sometimes").awaitDone(Duration.ofMinutes(2));
    assertEquals("bad page options: draw must be 'auto', 'frames' or 'pass', was 'sometimes'",
        page.eval("return self.tracerResult.error;"));
  }
}
