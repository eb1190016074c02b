package org.webthreads.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered programmatically, with its folder and Chromium flags from the builder; a constructor parameter. */
class RegisteredWebPageExtensionTest {
  /** Known only at run time in a real test (a file the browser reads, say). */
  private static final String AGENT = "webthreads-testkit-builder-" + ProcessHandle.current().pid();

  @RegisterExtension
  static WebPageExtension pages = WebPageExtension.builder()
      .folder("src/test/resources/kit-pages")
      .chromiumArguments("--user-agent=" + AGENT)
      .build();

  private final WebPage page;

  RegisteredWebPageExtensionTest(WebPage page) {
    this.page = page;
  }

  @Test
  void theBuildersFolderAndArgumentsAreUsed() {
    assertEquals("done", page.open("done.html").awaitDone(Duration.ofMinutes(1)));
    assertEquals(AGENT, page.eval("return navigator.userAgent;"));
  }
}
