package org.webthreads.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The kit on small plain pages (no wasm): waiting for the title, Promises, the console's errors, the
 * page without isolation, and what a page that never finishes gives.
 */
@WebPageTest(folder = "src/test/resources/kit-pages", chromiumArguments = "--user-agent=" + WebPageTestKitTest.AGENT)
class WebPageTestKitTest {
  static final String AGENT = "webthreads-testkit-annotation-agent";
  private static final Duration GUARD = Duration.ofMinutes(1);
  /** Injected into the constructor: the same class-wide server and browser as the methods' pages. */
  private final WebPage constructorPage;

  WebPageTestKitTest(WebPage constructorPage) {
    this.constructorPage = constructorPage;
  }

  @Test
  void awaitDoneReturnsDoneOnceThePageSetsIt(WebPage page) {
    assertEquals("done", page.open("done.html").awaitDone(GUARD));
    assertEquals(42L, page.eval("return self.answer;"));
  }

  @Test
  void awaitDoneReturnsATitleSetBeforeTheWaitBegan(WebPage page) {
    assertEquals("done", page.open("done-from-the-start.html").awaitDone(GUARD));
  }

  @Test
  void awaitDoneFollowsAPageThatReloadsWhileItWaits(WebPage page) {
    assertEquals("done", page.open("reload.html").awaitDone(GUARD));
    assertTrue(page.browser().currentUrl().endsWith("reload.html?again"), page.browser().currentUrl());
  }

  @Test
  void awaitDoneReturnsErrorForAFailingPage(WebPage page) {
    assertEquals("error", page.open("error.html").awaitDone(GUARD));
  }

  @Test
  void awaitPromiseReturnsWhatThePromiseResolvesTo(WebPage page) {
    page.open("done.html").awaitDone(GUARD);
    assertEquals(42L, page.awaitPromise("new Promise(resolve => setTimeout(() => resolve(6 * 7), 50))", GUARD));
    assertEquals("not a promise", page.awaitPromise("'not a ' + 'promise'", GUARD));
    assertEquals(Map.of("sum", 3L, "list", List.of(1L, 2.5)),
        page.awaitPromise("Promise.resolve({sum: 1 + 2, list: [1, 2.5]})", GUARD));
    assertEquals(null, page.awaitPromise("Promise.resolve()", GUARD));
    // the expression may end in a line comment
    assertEquals(7L, page.awaitPromise("Promise.resolve(7) // seven", GUARD));
  }

  @Test
  void awaitPromiseFailsWithTheRejectionsReason(WebPage page) {
    page.open("done.html").awaitDone(GUARD);
    PromiseRejectedException rejected = assertThrows(PromiseRejectedException.class,
        () -> page.awaitPromise("new Promise((resolve, reject) => setTimeout(() => reject(new TypeError('no such tile')), 20))",
            GUARD));
    assertEquals("TypeError: no such tile", rejected.reason());
    assertTrue(rejected.getMessage().contains("done.html") && rejected.getMessage().contains("no such tile"),
        rejected.getMessage());

    assertEquals("plain reason", assertThrows(PromiseRejectedException.class,
        () -> page.awaitPromise("Promise.reject('plain reason')", GUARD)).reason());
    String thrown = assertThrows(PromiseRejectedException.class,
        () -> page.awaitPromise("noSuchName.then(x => x)", GUARD)).reason();
    assertTrue(thrown.startsWith("ReferenceError") && thrown.contains("noSuchName"), thrown);
    String syntax = assertThrows(PromiseRejectedException.class, () -> page.awaitPromise("1 +", GUARD)).reason();
    assertTrue(syntax.startsWith("SyntaxError"), syntax);
    // the page can still be asked afterwards, and the kit's handlers left no unhandled rejection behind
    assertEquals(1L, page.awaitPromise("Promise.resolve(1)", GUARD));
    assertEquals(List.of(), page.consoleErrors());
  }

  @Test
  void consoleErrorsHaveTheConsoleErrorAndThe404SinceThePageWasOpened(WebPage page) {
    assertEquals("done", page.open("console-errors.html").awaitDone(GUARD));
    List<String> errors = page.consoleErrors();
    assertEquals(2, errors.size(), "errors: " + errors);
    assertTrue(errors.stream().anyMatch(e -> e.contains("boom from the page")), "errors: " + errors);
    assertTrue(errors.stream().anyMatch(e -> e.contains("missing.js") && e.contains("404")), "errors: " + errors);
    assertTrue(page.console().stream().anyMatch(line -> line.startsWith("SEVERE ") && line.contains("boom")),
        "console: " + page.console());

    // reading the browser's log directly drains the driver's log, not the page's errors
    page.browser().console();
    page.eval("console.error('a second one');");
    List<String> again = page.consoleErrors();
    assertEquals(3, again.size(), "errors: " + again);
    assertTrue(again.get(2).contains("a second one"), again.get(2));

    // a page opened afterwards starts with none
    page.open("done.html").awaitDone(GUARD);
    assertEquals(List.of(), page.consoleErrors());
  }

  /** The browser asks for /favicon.ico: the server's 204 for a folder without one logs nothing. */
  @Test
  void aPlainPageWithoutAnIconHasNoConsoleErrors(WebPage page) {
    assertEquals("done", page.open("plain.html").awaitDone(GUARD));
    assertEquals(204L, page.awaitPromise("fetch('/favicon.ico').then(r => r.status)", GUARD));
    assertEquals(List.of(), page.consoleErrors());
    // while another missing file is an error
    assertEquals(404L, page.awaitPromise("fetch('/other.ico').then(r => r.status)", GUARD));
    List<String> errors = page.consoleErrors();
    assertEquals(1, errors.size(), "errors: " + errors);
    assertTrue(errors.get(0).contains("other.ico"), errors.get(0));
  }

  @Test
  void openWithoutIsolationReallyLacksCrossOriginIsolation(WebPage page) {
    assertEquals("done", page.open("isolation.html").awaitDone(GUARD));
    assertEquals(Boolean.TRUE, page.eval("return self.isolated;"));
    assertEquals(Boolean.TRUE, page.eval("return self.hasSharedArrayBuffer;"));

    assertEquals("done", page.openWithoutIsolation("isolation.html").awaitDone(GUARD));
    assertEquals(Boolean.FALSE, page.eval("return self.isolated;"));
    assertEquals(Boolean.FALSE, page.eval("return self.hasSharedArrayBuffer;"));
    assertTrue(((String) page.eval("return location.href;")).endsWith("/no-isolation/isolation.html"));
    assertEquals(List.of(), page.consoleErrors());
  }

  @Test
  void aPageThatNeverFinishesGivesATimeoutNamingThePageAndItsTitle(WebPage page) {
    page.open("never.html");
    PageTimeoutException timeout = assertThrows(PageTimeoutException.class,
        () -> page.awaitDone(Duration.ofSeconds(2)));
    assertTrue(timeout.getMessage().contains(page.url("never.html")), timeout.getMessage());
    assertTrue(timeout.getMessage().contains("'still working'"), timeout.getMessage());

    PageTimeoutException pending = assertThrows(PageTimeoutException.class,
        () -> page.awaitPromise("new Promise(() => {})", Duration.ofSeconds(1)));
    assertTrue(pending.getMessage().contains("new Promise(() => {})") && pending.getMessage().contains("never.html"),
        pending.getMessage());
  }

  @Test
  void urlsAreOnTheServerAndALeadingSlashMeansTheFolder(WebPage page) {
    assertTrue(page.url("done.html").matches("http://127\\.0\\.0\\.1:\\d+/done\\.html"), page.url("done.html"));
    assertEquals(page.url("done.html?x=1"), page.url("/done.html?x=1"));
  }

  @Test
  void readingBeforeOpeningSaysToOpenAPage(WebPage page) {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> page.awaitDone(GUARD));
    assertTrue(e.getMessage().contains("open("), e.getMessage());
    assertThrows(IllegalStateException.class, page::consoleErrors);
  }

  @Test
  void theAnnotationsChromiumArgumentsReachTheBrowser(WebPage page) {
    page.open("done.html").awaitDone(GUARD);
    assertEquals(AGENT, page.eval("return navigator.userAgent;"));
  }

  @Test
  void everyTestOfTheClassSharesOneBrowser(WebPage page) {
    assertSame(constructorPage.browser(), page.browser());
    assertEquals(constructorPage.url("done.html"), page.url("done.html"));
  }

  /** A nested class shares its outer class's server and browser. */
  @Nested
  class NestedTests {
    @Test
    void seesTheSameFolderAndBrowserArguments(WebPage page) {
      assertEquals("done", page.open("done.html").awaitDone(GUARD));
      assertEquals(AGENT, page.eval("return navigator.userAgent;"));
      assertSame(constructorPage.browser(), page.browser());
    }
  }
}
