package org.webthreads.examples.pitch.web;

import org.teavm.jso.JSObject;
import org.webthreads.examples.pitch.NoteNames;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.web.JsObjects;

/**
 * The page's settings: from the URL's query string at load (checked, with errors naming the option and
 * its range), then changed by the page's controls.
 *
 * <ul>
 *   <li>workers: pool size, 1..64 (default: every core, {@code navigator.hardwareConcurrency});</li>
 *   <li>live: window (1024, 2048 or 4096; default 2048), algorithms ({@code mcleod}, {@code yin} or both,
 *       comma-separated; default both), a4 (300..600 Hz, default 440);</li>
 *   <li>file: algorithm ({@code mcleod}, {@code yin} or {@code track}, default track), fileWindow
 *       (256..8192, a power of two; default 2048), hop (1..8192, default 512), compare (1: time one worker
 *       too, for the speedup; 0: not), demoSeconds (1..600, default 20);</li>
 *   <li>for tests and benchmarks: autostart ({@code live}: start listening at load; {@code demo}: analyse
 *       the demo clip at load), until ({@code silence}: stop live mode once notes were heard and then
 *       0.7 s of silence), liveSeconds (stop live mode after this much audio, 1..3600).</li>
 * </ul>
 */
final class PageOptions {
  int workers;
  int liveWindow = 2048;
  boolean liveMcLeod = true;
  boolean liveYin = true;
  double a4Hz = NoteNames.DEFAULT_A4_HZ;
  PitchAlgorithm fileAlgorithm = PitchAlgorithm.DEFAULT;
  int fileWindow = 2048;
  int fileHop = 512;
  boolean compare = true;
  int demoSeconds = 20;
  String autostart = "";
  boolean untilSilence;
  int liveSeconds;

  static PageOptions parse(String query) {
    PageOptions o = new PageOptions();
    String q = query.startsWith("?") ? query.substring(1) : query;
    for (String part : q.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      o.set(name, value);
    }
    return o;
  }

  /** Sets one option by its query name; throws IllegalArgumentException naming the problem. */
  void set(String name, String value) {
    switch (name) {
      case "workers":
        workers = number(name, value, 1, 64);
        break;
      case "window":
        liveWindow = number(name, value, 1024, 4096);
        if (liveWindow != 1024 && liveWindow != 2048 && liveWindow != 4096) {
          throw new IllegalArgumentException("window must be 1024, 2048 or 4096, was " + liveWindow);
        }
        break;
      case "algorithms":
        liveMcLeod = false;
        liveYin = false;
        for (String a : value.split(",")) {
          if (a.equals("mcleod")) {
            liveMcLeod = true;
          } else if (a.equals("yin")) {
            liveYin = true;
          } else if (!a.isEmpty()) {
            throw new IllegalArgumentException("algorithms must be mcleod, yin or mcleod,yin; '" + a + "' is neither");
          }
        }
        break;
      case "mcleod":
        liveMcLeod = flag(name, value);
        break;
      case "yin":
        liveYin = flag(name, value);
        break;
      case "a4":
        try {
          a4Hz = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a4 must be a frequency in Hz, was '" + value + "'");
        }
        if (!(a4Hz >= 300 && a4Hz <= 600)) {
          throw new IllegalArgumentException("a4 must be between 300 and 600 Hz, was " + value);
        }
        break;
      case "algorithm":
        fileAlgorithm = PitchAlgorithm.parse(value);
        break;
      case "fileWindow":
        fileWindow = number(name, value, 256, 8192);
        if (Integer.bitCount(fileWindow) != 1) {
          throw new IllegalArgumentException("fileWindow must be a power of two (256 .. 8192), was " + fileWindow);
        }
        break;
      case "hop":
        fileHop = number(name, value, 1, 8192);
        break;
      case "compare":
        compare = flag(name, value);
        break;
      case "demoSeconds":
        demoSeconds = number(name, value, 1, 600);
        break;
      case "autostart":
        if (!value.equals("live") && !value.equals("demo") && !value.isEmpty()) {
          throw new IllegalArgumentException("autostart must be 'live' or 'demo', was '" + value + "'");
        }
        autostart = value;
        break;
      case "until":
        if (!value.equals("silence")) {
          throw new IllegalArgumentException("until must be 'silence', was '" + value + "'");
        }
        untilSilence = true;
        break;
      case "liveSeconds":
        liveSeconds = number(name, value, 1, 3600);
        break;
      default:
        throw new IllegalArgumentException("unknown option '" + name + "' (known: workers, window, algorithms, a4, "
            + "algorithm, fileWindow, hop, compare, demoSeconds, autostart, until, liveSeconds)");
    }
  }

  JSObject toJs() {
    JSObject o = JsObjects.newObject();
    JsObjects.set(o, "workers", workers);
    JsObjects.set(o, "window", liveWindow);
    JsObjects.set(o, "mcleod", liveMcLeod);
    JsObjects.set(o, "yin", liveYin);
    JsObjects.set(o, "a4", a4Hz);
    JsObjects.set(o, "algorithm", fileAlgorithm.cliName());
    JsObjects.set(o, "fileWindow", fileWindow);
    JsObjects.set(o, "hop", fileHop);
    JsObjects.set(o, "compare", compare);
    JsObjects.set(o, "demoSeconds", demoSeconds);
    return o;
  }

  private static boolean flag(String name, String value) {
    if (value.equals("1") || value.equals("true")) {
      return true;
    }
    if (value.equals("0") || value.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(name + " must be 1 or 0, was '" + value + "'");
  }

  private static int number(String name, String value, int min, int max) {
    int v;
    try {
      v = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + v);
    }
    return v;
  }
}
