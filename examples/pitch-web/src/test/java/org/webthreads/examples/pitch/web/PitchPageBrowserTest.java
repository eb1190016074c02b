package org.webthreads.examples.pitch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.webthreads.examples.pitch.NoteNames;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.PitchTrack;
import org.webthreads.examples.pitch.TestSignals;
import org.webthreads.examples.pitch.WavReader;
import org.webthreads.examples.pitch.WavWriter;
import org.webthreads.testkit.HeadlessChromium;
import org.webthreads.testkit.WebPage;
import org.webthreads.testkit.WebPageExtension;

/**
 * pitch.html (PitchPage compiled to WasmGC) in headless Chromium on 2 workers, with a fake microphone
 * playing a generated WAV of a known note sequence: live mode reports those notes in order, each within
 * 10 cents of its played pitch, without console errors; file mode on the same WAV gives the JVM's track;
 * bad input (an empty file, an undecodable one, a WAV neither reader takes, a denied microphone) gets a
 * clear message, and the page still analyses the demo clip afterwards. Waits are for the page's title
 * ("done" after each outcome), never timed.
 */
class PitchPageBrowserTest {
  static final int RATE = 48000;
  /** The played notes (MIDI) and how far each is detuned, in cents. */
  static final int[] NOTES = {45, 52, 57, 61, 64, 69, 76};
  static final double[] DETUNE_CENTS = {0, 12, -8, 5, -15, 3, -6};
  static final double NOTE_SECONDS = 0.5;
  static final double LEAD_SECONDS = 0.5;
  /** More than the second: Chromium repeats the file's last 10 ms once it ends. */
  static final double TAIL_SECONDS = 1.2;

  /** The generated WAV, its folder and its bytes: written before the browser starts, which plays it. */
  private static final Path DIR;
  private static final byte[] WAV_BYTES = WavWriter.pcm16(melody(), RATE);
  private static final Path WAV;

  static {
    try {
      DIR = Files.createTempDirectory("pitch-browser-test");
      WAV = Files.write(DIR.resolve("notes.wav"), WAV_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the test's WAV file", e);
    }
  }

  /** The fake microphone plays {@link #WAV}: a flag known only at run time, so the extension is built here. */
  @RegisterExtension
  static final WebPageExtension PAGES = WebPageExtension.builder()
      .chromiumArguments("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
          "--use-file-for-fake-audio-capture=" + WAV.toAbsolutePath() + "%noloop",
          "--autoplay-policy=no-user-gesture-required")
      .build();

  /** Silence, the notes (harmonic tones, 5 ms fades), silence; 16-bit PCM. */
  static float[] melody() {
    int note = TestSignals.sampleCount(RATE, NOTE_SECONDS);
    int lead = TestSignals.sampleCount(RATE, LEAD_SECONDS);
    float[] x = new float[lead + NOTES.length * note + TestSignals.sampleCount(RATE, TAIL_SECONDS)];
    int fade = TestSignals.sampleCount(RATE, 0.005);
    for (int n = 0; n < NOTES.length; n++) {
      double hz = NoteNames.frequencyOfMidi(NOTES[n], 440) * Math.pow(2, DETUNE_CENTS[n] / 1200);
      float[] tone = TestSignals.harmonicTone(RATE, hz, NOTE_SECONDS, 0.3);
      for (int i = 0; i < note; i++) {
        double gain = Math.min(1, Math.min((i + 0.5) / fade, (note - i - 0.5) / fade));
        x[lead + n * note + i] = (float) (tone[i] * gain);
      }
    }
    return x;
  }

  /** Runs {@code action} (null: none) and waits for the page's next outcome; returns it. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> next(HeadlessChromium b, Runnable action) {
    b.eval("document.title = 'running';");
    if (action != null) {
      action.run();
    }
    b.awaitDone(Duration.ofMinutes(3));
    Map<String, Object> event = (Map<String, Object>) b.eval("return self.pitchLast;");
    assertNotNull(event, "the page published nothing");
    Map<String, Object> shown = new java.util.TreeMap<>(event);
    shown.computeIfPresent("track", (k, v) -> ((List<?>) v).size() + " values");
    System.out.println("event: " + shown);
    return event;
  }

  /** Opens pitch.html with {@code query} and returns the page's first outcome. */
  private static Map<String, Object> open(WebPage page, String query) {
    page.open("pitch.html" + query).awaitDone(Duration.ofMinutes(3));
    return lastEvent(page.browser());
  }

  private static Map<String, Object> lastEvent(HeadlessChromium b) {
    @SuppressWarnings("unchecked")
    Map<String, Object> event = (Map<String, Object>) b.eval("return self.pitchLast;");
    System.out.println("event: " + event);
    assertNotNull(event);
    return event;
  }

  /** Every console error since the page was opened (each step of a test runs on the one page). */
  private static void assertNoConsoleErrors(HeadlessChromium b) {
    b.consoleSinceOpen().forEach(line -> System.out.println("console: " + line));
    assertEquals(List.of(), b.consoleErrorsSinceOpen(), "console errors");
  }

  @Test
  @SuppressWarnings("unchecked")
  void liveModeReportsThePlayedNotesInOrderWithinTenCents(WebPage page) {
    HeadlessChromium browser = page.browser();
    // until=silence: the page stops by itself once it heard notes and then 0.7 s of silence
    Map<String, Object> ready = open(page, "?workers=2&until=silence");
    assertEquals("ready", ready.get("kind"));
    Map<String, Object> live = next(browser, () -> browser.click("#start"));
    assertEquals("live", live.get("kind"), "outcome: " + live);
    List<Map<String, Object>> notes = (List<Map<String, Object>>) live.get("notes");
    List<String> heard = new ArrayList<>();
    for (Map<String, Object> n : notes) {
      heard.add(n.get("name") + " " + n.get("cents"));
    }
    assertEquals(NOTES.length, notes.size(), "heard " + heard);
    for (int i = 0; i < NOTES.length; i++) {
      assertEquals(NOTES[i], ((Number) notes.get(i).get("midi")).intValue(), "note " + i + " of " + heard);
      double cents = ((Number) notes.get(i).get("cents")).doubleValue();
      assertTrue(Math.abs(cents - DETUNE_CENTS[i]) <= 10, "note " + i + ": " + cents + " cents, played "
          + DETUNE_CENTS[i] + "; heard " + heard);
    }
    for (String algorithm : new String[] {"mcleod", "yin"}) {
      Map<String, Object> figures = (Map<String, Object>) live.get(algorithm);
      assertTrue(((Number) figures.get("analyses")).intValue() > 100, algorithm + ": " + figures);
    }
    Map<String, Object> latency = (Map<String, Object>) live.get("latency");
    assertTrue(((Number) latency.get("count")).intValue() > 200, "latencies measured: " + latency);
    assertTrue(((Number) live.get("hopMs")).doubleValue() <= 10, "hop " + live.get("hopMs") + " ms");
    assertNoConsoleErrors(browser);
  }

  /**
   * The same WAV in file mode, for the tracker and McLeod: the browser's track equals the JVM's (one
   * thread, {@link PitchTrack#analyse}) window for window: the same voicing everywhere and voiced
   * frequencies within 0.001 cents (both decode the WAV with WavReader and run the same code; only
   * Math functions may differ in their last bits between TeaVM's WebAssembly and the JVM). The
   * parallel records also equal the one-worker records bit for bit.
   */
  @Test
  @SuppressWarnings("unchecked")
  void fileModeOnTheSameWavGivesTheJvmTrack(WebPage page) {
    HeadlessChromium browser = page.browser();
    open(page, "?workers=2");
    float[] samples = WavReader.read(WAV_BYTES).samples();
    for (PitchAlgorithm algorithm : new PitchAlgorithm[] {PitchAlgorithm.TRACK, PitchAlgorithm.MCLEOD}) {
      browser.eval("const s = document.getElementById('algorithm'); s.value = '" + algorithm.cliName() + "';"
          + " s.dispatchEvent(new Event('change'));");
      Map<String, Object> file = next(browser, () -> browser.chooseFile("#file", WAV));
      assertEquals("file", file.get("kind"), "outcome: " + file);
      assertEquals(algorithm.cliName(), file.get("algorithm"));
      assertEquals(Boolean.TRUE, file.get("identicalToOneWorker"), "2 workers and one worker agree bit for bit");
      List<Number> track = (List<Number>) file.get("track");
      PitchTrack jvm = PitchTrack.analyse(samples, algorithm, PitchSettings.of(RATE, 2048), 512);
      assertEquals(jvm.frames(), track.size());
      int voiced = 0;
      double worst = 0;
      for (int f = 0; f < jvm.frames(); f++) {
        double browserHz = track.get(f).doubleValue();
        double jvmHz = jvm.frequencyHz(f);
        assertEquals(jvmHz > 0, browserHz > 0, algorithm + " window " + f + ": JVM " + jvmHz + " Hz, browser "
            + browserHz + " Hz");
        if (jvmHz > 0) {
          voiced++;
          worst = Math.max(worst, Math.abs(1200 * Math.log(browserHz / jvmHz) / Math.log(2)));
        }
      }
      System.out.printf("%s: %d windows, %d voiced, largest difference %.6f cents%n", algorithm.cliName(),
          jvm.frames(), voiced, worst);
      assertTrue(voiced > NOTES.length * 20, "voiced windows " + voiced);
      assertTrue(worst <= 0.001, "largest difference " + worst + " cents");
    }
    assertNoConsoleErrors(browser);
  }

  /**
   * An empty file, bytes no decoder takes, and a WAV neither WavReader nor the browser reads: each gets
   * its own clear message on the page; then the demo clip is analysed as usual.
   */
  @Test
  @SuppressWarnings("unchecked")
  void badFilesGetAClearMessageAndThePageStillWorks(WebPage page) throws IOException {
    HeadlessChromium browser = page.browser();
    open(page, "?workers=2&demoSeconds=3");
    Path empty = Files.write(DIR.resolve("empty.wav"), new byte[0]);
    byte[] junk = new byte[5000];
    new java.util.Random(1).nextBytes(junk);
    Path noise = Files.write(DIR.resolve("noise.mp3"), junk);
    byte[] adpcm = WavWriter.pcm16(new float[4000], RATE);
    adpcm[20] = 0x55; // format tag 0x0055 (MPEG layer 3 in WAV) with PCM data: nobody can decode it
    Path wrong = Files.write(DIR.resolve("wrong.wav"), adpcm);
    String[][] cases = {
        {empty.toString(), "The file 'empty.wav' is empty (0 bytes): choose an audio file"},
        {noise.toString(), "Could not decode 'noise.mp3': EncodingError: Unable to decode audio data. The browser "
            + "reads WAV, MP3"},
        {wrong.toString(), "(read as WAV: unsupported WAV format: format tag 0x0055 (only PCM 0x0001 and IEEE "
            + "float 0x0003))"},
    };
    for (String[] c : cases) {
      Map<String, Object> outcome = next(browser, () -> browser.chooseFile("#file", Path.of(c[0])));
      assertEquals("fileError", outcome.get("kind"), c[0] + ": " + outcome);
      String shown = (String) browser.eval("return document.getElementById('message').textContent;");
      assertEquals(outcome.get("error"), shown);
      assertTrue(shown.contains(c[1]), shown);
    }
    Map<String, Object> demo = next(browser, () -> browser.click("#demo"));
    assertEquals("file", demo.get("kind"), "after the bad files: " + demo);
    assertTrue(((Number) demo.get("frames")).intValue() > 200);
    assertEquals("", browser.eval("return document.getElementById('message').textContent;"));
    // decodeAudioData's own rejections are logged by nobody: no console errors either
    assertNoConsoleErrors(browser);
  }

  /**
   * A denied microphone: a clear message, live mode can be tried again, file mode works. This needs a
   * browser with other flags than the class's: its own, on the class's server.
   */
  @Test
  void aDeniedMicrophoneGetsAClearMessageAndThePageStillWorks(WebPage page) {
    try (HeadlessChromium denying = new HeadlessChromium(List.of("--use-fake-device-for-media-stream",
        "--deny-permission-prompts"))) {
      denying.openAndAwaitDone(page.url("pitch.html?workers=2&demoSeconds=3"), Duration.ofMinutes(3));
      lastEvent(denying);
      Map<String, Object> outcome = next(denying, () -> denying.click("#start"));
      assertEquals("liveError", outcome.get("kind"));
      assertEquals("The microphone was not allowed for this page. Allow it (the microphone icon in the address bar) "
          + "and press Start again, or analyse a file below.", outcome.get("error"));
      assertEquals(outcome.get("error"), denying.eval("return document.getElementById('message').textContent;"));
      assertEquals(Boolean.FALSE, denying.eval("return document.getElementById('start').disabled;"));
      Map<String, Object> demo = next(denying, () -> denying.click("#demo"));
      assertEquals("file", demo.get("kind"), "after the denied microphone: " + demo);
      assertNoConsoleErrors(denying);
    }
  }
}
