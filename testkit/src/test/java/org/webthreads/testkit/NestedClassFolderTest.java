package org.webthreads.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Nested} class with a {@code @WebPageTest} of its own serves its own folder, not its outer
 * class's (it once got the outer class's server, found no page and waited out its timeout).
 */
@WebPageTest(folder = "src/test/resources/nested-pages/outer")
class NestedClassFolderTest {
  @Test
  void theOuterClassServesItsFolder(WebPage page) {
    assertEquals("The outer class's page.", page.open("index.html").eval("return document.body.innerText;"));
  }

  @Nested
  @WebPageTest(folder = "src/test/resources/nested-pages/inner")
  class WithItsOwnFolder {
    @Test
    void servesItsOwnFolder(WebPage page) {
      assertEquals("The nested class's page (only in its own folder).",
          page.open("index.html").eval("return document.body.innerText;"));
    }
  }

  @Nested
  class WithoutItsOwnAnnotation {
    @Test
    void servesTheOuterClassFolder(WebPage page) {
      assertEquals("The outer class's page.", page.open("index.html").eval("return document.body.innerText;"));
    }
  }
}
