package org.webthreads.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.webthreads.devserver.IsolatedFileServer;

/**
 * A page of the served folder in the test class's headless Chromium, injected by {@link WebPageTest}
 * (or {@link WebPageExtension}) into a test method or constructor parameter. Open a page first, then
 * wait for it and read it:
 *
 * <pre>{@code
 * assertEquals("done", page.open("index.html?workers=2").awaitDone(Duration.ofMinutes(1)));
 * assertEquals(42L, page.eval("return self.result;"));
 * assertEquals(List.of(), page.consoleErrors());
 * }</pre>
 *
 * <p>The test class's pages share one browser window: opening a page leaves the one open before.
 */
public final class WebPage {
  private final WebPageSession session;
  private boolean opened;

  WebPage(WebPageSession session) {
    this.session = session;
  }

  /**
   * Loads a page of the folder, served with the cross-origin isolation headers
   * ({@code Cross-Origin-Opener-Policy: same-origin}, {@code Cross-Origin-Embedder-Policy: require-corp}),
   * and returns once it has loaded (its scripts may still be running: see {@link #awaitDone}).
   *
   * @param pathInFolder the page's path in the folder, with a query if any, e.g. {@code index.html?workers=2}
   * @return this page
   */
  public WebPage open(String pathInFolder) {
    String url = url(pathInFolder); // the server first: a missing folder is reported before Chromium starts
    session.browser().open(url);
    opened = true;
    return this;
  }

  /**
   * Loads a page of the folder as {@link #open} does, but without the two isolation headers (on the
   * page and on every file it loads by a relative URL), so it is not cross-origin isolated: no
   * SharedArrayBuffer. For testing what a page says when it is hosted without them.
   *
   * @param pathInFolder the page's path in the folder, with a query if any
   * @return this page
   */
  public WebPage openWithoutIsolation(String pathInFolder) {
    String url = url(IsolatedFileServer.NO_ISOLATION_PREFIX.substring(1) + inFolder(pathInFolder));
    session.browser().open(url);
    opened = true;
    return this;
  }

  /**
   * Waits, without polling (a MutationObserver on the page), until the page sets {@code document.title}
   * to "done" or "error".
   *
   * @param timeout the longest wait (a hang guard: be generous)
   * @return the title, "done" or "error"
   * @throws PageTimeoutException if the title is neither within {@code timeout}; the message names
   *     the page and its title then
   */
  public String awaitDone(Duration timeout) {
    return openBrowser().awaitDone(timeout);
  }

  /**
   * Evaluates a JavaScript expression on the page and waits, without polling, for the Promise it
   * gives to settle; a value that is not a Promise is returned at once.
   *
   * @param expression a JavaScript expression, e.g. {@code self.app.ready.then(() => self.app.sum)}
   * @param timeout the longest wait (a hang guard: be generous)
   * @return the resolved value, converted as {@link #eval} converts
   * @throws PromiseRejectedException if the Promise is rejected (or the expression throws); its
   *     message and {@link PromiseRejectedException#reason()} give the reason
   * @throws PageTimeoutException if the Promise does not settle within {@code timeout}
   */
  public Object awaitPromise(String expression, Duration timeout) {
    return openBrowser().awaitPromise(expression, timeout);
  }

  /**
   * Runs a script body on the page and returns what it returns.
   *
   * @param script a function body with {@code return}, e.g. {@code return document.title;}
   * @return the value: numbers as Long or Double, strings, booleans, arrays as Lists, objects as Maps,
   *     null for undefined or null
   */
  public Object eval(String script) {
    return openBrowser().eval(script);
  }

  /**
   * The console's errors since this page was opened: console.error calls, uncaught exceptions and
   * rejections, and resources that failed to load (a 404 counts). Chromium's own text, e.g.
   * {@code http://127.0.0.1:4711/missing.js - Failed to load resource: the server responded with a
   * status of 404 (Not Found)}.
   *
   * @return the errors' messages, oldest first; empty for a clean page
   */
  public List<String> consoleErrors() {
    return openBrowser().consoleErrorsSinceOpen();
  }

  /**
   * Every console entry since this page was opened, each as {@code LEVEL message} (SEVERE, WARNING,
   * INFO, DEBUG).
   *
   * @return the entries, oldest first
   */
  public List<String> console() {
    return openBrowser().consoleSinceOpen();
  }

  /**
   * The URL of a file of the folder on the test class's server (with the isolation headers).
   *
   * @param pathInFolder the file's path in the folder, with a query if any
   * @return its URL, {@code http://127.0.0.1:<port>/<path>}
   */
  public String url(String pathInFolder) {
    return session.server().url(inFolder(pathInFolder));
  }

  /**
   * The test class's browser, for what this class does not offer: clicking, choosing a file, opening a
   * URL that is not in the folder. Pages opened through it directly are read through it too.
   *
   * @return the browser (started on first use)
   */
  public HeadlessChromium browser() {
    return session.browser();
  }

  private HeadlessChromium openBrowser() {
    if (!opened) {
      throw new IllegalStateException("no page is open: call open(\"index.html\") (or openWithoutIsolation) "
          + "first; a page opened through browser() directly is read through browser()");
    }
    return session.browser();
  }

  /** The path without leading slashes: "/index.html" means the folder's index.html too. */
  private static String inFolder(String pathInFolder) {
    Objects.requireNonNull(pathInFolder, "pathInFolder");
    int start = 0;
    while (start < pathInFolder.length() && pathInFolder.charAt(start) == '/') {
      start++;
    }
    return pathInFolder.substring(start);
  }
}
