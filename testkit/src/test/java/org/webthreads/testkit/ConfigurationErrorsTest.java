package org.webthreads.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * What a user gets wrong, and the message that says how to fix it: the folder not built, the
 * extension configured twice, Chromium not where the kit looks. The misconfigured classes run
 * through JUnit's launcher; none starts a browser.
 */
class ConfigurationErrorsTest {
  /** A test class whose folder was never built. */
  @WebPageTest(folder = "target/no-such-webapp")
  static class FolderNotBuilt {
    @Test
    void opens(WebPage page) {
      page.open("index.html");
    }
  }

  /** A test class with both the annotation and a registered extension. */
  @WebPageTest
  static class ConfiguredTwice {
    @RegisterExtension
    static WebPageExtension pages = WebPageExtension.builder().build();

    @Test
    void opens(WebPage page) {
      page.url("index.html");
    }
  }

  /** A test that asks for two pages, as if each had its own browser window. */
  @WebPageTest(folder = "target/no-such-webapp")
  static class TwoPagesInOneTest {
    @Test
    void opens(WebPage first, WebPage second) {
      first.url("index.html");
    }
  }

  private static Throwable onlyFailure(Class<?> testClass) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
    List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
    assertEquals(1, failures.size(), "failures: " + failures);
    return failures.get(0).getException();
  }

  @Test
  void aFolderNotBuiltIsNamedWithTheFix() {
    Throwable failure = onlyFailure(FolderNotBuilt.class);
    String message = failure.getMessage();
    assertTrue(message.contains(Path.of("target/no-such-webapp").toAbsolutePath().toString()), message);
    assertTrue(message.contains("build the page first (mvn package)"), message);
    assertTrue(message.contains("@WebPageTest(folder = \"target/no-such-webapp\")"), message);
  }

  @Test
  void theFolderPropertyOverridesTheConfiguredFolder() {
    System.setProperty(WebPageExtension.FOLDER_PROPERTY, "target/from-the-property");
    try {
      WebPageSession session = new WebPageSession("target/webapp", "@WebPageTest(folder = \"target/webapp\")", List.of());
      assertEquals(Path.of("target/from-the-property").toAbsolutePath(), session.folder());
      String message = assertThrows(IllegalStateException.class, session::server).getMessage();
      assertTrue(message.contains("the system property " + WebPageExtension.FOLDER_PROPERTY), message);
    } finally {
      System.clearProperty(WebPageExtension.FOLDER_PROPERTY);
    }
  }

  @Test
  void theAnnotationAndARegisteredExtensionTogetherAreRefused() {
    String message = onlyFailure(ConfiguredTwice.class).getMessage();
    assertTrue(message.contains("both @WebPageTest and a @RegisterExtension WebPageExtension"), message);
  }

  @Test
  void aBlankBuilderFolderIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> WebPageExtension.builder().folder(" "));
  }

  @Test
  void chromiumMissingNamesThePathBothWaysToSetItAndTheInstallLine() {
    System.setProperty(HeadlessChromium.CHROMIUM_PROPERTY, "/no/such/chromium");
    try {
      assertEquals("/no/such/chromium", HeadlessChromium.chromiumPath());
      String message = assertThrows(IllegalStateException.class, HeadlessChromium::new).getMessage();
      assertTrue(message.contains("/no/such/chromium (the system property webthreads.chromium)"), message);
      assertTrue(message.contains("-Dwebthreads.chromium=") && message.contains("-Dwebthreads.chromedriver="), message);
      assertTrue(message.contains("WEBTHREADS_CHROMIUM") && message.contains("WEBTHREADS_CHROMEDRIVER"), message);
      assertTrue(message.contains("apt-get install -y chromium chromium-driver"), message);
    } finally {
      System.clearProperty(HeadlessChromium.CHROMIUM_PROPERTY);
    }
  }

  @Test
  void twoWebPageParametersInOneTestAreRefused() {
    String message = onlyFailure(TwoPagesInOneTest.class).getMessage();
    assertTrue(message.contains("takes 2 WebPage parameters"), message);
    assertTrue(message.contains("take one WebPage and open the pages in turn"), message);
  }
}
