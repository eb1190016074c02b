package org.webthreads.bench.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.webthreads.testkit.HeadlessChromium;
import org.webthreads.devserver.IsolatedFileServer;

/**
 * The path tracer page (examples/pathtracer-web) in headless Chromium, as a benchmark: frames of
 * SIZE x SIZE with PASSES samples per pixel (tiles of 32).
 *
 * <p>Scaling, in ROUNDS rounds (runs of one round follow each other within seconds, so a round's ratios
 * compare runs that met the same machine): the page with pure tile tasks over shared memory on 1, 2
 * (and all cores', when more) workers; the same with the page drawing at every animation frame
 * (draw=frames) instead of the default; and the no-coordination reference (mode=independent), where
 * every worker renders the whole frame alone, so W workers do W times the work and W times the 1-worker
 * pass time over theirs is the speedup the machine itself gives this renderer; and at tile sizes
 * 8..64, on all cores' workers, the shared-memory path beside the same renderer with every tile a JS
 * task returning its samples by postMessage (mode=postmessage).
 *
 * <p>The frame time of a run is the median time of one pass (one sample per pixel) over the second half
 * of the passes (see {@link #medianPass}). Every run's sums checksum must equal the others' (the
 * renderer is deterministic), or the runner fails. Prints one JSON object.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.webthreads.bench.web.TracerBenchRunner <webapp> [size] [passes] [rounds]}
 */
public final class TracerBenchRunner {
  private TracerBenchRunner() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/pathtracer-web/target/webapp");
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 512;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    if (size < 8 || passes < 2 || rounds < 1) {
      throw new IllegalArgumentException("size must be at least 8, passes at least 2, rounds at least 1");
    }
    StringBuilder json = new StringBuilder();
    String[] checksum = {null};
    try (IsolatedFileServer server = new IsolatedFileServer(dir, 0);
        HeadlessChromium browser = new HeadlessChromium()) {
      String common = "tracer.html?width=" + size + "&height=" + size + "&passes=" + passes + "&tile=32";
      browser.open(server.url("webthreads.js")); // any page of the origin
      int cores = ((Number) browser.eval("return navigator.hardwareConcurrency;")).intValue();
      List<Integer> counts = new ArrayList<>(List.of(1, 2));
      if (cores > 2) {
        counts.add(cores);
      }
      // [variant][worker count index][round] -> median pass millis
      String[] variants = {"shared", "drawingEveryFrame", "independent"};
      String[] queries = {"", "&draw=frames", "&mode=independent"};
      double[][][] millis = new double[variants.length][counts.size()][rounds];
      int[] tileSizes = {8, 16, 32, 64};
      // [0 shared, 1 postMessage][tile size index][round] -> median pass millis, all cores' workers
      double[][][] byTile = new double[2][tileSizes.length][rounds];
      for (int round = 0; round < rounds; round++) {
        for (int v = 0; v < variants.length; v++) {
          for (int c = 0; c < counts.size(); c++) {
            if (v == 1 && counts.get(c) == 1) {
              continue; // drawing is measured where it competes with the workers; 1 worker: shared's
            }
            Map<String, Object> r = run(browser, server, common + queries[v] + "&workers=" + counts.get(c),
                checksum);
            millis[v][c][round] = medianPass(r);
          }
        }
        for (int t = 0; t < tileSizes.length; t++) {
          String page = "tracer.html?width=" + size + "&height=" + size + "&passes=" + passes + "&tile="
              + tileSizes[t];
          byTile[0][t][round] = medianPass(run(browser, server, page, checksum));
          byTile[1][t][round] = medianPass(run(browser, server, page + "&mode=postmessage", checksum));
        }
      }
      json.append("{\"size\": ").append(size).append(", \"passes\": ").append(passes)
          .append(", \"tile\": 32, \"rounds\": ").append(rounds).append(", \"hardwareConcurrency\": ")
          .append(cores);
      for (int v = 0; v < variants.length; v++) {
        json.append(", \"").append(variants[v]).append("\": [");
        List<String> entries = new ArrayList<>();
        for (int c = 0; c < counts.size(); c++) {
          int workers = counts.get(c);
          double[] speedups = new double[rounds];
          for (int round = 0; round < rounds; round++) {
            // the same round's 1-worker run of this variant (drawing: of the default page)
            double one = millis[v == 1 ? 0 : v][0][round];
            double mine = v == 1 && workers == 1 ? one : millis[v][c][round];
            speedups[round] = (v == 2 ? workers : 1) * one / mine;
          }
          double[] times = v == 1 && workers == 1 ? millis[0][0] : millis[v][c];
          entries.add("{\"workers\": " + workers + ", \"medianPassMillis\": " + list(times)
              + ", \"speedupOver1Worker\": " + list(speedups) + ", \"medianSpeedup\": "
              + round(median(speedups.clone())) + "}");
        }
        json.append(String.join(", ", entries)).append("]");
      }
      json.append(", \"byTileSize\": [");
      List<String> entries = new ArrayList<>();
      for (int t = 0; t < tileSizes.length; t++) {
        int perSide = (size + tileSizes[t] - 1) / tileSizes[t];
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
          ratios[round] = byTile[1][t][round] / byTile[0][t][round];
        }
        entries.add("{\"tile\": " + tileSizes[t] + ", \"tilesPerPass\": " + perSide * perSide
            + ", \"workers\": " + cores + ", \"sharedMedianPassMillis\": " + list(byTile[0][t])
            + ", \"postMessageMedianPassMillis\": " + list(byTile[1][t])
            + ", \"postMessageOverShared\": " + list(ratios) + ", \"medianRatio\": "
            + round(median(ratios.clone())) + "}");
      }
      json.append(String.join(", ", entries)).append("], \"sumsChecksum\": \"").append(checksum[0])
          .append("\"}");
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
    return median(t);
  }

  private static String list(double[] values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ", ").append(round(values[i]));
    }
    return b.append("]").toString();
  }

  private static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
