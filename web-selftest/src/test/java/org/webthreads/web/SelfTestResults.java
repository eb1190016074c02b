package org.webthreads.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

/** Reading the self-test page's results ({@code self.wtResults}: scenario -> {ok, detail}), for both browser test classes. */
final class SelfTestResults {
  private SelfTestResults() {}

  /** Asserts that {@code scenario} reported and passed; returns its detail text. */
  @SuppressWarnings("unchecked")
  static String passed(Map<String, Object> results, String scenario) {
    Map<String, Object> result = (Map<String, Object>) results.get(scenario);
    assertNotNull(result, "scenario " + scenario + " did not report; all results: " + results);
    assertEquals(Boolean.TRUE, result.get("ok"), scenario + ": " + result.get("detail"));
    return String.valueOf(result.get("detail"));
  }

  /** Asserts that {@code scenario} (e.g. "start", "load") reported a failure; returns its detail text. */
  @SuppressWarnings("unchecked")
  static String failed(Map<String, Object> results, String scenario) {
    Map<String, Object> result = (Map<String, Object>) results.get(scenario);
    assertNotNull(result, scenario + " did not fail (no result for it); all results: " + results);
    assertEquals(Boolean.FALSE, result.get("ok"), scenario + ": " + result.get("detail"));
    return String.valueOf(result.get("detail"));
  }
}
