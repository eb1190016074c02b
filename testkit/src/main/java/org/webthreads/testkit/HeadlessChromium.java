package org.webthreads.testkit;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through chromedriver, both at their Debian paths (nothing is
 * downloaded). Opens a page, waits until its title is "done", and reads a JS expression.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private final ChromeDriver driver;
  /** The longest one waiting script runs (see {@link #openAndAwaitDone}). */
  private static final Duration WAIT_SLICE = Duration.ofSeconds(60);

  public HeadlessChromium() {
    this(List.of());
  }

  /**
   * Headless Chromium with extra command-line flags, e.g. a fake microphone for media tests
   * ({@code --use-fake-device-for-media-stream}, {@code --use-file-for-fake-audio-capture=...}).
   */
  public HeadlessChromium(List<String> extraArguments) {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run");
    options.addArguments(extraArguments);
    // Extra flags for experiments (benchmarks), e.g. CHROMIUM_FLAGS=--js-flags=--single-threaded-gc.
    String extra = System.getenv("CHROMIUM_FLAGS");
    if (extra != null && !extra.isBlank()) {
      options.addArguments(extra.trim().split("\\s+"));
    }
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
  }

  /**
   * Opens {@code url} and waits (at most {@code timeout}) until the page sets its title to "done" or
   * "error"; returns that title. The wait is an asynchronous script that a MutationObserver on the
   * page's head completes, not a poll: polling the title every 100 ms cost about 9% of a core (this
   * JVM, chromedriver and the browser's main threads), taken from the workers being measured when
   * there are as many workers as cores. One script waits at most {@link #WAIT_SLICE}, below the
   * HTTP client's read timeout for one chromedriver command (180 s); a longer wait runs several.
   */
  public String openAndAwaitDone(String url, Duration timeout) {
    driver.get(url);
    return awaitDone(timeout);
  }

  /**
   * Waits (at most {@code timeout}) until the open page's title is "done" or "error", as
   * {@link #openAndAwaitDone} does after loading; returns that title. A page that reports several
   * results in turn sets another title before each step (a test may too, through {@link #eval}).
   */
  public String awaitDone(Duration timeout) {
    String url = driver.getCurrentUrl();
    driver.manage().timeouts().scriptTimeout(WAIT_SLICE.plusSeconds(30));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMillis <= 0) {
        throw new org.openqa.selenium.TimeoutException("the page " + url + " did not set its title to "
            + "'done' or 'error' within " + timeout + " (title: '" + driver.getTitle() + "')");
      }
      Object title = ((JavascriptExecutor) driver).executeAsyncScript(
          "const finish = arguments[arguments.length - 1];"
          + " const ended = () => document.title === 'done' || document.title === 'error';"
          + " if (ended()) { finish(document.title); return; }"
          + " const observer = new MutationObserver(() => {"
          + "   if (ended()) { observer.disconnect(); clearTimeout(timer); finish(document.title); }"
          + " });"
          + " const timer = setTimeout(() => { observer.disconnect(); finish(null); }, arguments[0]);"
          + " observer.observe(document.head, {childList: true, subtree: true, characterData: true});",
          Math.min(leftMillis, WAIT_SLICE.toMillis()));
      if (title != null) {
        return (String) title;
      }
    }
  }

  /** Opens {@code url} and returns once it has loaded. */
  public void open(String url) {
    driver.get(url);
  }

  /**
   * Chooses {@code file} in the page's file input {@code cssSelector}, as a user picking it in the file
   * dialog would: the input's change event follows.
   */
  public void chooseFile(String cssSelector, java.nio.file.Path file) {
    driver.findElement(org.openqa.selenium.By.cssSelector(cssSelector)).sendKeys(file.toAbsolutePath().toString());
  }

  /** Clicks the element {@code cssSelector} as a user would (a trusted event: it counts as a user gesture). */
  public void click(String cssSelector) {
    driver.findElement(org.openqa.selenium.By.cssSelector(cssSelector)).click();
  }

  public Object eval(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** The browser console since the last call. */
  public List<String> console() {
    List<String> lines = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
      lines.add(entry.getLevel() + " " + entry.getMessage());
    }
    return lines;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
