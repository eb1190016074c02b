package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.webthreads.testkit.WebPage;
import org.webthreads.testkit.WebPageTest;

/**
 * The page in headless Chromium (the test kit serves target/webapp with the isolation headers): it must
 * finish, draw exactly the picture the JVM draws, get the right count from its JS task, and log no
 * console error.
 */
@WebPageTest
class MandelbrotPageTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static int number(WebPage page, String expression) {
    return ((Number) page.eval("return " + expression + ";")).intValue();
  }

  @Test
  void thePageDrawsThePictureTheJvmDraws(WebPage page) {
    String title = page.open("index.html").awaitDone(TIMEOUT);
    assertEquals("done", title, () -> "the page failed: " + page.eval("return self.mandelbrot.error;"));

    int[] expected = Mandelbrot.drawSequentially(MandelbrotView.DEFAULT);
    assertEquals(Mandelbrot.checksum(expected), number(page, "self.mandelbrot.checksum"),
        "checksum of the shared image");
    assertEquals(Mandelbrot.interiorPixels(expected), number(page, "self.mandelbrot.interior"),
        "pixels inside the set, as the JS task counted them");
    assertTrue(number(page, "self.mandelbrot.worker") >= 1, "the JS task ran on a worker (ids 1..n)");

    // what the canvas shows: the same checksum (FNV-1a over its RGBA ints, as Mandelbrot.checksum)
    Object shown = page.eval(""
        + "const c = document.getElementById('picture');"
        + "const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + "let h = 0x811C9DC5 | 0;"
        + "for (const p of new Int32Array(data.buffer)) h = Math.imul(h ^ p, 0x01000193);"
        + "return h;");
    assertEquals(Mandelbrot.checksum(expected), ((Number) shown).intValue(), "checksum of the canvas");

    assertEquals(List.of(), page.consoleErrors());
  }

  @Test
  void withoutTheIsolationHeadersThePageSaysWhatIsMissing(WebPage page) {
    assertEquals("error", page.openWithoutIsolation("index.html").awaitDone(TIMEOUT));
    String shown = (String) page.eval("return document.getElementById('error').textContent;");
    assertTrue(shown.contains("Cross-Origin-Opener-Policy") && shown.contains("Cross-Origin-Embedder-Policy"),
        shown);
  }
}
