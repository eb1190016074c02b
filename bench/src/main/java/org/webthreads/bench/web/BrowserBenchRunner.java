package org.webthreads.bench.web;

import java.nio.file.Path;
import java.time.Duration;
import org.webthreads.web.HeadlessChromium;
import org.webthreads.web.server.IsolatedFileServer;

/**
 * Serves bench/target/webapp with the isolation headers, opens a benchmark page in headless Chromium,
 * waits for it to finish and prints its JSON result on stdout.
 *
 * <p>{@code java -cp ... org.webthreads.bench.web.BrowserBenchRunner <webapp dir> <page?query> <resultExpr>}
 */
public final class BrowserBenchRunner {
  private BrowserBenchRunner() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/target/webapp");
    String page = args.length > 1 ? args[1] : "browser-bench.html";
    String expression = args.length > 2 ? args[2] : "self.wtBench";
    try (IsolatedFileServer server = new IsolatedFileServer(dir, 0);
        HeadlessChromium browser = new HeadlessChromium()) {
      browser.openAndAwaitDone(server.url(page), Duration.ofMinutes(20));
      for (String line : browser.console()) {
        System.err.println("console: " + line);
      }
      Object json = browser.eval("return JSON.stringify(" + expression + ");");
      System.out.println(json);
      if (String.valueOf(json).contains("\"error\"")) {
        System.exit(1);
      }
    }
  }
}
