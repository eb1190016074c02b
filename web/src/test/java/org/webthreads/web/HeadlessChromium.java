package org.webthreads.web;

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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, both at their Debian paths (nothing is
 * downloaded). Opens a page, waits until its title is "done", and reads a JS expression.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private final ChromeDriver driver;

  public HeadlessChromium() {
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
   * "error"; returns that title.
   */
  public String openAndAwaitDone(String url, Duration timeout) {
    driver.get(url);
    new WebDriverWait(driver, timeout, Duration.ofMillis(100))
        .until(d -> "done".equals(d.getTitle()) || "error".equals(d.getTitle()));
    return driver.getTitle();
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
