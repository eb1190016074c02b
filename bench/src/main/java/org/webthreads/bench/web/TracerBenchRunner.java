package org.webthreads.bench.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.webthreads.web.HeadlessChromium;
import org.webthreads.web.server.IsolatedFileServer;

/**
 * The path tracer page (examples/pathtracer-web) in headless Chromium, as a benchmark: frames of
 * SIZE x SIZE with PASSES samples per pixel, first with pure tile tasks over shared memory on 1, 2 and
 * all cores' workers (tile 32), then with every tile a JS task returning its samples by postMessage
 * (all cores, tiles of 8, 16, 32, 64) next to the shared-memory path at the same tile sizes.
 *
 * <p>The frame time of a run is the median time of one pass (one sample per pixel) over passes 2..P
 * (pass 1 includes the wasm tier-up), plus the total. Every run's sums checksum must equal the others'
 * (the renderer is deterministic), or the runner fails. Prints one JSON object.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.webthreads.bench.web.TracerBenchRunner <webapp> [size] [passes]}
 */
public final class TracerBenchRunner {
  private TracerBenchRunner() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/pathtracer-web/target/webapp");
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 512;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    if (size < 8 || passes < 2) {
      throw new IllegalArgumentException("size must be at least 8 and passes at least 2");
    }
    StringBuilder json = new StringBuilder();
    String[] checksum = {null};
    try (IsolatedFileServer server = new IsolatedFileServer(dir, 0);
        HeadlessChromium browser = new HeadlessChromium()) {
      String common = "width=" + size + "&height=" + size + "&passes=" + passes;
      Object cores = null;
      json.append("{\"size\": ").append(size).append(", \"passes\": ").append(passes);
      json.append(", \"shared\": [");
      double oneWorker = 0;
      List<String> runs = new ArrayList<>();
      for (String workers : new String[] {"1", "2", ""}) {
        Map<String, Object> r = run(browser, server, "tracer.html?" + common + "&tile=32"
            + (workers.isEmpty() ? "" : "&workers=" + workers), checksum);
        double frame = medianPass(r);
        if (workers.equals("1")) {
          oneWorker = frame;
        }
        cores = r.get("workers");
        runs.add(entry(r, frame) + ", \"speedupOver1Worker\": " + round(oneWorker / frame) + "}");
      }
      json.append(String.join(", ", runs)).append("], \"hardwareConcurrency\": ").append(cores);
      // The same 1 and 2 workers with the page drawing once per pass instead of at every animation
      // frame: how much of the 2-worker time the page's drawing (and the browser's compositing of the
      // canvas) takes from the workers on a machine with as many cores as workers.
      json.append(", \"sharedDrawingOncePerPass\": [");
      runs.clear();
      for (String workers : new String[] {"1", "2"}) {
        Map<String, Object> r = run(browser, server, "tracer.html?" + common + "&tile=32&draw=pass&workers="
            + workers, checksum);
        double frame = medianPass(r);
        if (workers.equals("1")) {
          oneWorker = frame;
        }
        runs.add(entry(r, frame) + ", \"speedupOver1Worker\": " + round(oneWorker / frame) + "}");
      }
      json.append(String.join(", ", runs)).append("]");
      json.append(", \"byTileSize\": [");
      runs.clear();
      for (int tile : new int[] {8, 16, 32, 64}) {
        Map<String, Object> shared = run(browser, server, "tracer.html?" + common + "&tile=" + tile, checksum);
        Map<String, Object> messages = run(browser, server, "tracer.html?" + common + "&tile=" + tile
            + "&mode=postmessage", checksum);
        double s = medianPass(shared);
        double m = medianPass(messages);
        runs.add("{\"tile\": " + tile + ", \"tilesPerPass\": " + shared.get("tilesPerPass")
            + ", \"shared\": " + entry(shared, s) + "}, \"postMessage\": " + entry(messages, m)
            + "}, \"postMessageOverShared\": " + round(m / s) + "}");
      }
      json.append(String.join(", ", runs)).append("], \"sumsChecksum\": \"").append(checksum[0]).append("\"}");
    }
    System.out.println(json);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> run(HeadlessChromium browser, IsolatedFileServer server, String page,
      String[] checksum) {
    System.err.println("running " + page);
    browser.openAndAwaitDone(server.url(page), Duration.ofMinutes(20));
    for (String line : browser.console()) {
      System.err.println("console: " + line);
    }
    Map<String, Object> r = (Map<String, Object>) browser.eval("return self.tracerResult;");
    if (r == null || r.get("error") != null) {
      throw new IllegalStateException(page + " failed: " + (r == null ? "no result" : r.get("error")));
    }
    String sums = (String) r.get("sumsChecksum");
    if (checksum[0] == null) {
      checksum[0] = sums;
    } else if (!checksum[0].equals(sums)) {
      throw new IllegalStateException(page + " rendered different sums: " + sums + " vs " + checksum[0]);
    }
    return r;
  }

  /**
   * The median of the second half of the passes: the first ones run while V8 still compiles the
   * workers' code on background threads, which on a machine with as many cores as workers takes time
   * from two workers but not from one (measured: 2-worker passes went from 111 to 89 ms over 12
   * passes while 1-worker passes stayed at 155-160 ms after the first).
   */
  @SuppressWarnings("unchecked")
  private static double medianPass(Map<String, Object> r) {
    List<Number> times = (List<Number>) r.get("passMillis");
    int from = times.size() / 2;
    double[] t = new double[times.size() - from];
    for (int i = from; i < times.size(); i++) {
      t[i - from] = times.get(i).doubleValue();
    }
    Arrays.sort(t);
    return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
  }

  private static String entry(Map<String, Object> r, double frame) {
    double pixels = ((Number) r.get("width")).doubleValue() * ((Number) r.get("height")).doubleValue();
    return "{\"workers\": " + r.get("workers") + ", \"medianPassMillis\": " + round(frame)
        + ", \"samplesPerSec\": " + Math.round(pixels / frame * 1000)
        + ", \"totalMillis\": " + r.get("totalMillis") + ", \"tilesPerWorker\": " + r.get("tilesPerWorker");
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
