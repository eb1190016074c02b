package org.webthreads.testkit;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven through chromedriver, both found on this machine (nothing is ever
 * downloaded): opens a page, waits without polling until its title is "done" or "error", waits for a
 * Promise, evaluates scripts, and keeps the page's console.
 *
 * <p>Where the two programs are: the system properties {@value #CHROMIUM_PROPERTY} and
 * {@value #CHROMEDRIVER_PROPERTY}, else the environment variables {@value #CHROMIUM_ENV} and
 * {@value #CHROMEDRIVER_ENV}, else Debian's {@value #CHROMIUM} and {@value #CHROMEDRIVER} (apt-get
 * install chromium chromium-driver). The chromedriver must be the one made for that Chromium version.
 * The environment variable {@code CHROMIUM_FLAGS} adds command-line flags (for experiments).
 *
 * <p>One instance drives one browser window; it is not for use by several threads at once.
 */
public final class HeadlessChromium implements AutoCloseable {
  /** Debian's Chromium, used when neither {@value #CHROMIUM_PROPERTY} nor {@value #CHROMIUM_ENV} is set. */
  public static final String CHROMIUM = "/usr/bin/chromium";
  /** Debian's chromedriver, used when neither {@value #CHROMEDRIVER_PROPERTY} nor {@value #CHROMEDRIVER_ENV} is set. */
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  /** The system property giving Chromium's path (it wins over {@value #CHROMIUM_ENV}). */
  public static final String CHROMIUM_PROPERTY = "webthreads.chromium";
  /** The system property giving chromedriver's path (it wins over {@value #CHROMEDRIVER_ENV}). */
  public static final String CHROMEDRIVER_PROPERTY = "webthreads.chromedriver";
  /** The environment variable giving Chromium's path. */
  public static final String CHROMIUM_ENV = "WEBTHREADS_CHROMIUM";
  /** The environment variable giving chromedriver's path. */
  public static final String CHROMEDRIVER_ENV = "WEBTHREADS_CHROMEDRIVER";
  /** The longest one waiting script runs (see {@link #awaitDone}). */
  private static final Duration WAIT_SLICE = Duration.ofSeconds(60);
  /** Where the Promises of {@link #awaitPromise} wait on the page, by index. */
  /**
   * Selenium's finder of a DevTools (CDP) binding for the browser's version, which warns on every start
   * when Debian's Chromium is newer than the bindings Selenium ships. Nothing here uses CDP, so the
   * warning is noise in a user's test output; the logger is held so that its level stays set.
   */
  private static final java.util.logging.Logger CDP_VERSION_FINDER = quiet(
      "org.openqa.selenium.devtools.CdpVersionFinder");
  private static final String PROMISE_SLOTS = "self.__webthreadsTestkitPromises";

  private final ChromeDriver driver;
  /** The console entries of the open page, from its opening (the driver's log drains when read). */
  private final List<LogEntry> pageLog = new ArrayList<>();
  /** How many entries of {@link #pageLog} {@link #console()} has returned. */
  private int consoleRead;

  /** Starts a headless Chromium with the default flags. */
  public HeadlessChromium() {
    this(List.of());
  }

  /**
   * Starts a headless Chromium with extra command-line flags, e.g. a fake microphone for media tests
   * ({@code --use-fake-device-for-media-stream}, {@code --use-file-for-fake-audio-capture=...}).
   *
   * @param extraArguments flags added after the default ones
   * @throws IllegalStateException if Chromium or chromedriver is missing (the message says how to
   *     install them or give their paths), or if they do not start together (e.g. different versions)
   */
  public HeadlessChromium(List<String> extraArguments) {
    String chromium = chromiumPath();
    String chromedriver = chromedriverPath();
    String missing = describeMissing("Chromium", chromium, CHROMIUM_PROPERTY, CHROMIUM_ENV)
        + describeMissing("chromedriver", chromedriver, CHROMEDRIVER_PROPERTY, CHROMEDRIVER_ENV);
    if (!missing.isEmpty()) {
      throw new IllegalStateException(missing + "Browser tests need Chromium and the chromedriver of the same "
          + "version (nothing is downloaded). Install them (Debian/Ubuntu: sudo apt-get install -y chromium "
          + "chromium-driver) or give their paths with the system properties -D" + CHROMIUM_PROPERTY
          + "=... and -D" + CHROMEDRIVER_PROPERTY + "=..., or the environment variables " + CHROMIUM_ENV
          + " and " + CHROMEDRIVER_ENV + ".");
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(chromedriver))
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
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
    try {
      driver = new ChromeDriver(service, options);
    } catch (SessionNotCreatedException e) {
      throw new IllegalStateException("chromedriver " + chromedriver + " could not start Chromium " + chromium
          + ": they must be of the same version (compare `" + chromium + " --version` with `" + chromedriver
          + " --version`). Cause: " + e.getRawMessage(), e);
    }
  }

  /**
   * Chromium's path: the system property {@value #CHROMIUM_PROPERTY}, else the environment variable
   * {@value #CHROMIUM_ENV}, else {@value #CHROMIUM}.
   *
   * @return the path a new instance starts
   */
  public static String chromiumPath() {
    return configured(CHROMIUM_PROPERTY, CHROMIUM_ENV, CHROMIUM);
  }

  /**
   * chromedriver's path: the system property {@value #CHROMEDRIVER_PROPERTY}, else the environment
   * variable {@value #CHROMEDRIVER_ENV}, else {@value #CHROMEDRIVER}.
   *
   * @return the path a new instance starts
   */
  public static String chromedriverPath() {
    return configured(CHROMEDRIVER_PROPERTY, CHROMEDRIVER_ENV, CHROMEDRIVER);
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  private static String configured(String property, String environment, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** A sentence saying that {@code path} is not an executable and where the path came from; "" if it is. */
  private static String describeMissing(String program, String path, String property, String environment) {
    File file = new File(path);
    if (file.isFile() && file.canExecute()) {
      return "";
    }
    String origin;
    if (System.getProperty(property) != null && !System.getProperty(property).isBlank()) {
      origin = "the system property " + property;
    } else if (System.getenv(environment) != null && !System.getenv(environment).isBlank()) {
      origin = "the environment variable " + environment;
    } else {
      origin = "the default";
    }
    return program + " is not " + (file.exists() ? "an executable file" : "found") + " at " + path + " (" + origin
        + "). ";
  }

  /**
   * Opens {@code url} and waits (at most {@code timeout}) until the page sets its title to "done" or
   * "error", as {@link #open} then {@link #awaitDone} do.
   *
   * @param url the page
   * @param timeout the longest wait
   * @return the title, "done" or "error"
   * @throws PageTimeoutException if the title is neither within {@code timeout}
   */
  public String openAndAwaitDone(String url, Duration timeout) {
    open(url);
    return awaitDone(timeout);
  }

  /**
   * Waits (at most {@code timeout}) until the open page's title is "done" or "error". The wait is an
   * asynchronous script that a MutationObserver on the page's head completes, not a poll: polling the
   * title every 100 ms cost about 9% of a core (this JVM, chromedriver and the browser's main
   * threads), taken from the workers being measured when there are as many workers as cores. One
   * script waits at most a minute, below the HTTP client's read timeout for one chromedriver command
   * (180 s); a longer wait runs several. A page that reports several results in turn sets another
   * title before each step (a test may too, through {@link #eval}).
   *
   * @param timeout the longest wait
   * @return the title, "done" or "error"
   * @throws PageTimeoutException if the title is neither within {@code timeout}; the message names the
   *     page and its title
   */
  public String awaitDone(Duration timeout) {
    return (String) awaitInSlices(timeout, () -> "the page " + driver.getCurrentUrl() + " did not set its title "
        + "to 'done' or 'error' within " + timeout + " (its title: '" + titleOrUnknown() + "')",
        "const finish = arguments[arguments.length - 1];"
        + " const ended = () => document.title === 'done' || document.title === 'error';"
        + " if (ended()) { finish(document.title); return; }"
        + " const observer = new MutationObserver(() => {"
        + "   if (ended()) { observer.disconnect(); clearTimeout(timer); finish(document.title); }"
        + " });"
        + " const timer = setTimeout(() => { observer.disconnect(); finish(null); }, arguments[0]);"
        + " observer.observe(document.head || document.documentElement,"
        + "   {childList: true, subtree: true, characterData: true});");
  }

  /**
   * Runs the asynchronous {@code script} again and again, each run waiting at most one slice
   * ({@link #WAIT_SLICE}, or what is left of {@code timeout}), until one finishes with a value other
   * than null; returns that value. The script gets {@code arguments} then the slice in milliseconds,
   * and finishes with null when its slice ran out. Past {@code timeout}: a {@link PageTimeoutException}
   * with {@code timeoutMessage}.
   */
  private Object awaitInSlices(Duration timeout, java.util.function.Supplier<String> timeoutMessage, String script,
      Object... arguments) {
    long deadline = System.nanoTime() + timeout.toNanos();
    driver.manage().timeouts().scriptTimeout(WAIT_SLICE.plusSeconds(30));
    Object[] withSlice = java.util.Arrays.copyOf(arguments, arguments.length + 1);
    while (true) {
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMillis <= 0) {
        throw new PageTimeoutException(timeoutMessage.get());
      }
      withSlice[arguments.length] = Math.min(leftMillis, WAIT_SLICE.toMillis());
      Object outcome;
      try {
        outcome = ((JavascriptExecutor) driver).executeAsyncScript(script, withSlice);
      } catch (ScriptTimeoutException e) {
        outcome = null; // the page's main thread was busy for the whole slice: check the deadline, wait again
      }
      if (outcome != null) {
        return outcome;
      }
    }
  }


  /**
   * Evaluates a JavaScript expression on the open page and waits (at most {@code timeout}) for the
   * Promise it gives to settle, without polling. A value that is not a Promise is returned as it is.
   *
   * @param expression a JavaScript expression, e.g. {@code fetch('data.json').then(r => r.status)}
   * @param timeout the longest wait
   * @return the resolved value, converted as {@link #eval} converts (numbers are Long or Double,
   *     objects Maps, arrays Lists; undefined is null)
   * @throws PromiseRejectedException if the Promise is rejected or the expression throws
   * @throws PageTimeoutException if the Promise does not settle within {@code timeout}
   */
  public Object awaitPromise(String expression, Duration timeout) {
    Object index = eval("const describe = e => e !== null && typeof e === 'object' && 'message' in e"
        + "   ? (e.name || 'Error') + ': ' + e.message : String(e);"
        + " const slots = " + PROMISE_SLOTS + " || (" + PROMISE_SLOTS + " = []);"
        + " const slot = {settled: false};"
        + " let promise;"
        + " try { promise = Promise.resolve(new Function('return (' + arguments[0] + '\\n);')()); }"
        + " catch (e) { promise = Promise.reject(e); }"
        + " slot.done = promise.then(v => { slot.settled = true; slot.ok = true; slot.value = v; },"
        + "   e => { slot.settled = true; slot.ok = false; slot.reason = describe(e); });"
        + " slots.push(slot);"
        + " return slots.length - 1;", expression);
    Map<?, ?> result = (Map<?, ?>) awaitInSlices(timeout, () -> "the Promise of " + expression + " on "
        + driver.getCurrentUrl() + " did not settle within " + timeout + " (the page's title: '"
        + titleOrUnknown() + "')",
        "const finish = arguments[arguments.length - 1];"
        + " const slots = " + PROMISE_SLOTS + ";"
        + " const slot = slots && slots[arguments[0]];"
        + " if (!slot) { finish({ok: false, reason: 'the page was left or reloaded before the Promise settled'});"
        + "   return; }"
        + " const report = () => { slots[arguments[0]] = null;"
        + "   finish(slot.ok ? {ok: true, value: slot.value} : {ok: false, reason: slot.reason}); };"
        + " if (slot.settled) { report(); return; }"
        + " const timer = setTimeout(() => finish(null), arguments[1]);"
        + " slot.done.then(() => { clearTimeout(timer); report(); });",
        index);
    if (Boolean.TRUE.equals(result.get("ok"))) {
      return result.get("value");
    }
    throw new PromiseRejectedException(expression, driver.getCurrentUrl(), String.valueOf(result.get("reason")));
  }

  private String titleOrUnknown() {
    try {
      return driver.getTitle();
    } catch (WebDriverException e) {
      return "unknown: " + e.getRawMessage();
    }
  }

  /**
   * Opens {@code url} and returns once it has loaded. The console of the page opened before is
   * forgotten: {@link #consoleSinceOpen()} starts again.
   *
   * @param url the page
   */
  public void open(String url) {
    readLog();
    pageLog.clear();
    consoleRead = 0;
    driver.get(url);
  }

  /**
   * The URL of the open page.
   *
   * @return its URL
   */
  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /**
   * Chooses {@code file} in the page's file input {@code cssSelector}, as a user picking it in the file
   * dialog would: the input's change event follows.
   *
   * @param cssSelector the file input
   * @param file the file to choose
   */
  public void chooseFile(String cssSelector, Path file) {
    driver.findElement(By.cssSelector(cssSelector)).sendKeys(file.toAbsolutePath().toString());
  }

  /**
   * Clicks the element {@code cssSelector} as a user would (a trusted event: it counts as a user gesture).
   *
   * @param cssSelector the element
   */
  public void click(String cssSelector) {
    driver.findElement(By.cssSelector(cssSelector)).click();
  }

  /**
   * Runs a script body on the open page and returns what it returns.
   *
   * @param script a function body, e.g. {@code return document.title;}
   * @param arguments the script's {@code arguments[0]}, {@code arguments[1]}, ...
   * @return the value of its {@code return}: numbers as Long or Double, strings, booleans, arrays as
   *     Lists, objects as Maps, null for undefined or null
   */
  public Object eval(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /**
   * The console entries logged since the last call (or since the page was opened), each as
   * {@code LEVEL message}: SEVERE for console.error, uncaught exceptions and failed loads, WARNING,
   * INFO, DEBUG.
   *
   * @return the new entries, oldest first
   */
  public List<String> console() {
    readLog();
    List<String> lines = lines(pageLog.subList(consoleRead, pageLog.size()));
    consoleRead = pageLog.size();
    return lines;
  }

  /**
   * Every console entry since the open page was opened, each as {@code LEVEL message}, whatever
   * {@link #console()} returned meanwhile.
   *
   * @return the entries, oldest first
   */
  public List<String> consoleSinceOpen() {
    readLog();
    return lines(pageLog);
  }

  /**
   * The console's errors since the open page was opened: the messages of the SEVERE entries
   * (console.error, an uncaught exception or rejection, a resource that failed to load such as a 404).
   *
   * @return their messages, oldest first
   */
  public List<String> consoleErrorsSinceOpen() {
    readLog();
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : pageLog) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /** Moves the driver's log (which drains when read) into {@link #pageLog}. */
  private void readLog() {
    pageLog.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
  }

  private static List<String> lines(List<LogEntry> entries) {
    List<String> lines = new ArrayList<>();
    for (LogEntry entry : entries) {
      lines.add(entry.getLevel() + " " + entry.getMessage());
    }
    return lines;
  }

  /** Quits the browser and chromedriver. */
  @Override
  public void close() {
    driver.quit();
  }
}
