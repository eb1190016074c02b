package org.webthreads.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.webthreads.devserver.IsolatedFileServer;
import org.webthreads.testkit.HeadlessChromium;
import org.webthreads.testkit.WebPage;
import org.webthreads.testkit.WebPageExtension;
import org.webthreads.testkit.WebPageTest;

/**
 * The web runtime in headless Chromium: loads selftest.html (BrowserSelfTest compiled to WasmGC) with
 * 2 workers, lets it run its scenarios, and asserts each one's outcome; then loads it in the ways
 * that must fail (no isolation headers, a worker whose wasm is missing, a worker whose main throws).
 */
@WebPageTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserRuntimeTest {
  /** The self-test's pages, in the class's one browser (a constructor parameter: the class has one instance). */
  private final WebPage page;
  private Map<String, Object> results;
  private Map<String, Object> workerLossResults;

  BrowserRuntimeTest(WebPage page) {
    this.page = page;
  }

  @BeforeAll
  void runSelfTest() {
    results = load("selftest.html?workers=2&tasks=1000000");
  }

  private Map<String, Object> load(String path) {
    return read(path, () -> page.open(path));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String path, Runnable open) {
    try {
      open.run();
      page.awaitDone(Duration.ofMinutes(5));
    } finally {
      page.browser().console().forEach(line -> System.out.println("console: " + line));
    }
    Map<String, Object> map = (Map<String, Object>) page.eval("return self.wtResults;");
    System.out.println(path + " -> " + map);
    return map;
  }

  private String passed(String scenario) {
    return SelfTestResults.passed(results, scenario);
  }

  /** The worker-loss scenarios, on their own page with 4 workers (loaded by the first test that needs them). */
  private String passedWorkerLoss(String scenario) {
    if (workerLossResults == null) {
      workerLossResults = Map.of(); // one attempt: if the load fails, the other tests fail at once
      workerLossResults = load("selftest.html?workers=4&group=workerLoss");
    }
    return SelfTestResults.passed(workerLossResults, scenario);
  }


  @Test
  void workerIdsAreOneToN() {
    assertEquals("[1, 2]", passed("ids"));
  }

  @Test
  void idZeroIsRejected() {
    passed("idZeroRejected");
  }

  @Test
  void poolIsCreatedOnWorkers() {
    passed("createPool");
  }

  @Test
  void millionTasksRunExactlyOnceWithSpawningOverflowAndStealing() {
    String detail = passed("exactlyOnce");
    assertTrue(detail.startsWith("1000000 tasks"), detail);
  }

  @Test
  void sharedFloatArrayViewIsTheSameMemoryForJavaJavaScriptAndWorkers() {
    String detail = passed("sharedArrayViews");
    assertTrue(detail.contains("after the task: shared 6 1.5 -0.25 3.25 6.5 0 0"), detail);
  }

  /** A queued task the page cancels never runs; running ones see it and their joins throw at once. */
  @Test
  void cancelFromThePage() {
    String detail = passed("cancelFromThePage");
    assertTrue(detail.contains("body ran 0 times"), detail);
  }

  /** A Promise with a timeout rejects with TaskTimeoutException and cancels the task. */
  @Test
  void promiseTimeoutCancelsTheTask() {
    String detail = passed("timeoutCancels");
    assertTrue(detail.contains("TaskTimeoutException") && detail.contains("in time: 144"), detail);
  }

  @Test
  void everySharedArrayTypesViewShowsJavasWritesOnThePageAndInAWorker() {
    String detail = passed("typedArrayViews");
    assertTrue(detail.contains("page saw int32 7 -8 9 | float32 1.5 -0.25 0 | float64 1.5 -0.25 1e+300 | "
        + "bigint64 -1 -9223372036854775808 1099511627783 | uint8 0 1 127 128 255 85 0 | aligned shared"), detail);
    assertTrue(detail.contains("; worker "), detail);
    assertTrue(detail.contains("Java read after the worker: 77 4.0 -1.5 1099511627779 9 85"), detail);
  }

  @Test
  void aGroupFromThePageCallsBackOnceWhenEveryTaskRan() {
    String detail = passed("groupFromPage");
    assertTrue(detail.startsWith("2000 tasks from the page, 0 not run exactly once, completed 2000, 1 callback(s)"),
        detail);
  }

  @Test
  void aFailingGroupRejectsWithTheFirstFailureAndTheCounts() {
    String detail = passed("groupFailure");
    assertTrue(detail.contains("java.lang.IllegalStateException: task 10 fails"), detail);
  }

  @Test
  void forRangeRunsOnAWorkerAndMapReduceFromThePage() {
    String detail = passed("forRangeFromWorker");
    assertTrue(detail.contains("256 sub-ranges, 0 not run exactly once; mapReduce sum over [0, 1000000) = "
        + "499999500000"), detail);
  }

  @Test
  void progressListenerIsCalledOncePerFrameAtMostAndLastSeesDoneEqualTotal() {
    String detail = passed("progressCallbacks");
    assertTrue(detail.contains("last 1000 of 1000"), detail);
  }

  @Test
  void poolStatisticsFromThePageCountEveryTaskOnce() {
    String detail = passed("poolStatistics");
    assertTrue(detail.startsWith("expected 13220 tasks run"), detail);
  }

  @Test
  void typedKindsWithARecordCodecRunFromThePageAndFromWorkers() {
    String detail = passed("typedKinds");
    assertTrue(detail.contains("sum 49995000, fib(18) 2584"), detail);
    assertTrue(detail.contains("argument 1 (codec Point"), detail);
  }

  @Test
  void nestedForkJoin() {
    passed("nestedJoin");
  }

  @Test
  void completionAsPromises() {
    passed("promises");
  }

  @Test
  void futuresComposeAndFailuresCarryTheirStackText() {
    String detail = passed("futures");
    assertTrue(detail.contains("stack text: java.lang.IllegalStateException: stack text\\n"), detail);
  }

  @Test
  void deepJoinChainStaysWithinTheWorkerStack() {
    assertTrue(passed("deepJoinChain").contains("= 300"));
  }

  @Test
  void blockingJoinOnTheMainThreadIsAnImmediateError() {
    passed("blockingJoinOnMainIsAnError");
  }

  @Test
  void exceptionsReachTheCaller() {
    passed("exceptionReachesCaller");
    passed("jsTaskErrorReachesSender");
  }

  @Test
  void aStackOverflowFailsTheTasksOnThatStackAndTheWorkerServesOn() {
    passed("stackOverflowFailsTheTasksOnTheStack");
  }

  /** A group task unwound by a stack overflow leaves its group (failed), so the group ends. */
  @Test
  void aGroupTaskOnAnUnwoundStackStillEndsItsGroup() {
    passed("groupTaskOnAnUnwoundStack");
  }

  @Test
  void unknownTaskKinds() {
    assertTrue(passed("unknownTaskKind").contains("unknown task kind id"), results.get("unknownTaskKind").toString());
    passed("unknownJsTaskKind");
  }

  @Test
  void jsTaskInterruptsABusyWorkerAndTheLoopResumes() {
    passed("jsTaskInterruptsBusyWorker");
  }

  @Test
  void jsTasksFromWorkers() {
    passed("jsTaskFromWorkerToPageAndWorker");
  }

  @Test
  void uncloneablePayloadIsRejectedAndTheWorkerResumes() {
    passed("uncloneablePayload");
  }

  @Test
  void fullArenaIsAClearErrorAndLosesNothing() {
    assertTrue(passed("fullArena").contains("arena"));
  }

  @Test
  void pageWaitsForAFreeSlotWithoutBlocking() {
    assertTrue(passed("pageWaitsForAFreeSlot").contains("all 64 task slots"));
  }

  @Test
  void shutdownFinishesQueuedWorkAndRejectsNewWork() {
    assertTrue(passed("shutdown").contains("was shut down"));
  }

  @Test
  void shutdownNowCancelsAndANewPoolUsesTheSameWorkers() {
    passed("shutdownNowAndNewPool");
  }

  @Test
  void terminatedWorkerFailsItsPendingJsTasks() {
    passed("workerTerminationFailsItsJsTasks");
  }

  @Test
  void aTerminatedWorkersRunningTaskFailsAndItsPoolServesOn() {
    passedWorkerLoss("lostWorkerFailsItsTaskAndThePoolServesOn");
  }

  @Test
  void losingAPoolsLastWorkerFailsItsTasksAndStopsThePool() {
    passedWorkerLoss("losingThePoolsLastWorkerStopsThePool");
  }

  @Test
  void aWorkerFailingOutsideItsLoopIsStoppedAndItsPoolRepaired() {
    passedWorkerLoss("workerFailingOutsideItsLoopIsStoppedAndItsPoolRepaired");
  }

  /** An exception in the ready callback reaches the error callback (and so the page), text intact. */
  @Test
  void anExceptionInTheReadyCallbackReachesOnError() {
    Map<String, Object> map = load("selftest.html?workers=2&readyThrows=1");
    String detail = SelfTestResults.passed(map, "readyError");
    assertEquals("java.lang.IllegalStateException: self-test: the ready callback throws as the page asked",
        detail);
  }

  /** When the error callback throws as well, the page's webthreads.onError hook gets both texts. */
  @Test
  void anErrorCallbackThatThrowsStillReachesThePage() {
    Map<String, Object> map = load("selftest.html?workers=2&readyThrows=2");
    String detail = SelfTestResults.passed(map, "pageError");
    assertTrue(detail.startsWith("java.lang.IllegalStateException | webthreads: the ready callback of "
        + "WebThreads.start threw java.lang.IllegalStateException: self-test: the ready callback throws "
        + "as the page asked"), detail);
    assertTrue(detail.endsWith("the error callback of WebThreads.start threw too: "
        + "java.lang.IllegalStateException: self-test: the error callback throws too"), detail);
  }

  /**
   * A WebFutures callback, a JS task's reply callback and a WebProgress listener that throw: each error
   * reaches the error callback of WebThreads.start (before, they ended as uncaught errors in the console
   * only).
   */
  @Test
  void exceptionsInLaterCallbacksReachOnError() {
    Map<String, Object> map = load("selftest.html?workers=2&callbackThrows=1");
    String detail = SelfTestResults.passed(map, "callbackErrors");
    assertTrue(detail.contains("java.lang.IllegalStateException: self-test: a whenDone callback throws, after "
        + "fib = 55"), detail);
    assertTrue(detail.contains("java.lang.IllegalArgumentException: self-test: a JS task's reply callback "
        + "throws"), detail);
    assertTrue(detail.contains("java.lang.IllegalStateException: self-test: a WebProgress listener throws at 1 "
        + "of 1"), detail);
  }

  @Test
  void pageWithoutIsolationHeadersNamesThem() {
    String error = startErrorIn(read("selftest.html without isolation",
        () -> page.openWithoutIsolation("selftest.html")));
    assertTrue(error.contains("Cross-Origin-Opener-Policy: same-origin"), error);
    assertTrue(error.contains("Cross-Origin-Embedder-Policy: require-corp"), error);
    assertTrue(error.contains("SharedArrayBuffer"), error);
  }

  @Test
  void workerLoadFailureNamesTheWorker() {
    String error = startError("selftest.html?workers=2&brokenWorker=2");
    assertTrue(error.startsWith("worker 2 failed (loading "), error);
    assertTrue(error.contains("missing.wasm"), error);
  }

  @Test
  void workerMainThrowingNamesTheWorkerAndCause() {
    String error = startError("selftest.html?workers=2&throwInWorker=1");
    assertTrue(error.startsWith("worker 1 failed (running main())"), error);
    assertTrue(error.contains("throws from main as the page asked"), error);
  }

  @Test
  void aMissingWorkerScriptNamesItsUrlAndStatus() {
    String error = startError("selftest.html?workers=2&worker=missing-worker.js");
    assertTrue(error.contains("missing-worker.js") && error.contains("HTTP 404"), error);
  }

  /** Isolation headers on the page but not on the worker script: the header is named. */
  @Test
  void aWorkerScriptWithoutTheIsolationHeadersNamesTheHeader() {
    String error = startError("selftest.html?workers=2&worker="
        + IsolatedFileServer.NO_ISOLATION_PREFIX + "worker.js");
    assertTrue(error.contains("worker.js") && error.contains("Cross-Origin-Embedder-Policy: require-corp"),
        error);
  }

  @Test
  void aMissingProgramNamesItsUrlAndStatus() {
    String error = loadError("selftest.html?workers=2&wasm=missing-program.wasm");
    assertTrue(error.contains("missing-program.wasm") && error.contains("HTTP 404"), error);
  }

  @Test
  void aPageWithoutTeaVmsRuntimeSaysSo() {
    String error = loadError("no-runtime.html?workers=2");
    assertTrue(error.contains("TeaVM's runtime is not loaded") && error.contains("teavm-runtime.js"), error);
  }

  @Test
  void aPageOpenedFromAFileSaysToUseHttp() throws Exception {
    Path file = Path.of(System.getProperty(WebPageExtension.FOLDER_PROPERTY, WebPageExtension.DEFAULT_FOLDER))
        .resolve("selftest.html").toAbsolutePath();
    HeadlessChromium browser = page.browser();
    browser.openAndAwaitDone(file.toUri().toString(), Duration.ofMinutes(1));
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) browser.eval("return self.wtResults;");
    String error = loadErrorIn(map);
    assertTrue(error.contains("file://") && error.contains("http(s)"), error);
  }

  private String loadError(String page) {
    return loadErrorIn(load(page));
  }

  private static String loadErrorIn(Map<String, Object> map) {
    return SelfTestResults.failed(map, "load");
  }

  private String startError(String path) {
    return startErrorIn(load(path));
  }

  private static String startErrorIn(Map<String, Object> map) {
    return SelfTestResults.failed(map, "start");
  }
}
