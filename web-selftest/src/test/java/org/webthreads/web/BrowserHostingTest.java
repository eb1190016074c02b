package org.webthreads.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import static org.webthreads.web.SelfTestResults.passed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebDriverException;
import org.webthreads.devserver.IsolatedFileServer;
import org.webthreads.testkit.HeadlessChromium;

/**
 * Hosting in headless Chromium: the isolation error names docs/hosting.md; the opt-in isolation service
 * worker (webthreads-isolation-sw.js) makes a page served without the headers isolated after one
 * reload, and a page it cannot isolate stops after that one reload with the error; a SharedIntArray
 * drawn with WebCanvas.putRgba reads back pixel for pixel. A registered service worker stays with the
 * browser profile and controls its whole scope (/no-isolation/ here), so each service-worker test runs
 * in a browser of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserHostingTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final String NO_ISOLATION = IsolatedFileServer.NO_ISOLATION_PREFIX.substring(1);
  private IsolatedFileServer server;
  private HeadlessChromium browser;

  @BeforeAll
  void serve() throws Exception {
    server = new IsolatedFileServer(Path.of(System.getProperty("webthreads.webapp.dir", "target/webapp")), 0);
    browser = new HeadlessChromium();
  }

  @AfterAll
  void close() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theIsolationErrorNamesTheDocsPageTheHeadersAndTheServiceWorkerOption() {
    Map<String, Object> results = load(browser, NO_ISOLATION + "selftest.html?workers=2&group=hosting");
    String error = SelfTestResults.failed(results, "start");
    assertTrue(error.contains("see docs/hosting.md in the webthreads repository")
        || error.contains("See docs/hosting.md in the webthreads repository"), error);
    assertTrue(error.contains("'Cross-Origin-Opener-Policy: same-origin'"), error);
    assertTrue(error.contains("'Cross-Origin-Embedder-Policy: require-corp'"), error);
    assertTrue(error.contains("isolationServiceWorker: \"webthreads-isolation-sw.js\""), error);
    assertEquals(Boolean.FALSE, browser.eval("return self.crossOriginIsolated;"));
    assertEquals(0L, browser.eval("return performance.getEntriesByType('navigation').length - 1;"));
  }

  @Test
  void theServiceWorkerIsolatesAPageServedWithoutTheHeadersAfterOneReload() {
    withOwnBrowser(own -> {
      Map<String, Object> results = load(own, NO_ISOLATION + "isolation-sw.html?workers=2&group=hosting");
      String detail = passed(results, "isolatedPool");
      assertTrue(detail.contains("crossOriginIsolated true") && detail.contains("= 610"), detail);
      passed(results, "canvasPutRgba");
      assertEquals(Boolean.TRUE, own.eval("return self.crossOriginIsolated;"));
      assertEquals(2L, own.eval("return self.wtLoads;"), "loads of the page in this tab");
      assertEquals("reload", own.eval("return performance.getEntriesByType('navigation')[0].type;"));
      assertTrue(String.valueOf(own.eval("const c = navigator.serviceWorker.controller;"
          + " return c ? c.scriptURL : 'none';")).endsWith("/" + NO_ISOLATION + "webthreads-isolation-sw.js"));
      // The mark that allowed the one reload is gone once the page is isolated.
      assertEquals(null, own.eval("return sessionStorage.getItem('webthreads-isolation-reload');"));
      return null;
    });
  }

  /** The option true means webthreads-isolation-sw.js next to the page. */
  @Test
  void theOptionTrueUsesTheScriptNextToThePage() {
    withOwnBrowser(own -> {
      Map<String, Object> results = load(own, NO_ISOLATION + "isolation-sw.html?workers=2&group=hosting&sw=true");
      passed(results, "isolatedPool");
      assertEquals(2L, own.eval("return self.wtLoads;"), "loads of the page in this tab");
      return null;
    });
  }

  @Test
  void anOptionThatIsNoUrlIsRefusedWithoutAReload() {
    withOwnBrowser(own -> {
      Map<String, Object> results = load(own, NO_ISOLATION + "isolation-sw.html?workers=2&group=hosting&sw=42");
      String error = SelfTestResults.failed(results, "start");
      assertTrue(error.startsWith("the option isolationServiceWorker must be the URL of "
          + "webthreads-isolation-sw.js (relative to the page) or true (for that file next to the page), not "
          + "Number. "), error);
      assertEquals(1L, own.eval("return self.wtLoads;"), "no reload");
      return null;
    });
  }

  /** Served with the headers, the option does nothing: no service worker, no reload. */
  @Test
  void anIsolatedPageIgnoresTheServiceWorkerOption() {
    withOwnBrowser(own -> {
      Map<String, Object> results = load(own, "isolation-sw.html?workers=2&group=hosting");
      passed(results, "isolatedPool");
      assertEquals(1L, own.eval("return self.wtLoads;"));
      Object registrations = own.awaitPromise("navigator.serviceWorker.getRegistrations().then(r => r.length)", Duration.ofSeconds(30));
      assertEquals(0L, registrations);
      return null;
    });
  }

  /**
   * A service worker that controls the page but adds no header: after the one reload the page is still
   * not isolated, and the runtime stops with the error instead of reloading again.
   */
  @Test
  void aServiceWorkerThatDoesNotIsolateStopsAfterOneReloadWithTheError() {
    withOwnBrowser(own -> {
      Map<String, Object> results = load(own, NO_ISOLATION + "isolation-sw.html?workers=2&group=hosting"
          + "&sw=no-headers-sw.js");
      String error = SelfTestResults.failed(results, "start");
      assertTrue(error.startsWith("the isolation service worker "), error);
      assertTrue(error.contains("no-headers-sw.js (option isolationServiceWorker) was registered and the page "
          + "reloaded once, but the page is still not isolated"), error);
      assertTrue(error.contains("docs/hosting.md"), error);
      assertEquals(2L, own.eval("return self.wtLoads;"), "loads of the page in this tab");
      return null;
    });
  }

  @Test
  void aMissingServiceWorkerScriptIsNamedWithItsStatus() {
    withOwnBrowser(own -> {
      Map<String, Object> results = load(own, NO_ISOLATION + "isolation-sw.html?workers=2&group=hosting"
          + "&sw=missing-sw.js");
      String error = SelfTestResults.failed(results, "start");
      assertTrue(error.contains("missing-sw.js (option isolationServiceWorker) could not be registered")
          && error.contains("HTTP 404"), error);
      assertTrue(error.contains("docs/hosting.md"), error);
      assertEquals(1L, own.eval("return self.wtLoads;"), "no reload");
      return null;
    });
  }

  /** A service worker in a folder below the page's has a scope without the page: said, and no reload. */
  @Test
  void aServiceWorkerWhoseScopeMissesThePageIsRefused() {
    withOwnBrowser(own -> {
      Map<String, Object> results = load(own, NO_ISOLATION + "isolation-sw.html?workers=2&group=hosting"
          + "&sw=elsewhere/out-of-scope-sw.js");
      String error = SelfTestResults.failed(results, "start");
      assertTrue(error.contains("elsewhere/out-of-scope-sw.js (option isolationServiceWorker) has the scope ")
          && error.contains("/elsewhere/, which does not contain this page"), error);
      assertTrue(error.contains("docs/hosting.md"), error);
      assertEquals(1L, own.eval("return self.wtLoads;"), "no reload");
      return null;
    });
  }

  /** The canvas helper on a page isolated by the headers. */
  @Test
  void aSharedIntArrayDrawnWithPutRgbaReadsBackPixelForPixel() {
    Map<String, Object> results = load(browser, "selftest.html?workers=2&group=hosting");
    String detail = passed(results, "canvasPutRgba");
    // pixel (1, 2) of HostingScenarios.pixel: red 19 + 3, green 2 * 37 + 5, blue 3 * 11 + 200, alpha 255
    assertTrue(detail.contains("pixel (1, 2) read back 22,79,233,255; every pixel as packed"), detail);
    assertTrue(detail.contains("filled by worker 1") || detail.contains("filled by worker 2"), detail);
  }

  private <T> T withOwnBrowser(Function<HeadlessChromium, T> test) {
    HeadlessChromium own = new HeadlessChromium();
    try {
      return test.apply(own);
    } finally {
      own.close();
    }
  }

  /**
   * Opens the page and waits for its results. The page may reload itself (the service worker's one
   * reload) while the wait runs; chromedriver then fails that wait, and it is started again on the new
   * document, at most twice.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> load(HeadlessChromium chromium, String page) {
    try {
      chromium.open(server.url(page));
      for (int attempt = 0; ; attempt++) {
        try {
          chromium.awaitDone(TIMEOUT);
          break;
        } catch (WebDriverException e) {
          if (attempt == 2 || e instanceof org.openqa.selenium.TimeoutException) {
            throw e;
          }
          System.out.println(page + ": the wait ended with the document (" + firstLine(e) + "), waiting again");
        }
      }
    } finally {
      chromium.console().forEach(line -> System.out.println("console: " + line));
    }
    Map<String, Object> map = (Map<String, Object>) chromium.eval("return self.wtResults;");
    System.out.println(page + " -> " + map);
    return map;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }


}
