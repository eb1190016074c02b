package org.webthreads.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The hosting files that ship with the runtime (web/src/main/webapp, copied next to every page): the
 * {@code _headers} file holds exactly the rule docs/hosting.md shows, and the service worker is shipped
 * beside webthreads.js. JVM only: reads the files the build copied into this module's web folder.
 */
class HostingFilesTest {
  private static final Path WEBAPP = Path.of(System.getProperty("webapp.dir", "target/webapp"));
  private static final Path HOSTING_DOCS = Path.of("..", "docs", "hosting.md");

  /** The rule lines of _headers: every line that is neither blank nor a comment. */
  private static List<String> ruleLines() throws IOException {
    return Files.readAllLines(WEBAPP.resolve("_headers")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .collect(Collectors.toList());
  }

  @Test
  void headersFileSetsBothIsolationHeadersOnEveryPath() throws IOException {
    assertEquals(List.of(
        "/*",
        "  Cross-Origin-Opener-Policy: same-origin",
        "  Cross-Origin-Embedder-Policy: require-corp"), ruleLines());
  }

  @Test
  void theDocsShowTheHeadersFileAsShipped() throws IOException {
    String docs = Files.readString(HOSTING_DOCS);
    String block = "```\n" + String.join("\n", ruleLines()) + "\n```\n";
    assertTrue(docs.contains(block), "docs/hosting.md does not show the _headers rule as shipped:\n" + block);
  }

  @Test
  void theServiceWorkerIsShippedNextToTheRuntime() {
    assertTrue(Files.isRegularFile(WEBAPP.resolve("webthreads.js")));
    assertTrue(Files.isRegularFile(WEBAPP.resolve("webthreads-isolation-sw.js")));
  }

  /** The isolation error's promise: the docs page it names exists and covers what the error offers. */
  @Test
  void theDocsPageTheErrorNamesCoversTheHeadersTheFileAndTheOption() throws IOException {
    String runtime = Files.readString(WEBAPP.resolve("webthreads.js"));
    assertTrue(runtime.contains("const HOSTING_DOCS = \"docs/hosting.md\";"));
    String docs = Files.readString(HOSTING_DOCS);
    for (String needed : List.of("Cross-Origin-Opener-Policy: same-origin",
        "Cross-Origin-Embedder-Policy: require-corp", "_headers", "isolationServiceWorker: \"webthreads-isolation-sw.js\"",
        "application/wasm", "crossOriginIsolated", "IsolatedFileServer")) {
      assertTrue(docs.contains(needed), "docs/hosting.md does not mention " + needed);
    }
  }
}
