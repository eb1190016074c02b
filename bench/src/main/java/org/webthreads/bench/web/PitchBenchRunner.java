package org.webthreads.bench.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.webthreads.examples.pitch.TestSignals;
import org.webthreads.examples.pitch.WavWriter;
import org.webthreads.testkit.HeadlessChromium;
import org.webthreads.devserver.IsolatedFileServer;

/**
 * The pitch detector's benchmark in one headless Chromium session (bench/run-pitch-bench.sh), JSON on
 * stdout:
 * <ol>
 *   <li>{@code libraries}: js-pitch/pitch-bench.html, our estimators on one worker beside pitchy,
 *       pitchfinder and aubiojs on the same frames (accuracy, false voicing, microseconds per frame);</li>
 *   <li>{@code fileMode}: pitch.html's file mode on the generated demo clip of {@code fileSeconds}, on a
 *       page with 1 worker and one with 2, {@code rounds} analyses each (the page was warmed up
 *       before): windows per second per round and their medians, and the speedup of 2 workers over 1;
 *       each round also times the same windows as one task on one worker of the same page;</li>
 *   <li>{@code live}: pitch.html's live mode on 2 workers for {@code liveSeconds} of fake microphone
 *       input (a generated WAV of notes: Chromium plays it as the microphone).</li>
 * </ol>
 * {@code java ... PitchBenchRunner <folder> [liveSeconds 60] [fileSeconds 60] [rounds 3]}
 */
public final class PitchBenchRunner {
  private PitchBenchRunner() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: PitchBenchRunner <folder> [liveSeconds] [fileSeconds] [rounds]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    int liveSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int fileSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path wav = Files.createTempFile("pitch-bench-live", ".wav");
    Files.write(wav, WavWriter.pcm16(liveInput(liveSeconds), 48000));
    StringBuilder out = new StringBuilder("{");
    boolean failed = false;
    try (IsolatedFileServer server = new IsolatedFileServer(folder, 0);
        HeadlessChromium browser = new HeadlessChromium(List.of("--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream", "--use-file-for-fake-audio-capture=" + wav + "%noloop",
            "--autoplay-policy=no-user-gesture-required"))) {
      System.err.println("libraries: js-pitch/pitch-bench.html");
      String title = browser.openAndAwaitDone(server.url("js-pitch/pitch-bench.html"), Duration.ofMinutes(20));
      log(browser, "libraries");
      Object libraries = browser.eval("return JSON.stringify(self.pitchBenchResult);");
      failed |= !"done".equals(title) || String.valueOf(libraries).startsWith("{\"error\"");
      out.append("\"libraries\":").append(libraries);

      out.append(",\"fileMode\":{\"seconds\":").append(fileSeconds).append(",\"rounds\":").append(rounds);
      double[] medians = new double[3];
      for (int workers = 1; workers <= 2; workers++) {
        System.err.println("file mode on " + workers + " worker(s)");
        browser.openAndAwaitDone(server.url("pitch.html?workers=" + workers + "&demoSeconds=" + fileSeconds),
            Duration.ofMinutes(5));
        log(browser, "file");
        double[] perSecond = new double[rounds];
        double[] speedups = new double[rounds];
        List<String> runs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          browser.eval("document.title = 'running';");
          browser.click("#demo");
          browser.awaitDone(Duration.ofMinutes(10));
          log(browser, "file");
          @SuppressWarnings("unchecked")
          Map<String, Object> event = (Map<String, Object>) browser.eval(
              "const e = Object.assign({}, self.pitchLast); delete e.track; return e;");
          if (!"file".equals(event.get("kind"))) {
            throw new IllegalStateException("file mode on " + workers + " workers: " + event);
          }
          perSecond[r] = ((Number) event.get("windowsPerSecond")).doubleValue();
          speedups[r] = ((Number) event.get("speedup")).doubleValue();
          runs.add(String.valueOf(browser.eval(
              "const e = Object.assign({}, self.pitchLast); delete e.track; return JSON.stringify(e);")));
        }
        medians[workers] = median(perSecond);
        out.append(",\"workers").append(workers).append("\":{\"windowsPerSecondMedian\":").append(medians[workers])
            .append(",\"windowsPerSecond\":").append(Arrays.toString(perSecond))
            .append(",\"inPageSpeedupOverOneTaskMedian\":").append(median(speedups))
            .append(",\"runs\":[").append(String.join(",", runs)).append("]}");
      }
      out.append(",\"speedupTwoWorkersOverOne\":").append(Math.round(medians[2] / medians[1] * 1000) / 1000.0)
          .append('}');

      System.err.println("live mode on 2 workers for " + liveSeconds + " s of fake microphone input");
      browser.openAndAwaitDone(server.url("pitch.html?workers=2&liveSeconds=" + liveSeconds), Duration.ofMinutes(5));
      browser.eval("document.title = 'running';");
      browser.click("#start");
      browser.awaitDone(Duration.ofSeconds(liveSeconds + 120L));
      log(browser, "live");
      Object live = browser.eval("const e = Object.assign({}, self.pitchLast); e.notesHeard = (e.notes || []).length;"
          + " delete e.notes; return JSON.stringify(e);");
      failed |= !String.valueOf(live).contains("\"kind\":\"live\"");
      out.append(",\"live\":").append(live);
    } finally {
      Files.deleteIfExists(wav);
    }
    System.out.println(out.append('}'));
    if (failed) {
      System.exit(1);
    }
  }

  /** Half a second of silence, notes of 0.5 s (a scale up and down over three octaves) for the given time, then 1.2 s of silence. */
  static float[] liveInput(int seconds) {
    int count = seconds * 2;
    int[] scale = {45, 47, 49, 50, 52, 54, 56, 57, 59, 61, 62, 64, 66, 68, 69, 71, 73, 74, 76, 78, 80, 81};
    int[] notes = new int[count + 1];
    double[] durations = new double[count + 1];
    notes[0] = -1;
    durations[0] = 0.5;
    for (int i = 0; i < count; i++) {
      int cycle = i % (2 * scale.length - 2);
      notes[i + 1] = scale[cycle < scale.length ? cycle : 2 * scale.length - 2 - cycle];
      durations[i + 1] = 0.5;
    }
    float[] x = TestSignals.noteSequence(48000, notes, durations, 0.3, 440);
    return Arrays.copyOf(x, x.length + TestSignals.sampleCount(48000, 0.2)); // 1.2 s of silence at the end
  }

  private static void log(HeadlessChromium browser, String label) {
    for (String line : browser.console()) {
      System.err.println("console (" + label + "): " + line);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
