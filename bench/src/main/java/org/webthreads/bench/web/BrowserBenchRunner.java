package org.webthreads.bench.web;

import java.nio.file.Path;
import java.time.Duration;
import org.webthreads.testkit.HeadlessChromium;
import org.webthreads.devserver.IsolatedFileServer;

/**
 * Serves a folder with the isolation headers, opens benchmark pages one after another in one headless
 * Chromium session, waits for each (title "done" or "error") and prints one JSON object on stdout with
 * each page's result under its label.
 *
 * <p>{@code java -cp ... org.webthreads.bench.web.BrowserBenchRunner <folder> <label>=<page?query>@<js
 * expression> ...}, e.g. {@code webthreads=browser-bench.html?workers=2@self.wtBench}.
 */
public final class BrowserBenchRunner {
  private BrowserBenchRunner() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: BrowserBenchRunner <folder> <label>=<page?query>@<js expression> ...");
      System.exit(2);
    }
    StringBuilder out = new StringBuilder("{");
    boolean failed = false;
    try (IsolatedFileServer server = new IsolatedFileServer(Path.of(args[0]), 0);
        HeadlessChromium browser = new HeadlessChromium()) {
      for (int i = 1; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        int at = args[i].lastIndexOf('@');
        if (eq < 0 || at < eq) {
          throw new IllegalArgumentException("expected <label>=<page>@<expression>, got " + args[i]);
        }
        String label = args[i].substring(0, eq);
        String page = args[i].substring(eq + 1, at);
        String expression = args[i].substring(at + 1);
        String title = browser.openAndAwaitDone(server.url(page), Duration.ofMinutes(20));
        for (String line : browser.console()) {
          System.err.println("console (" + label + "): " + line);
        }
        Object json = browser.eval("return JSON.stringify(" + expression + ");");
        failed |= !"done".equals(title) || String.valueOf(json).contains("\"error\"");
        out.append(i > 1 ? "," : "").append('"').append(label).append("\":").append(json);
      }
    }
    System.out.println(out.append('}'));
    if (failed) {
      System.exit(1);
    }
  }
}
