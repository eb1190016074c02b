package org.webthreads.examples.pathtracer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webthreads.examples.pathtracer.Accumulation;

/** The page's query options, parsed on the JVM: defaults, every option, and the errors the page shows. */
class PageSettingsTest {
  @Test
  void anEmptyQueryGivesTheDefaults() {
    for (String query : new String[] {"", "?", "?&&"}) {
      PageSettings s = PageSettings.parse(query);
      assertEquals(0, s.workers, "all cores");
      assertEquals(512, s.width);
      assertEquals(384, s.height);
      assertEquals(32, s.tile);
      assertEquals(256, s.passes);
      assertEquals(42, s.seed);
      assertFalse(s.golden);
      assertEquals(RenderMode.SHARED, s.mode);
      assertEquals(DrawMode.AUTO, s.draw);
      assertEquals(16 * 12, s.grid().count());
    }
  }

  @Test
  void everyOptionIsRead() {
    PageSettings s = PageSettings.parse("?workers=3&width=100&height=60&tile=16&passes=7&seed=9"
        + "&mode=postmessage&draw=frames");
    assertEquals(3, s.workers);
    assertEquals(100, s.width);
    assertEquals(60, s.height);
    assertEquals(16, s.tile);
    assertEquals(7, s.passes);
    assertEquals(9, s.seed);
    assertEquals(RenderMode.POSTMESSAGE, s.mode);
    assertEquals(DrawMode.FRAMES, s.draw);
    assertEquals(6000, s.pixels());
    assertEquals(7 * 4, s.grid().count());
    assertEquals(RenderMode.INDEPENDENT, PageSettings.parse("mode=independent").mode);
    assertEquals(RenderMode.SHARED, PageSettings.parse("mode=shared").mode);
    assertEquals(DrawMode.PASS, PageSettings.parse("draw=pass").draw);
    assertEquals(Accumulation.MAX_PASSES, PageSettings.parse("passes=" + Accumulation.MAX_PASSES).passes);
  }

  @Test
  void goldenOverridesTheFrameOptionsButNotTheOthers() {
    PageSettings s = PageSettings.parse("?width=300&golden=1&passes=9&workers=2&mode=postmessage");
    assertTrue(s.golden);
    assertEquals(64, s.width);
    assertEquals(48, s.height);
    assertEquals(16, s.tile);
    assertEquals(4, s.passes);
    assertEquals(42, s.seed);
    assertEquals(2, s.workers);
    assertEquals(RenderMode.POSTMESSAGE, s.mode);
    assertFalse(PageSettings.parse("golden=0").golden);
  }

  @Test
  void badOptionsAreRefusedWithWhatIsAllowed() {
    assertError("tile must be between 4 and 1024, was 0", "?tile=0");
    assertError("workers must be between 1 and 256, was 257", "workers=257");
    assertError("width must be a whole number, was 'wide'", "width=wide");
    assertError("height must be a whole number, was ''", "height");
    assertError("passes must be between 1 and " + Accumulation.MAX_PASSES + ", was 0", "passes=0");
    assertError("seed must be between 0 and 2147483647, was -1", "seed=-1");
    assertError("golden must be between 0 and 1, was 2", "golden=2");
    assertError("mode must be 'shared', 'postmessage' or 'independent', was 'SHARED'", "mode=SHARED");
    assertError("draw must be 'auto', 'frames' or 'pass', was 'sometimes'", "?draw=sometimes");
    assertError("unknown option 'size' (known: workers, width, height, tile, passes, seed, golden, mode, draw)",
        "?width=64&size=3");
    assertError("16641 tiles per pass is too many (at most 16384): use a larger tile or a smaller frame",
        "width=516&height=516&tile=4");
  }

  private static void assertError(String message, String query) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> PageSettings.parse(query))
        .getMessage(), query);
  }
}
