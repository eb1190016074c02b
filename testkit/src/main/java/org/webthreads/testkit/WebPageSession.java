package org.webthreads.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.webthreads.devserver.IsolatedFileServer;

/**
 * The server and browser one test class shares, each started on first use and closed with the class's
 * extension context. A failed start is remembered, so the class's other tests fail at once with the
 * same message instead of trying again.
 */
final class WebPageSession implements ExtensionContext.Store.CloseableResource {
  private final Path folder;
  private final String folderOrigin;
  private final List<String> chromiumArguments;
  private IsolatedFileServer server;
  private HeadlessChromium browser;
  private RuntimeException serverFailure;
  private RuntimeException browserFailure;

  /**
   * @param folder the folder as configured (relative to the working directory, or absolute)
   * @param configuredBy how it was configured, for the error message, e.g. {@code @WebPageTest(folder = "x")}
   * @param chromiumArguments extra Chromium flags
   */
  WebPageSession(String folder, String configuredBy, List<String> chromiumArguments) {
    String override = System.getProperty(WebPageExtension.FOLDER_PROPERTY);
    if (override != null && !override.isBlank()) {
      this.folder = Path.of(override.trim()).toAbsolutePath().normalize();
      this.folderOrigin = "the system property " + WebPageExtension.FOLDER_PROPERTY + "=" + override.trim();
    } else {
      this.folder = Path.of(folder).toAbsolutePath().normalize();
      this.folderOrigin = configuredBy + ", relative to " + Path.of("").toAbsolutePath();
    }
    this.chromiumArguments = List.copyOf(chromiumArguments);
  }

  /** The folder served, absolute. */
  Path folder() {
    return folder;
  }

  synchronized IsolatedFileServer server() {
    if (serverFailure != null) {
      throw new IllegalStateException(serverFailure.getMessage(), serverFailure);
    }
    if (server == null) {
      try {
        if (!Files.isDirectory(folder)) {
          throw new IllegalStateException("no page folder at " + folder + " (" + folderOrigin + "): "
              + (Files.exists(folder) ? "it is not a folder. " : "")
              + "build the page first (mvn package), or point the test at the folder the build writes");
        }
        server = new IsolatedFileServer(folder, 0);
      } catch (IOException e) {
        serverFailure = new UncheckedIOException("could not serve " + folder + ": " + e.getMessage(), e);
        throw serverFailure;
      } catch (RuntimeException e) {
        serverFailure = e;
        throw e;
      }
    }
    return server;
  }

  synchronized HeadlessChromium browser() {
    if (browserFailure != null) {
      throw new IllegalStateException(browserFailure.getMessage(), browserFailure);
    }
    if (browser == null) {
      try {
        browser = new HeadlessChromium(chromiumArguments);
      } catch (RuntimeException e) {
        browserFailure = e;
        throw e;
      }
    }
    return browser;
  }

  @Override
  public synchronized void close() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }
}
