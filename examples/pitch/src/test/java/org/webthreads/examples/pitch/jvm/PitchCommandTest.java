package org.webthreads.examples.pitch.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webthreads.examples.pitch.NoteNames;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchCsv;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.PitchTrack;
import org.webthreads.examples.pitch.TestSignals;
import org.webthreads.examples.pitch.TestWavs;
import org.webthreads.examples.pitch.WavWriter;

/**
 * The command: CSV of every WAV kind the issue lists (PCM 8/16/24/32, float 32/64, several channels,
 * rates from 4 to 192 kHz) with the notes where they are, every algorithm, the default; and every kind
 * of bad input as one line on stderr with exit status 2 (in-process, and once as a real process).
 */
class PitchCommandTest {
  static final int[] NOTES = {57, 64, 69};
  static final double NOTE_SECONDS = 0.4;

  @TempDir
  Path dir;

  /** Exit status, stdout, stderr. */
  record Run(int status, String out, String err) {
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = PitchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  static float[] melody(int rate) {
    return TestSignals.noteSequence(rate, NOTES, new double[] {NOTE_SECONDS, NOTE_SECONDS, NOTE_SECONDS}, 0.5, 440);
  }

  /** Checks the CSV's shape and that each note's middle rows read that note within 5 cents. */
  static void assertMelodyCsv(String csv, int rate, int window, int hop, String what) {
    String[] lines = csv.split("\n");
    assertEquals(PitchCsv.HEADER, lines[0], what);
    if (rate >= 8000 && rate <= 96000) {
      int samples = melody(rate).length;
      assertEquals(PitchSettings.of(rate, window).frameCount(samples, hop), lines.length - 1, what + ": rows");
    }
    NoteNames names = new NoteNames();
    int[] hits = new int[NOTES.length];
    int silentZero = 0;
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      assertEquals(4, cells.length, what + ": " + lines[i]);
      double time = Double.parseDouble(cells[0]);
      double hz = Double.parseDouble(cells[1]);
      int note = (int) Math.floor(time / NOTE_SECONDS);
      double inNote = time - note * NOTE_SECONDS;
      double half = window / 2.0 / rate;
      if (note < NOTES.length && inNote > half + 0.01 && inNote < NOTE_SECONDS - half - 0.01) {
        double cents = 1200 * Math.log(hz / NoteNames.frequencyOfMidi(NOTES[note], 440)) / Math.log(2);
        assertTrue(hz > 0 && Math.abs(cents) < 5, what + ": " + lines[i] + " in note " + names.name(hz));
        hits[note]++;
      }
      if (time > NOTES.length * NOTE_SECONDS + half + 0.05) {
        assertEquals("0", cells[1], what + ": the final silence is unvoiced: " + lines[i]);
        silentZero++;
      }
    }
    for (int n = 0; n < NOTES.length; n++) {
      assertTrue(hits[n] >= 3, what + ": note " + n + " has " + hits[n] + " rows");
    }
    assertTrue(silentZero >= 3, what + ": silent rows " + silentZero);
  }

  @Test
  void everyWavKindGivesTheNotes() throws IOException {
    List<String> kinds = new ArrayList<>();
    for (int rate : new int[] {4000, 22050, 44100, 96000, 192000}) {
      float[] x = melody(rate);
      float[] quieter = x.clone();
      for (int i = 0; i < quieter.length; i++) {
        quieter[i] *= 0.5f;
      }
      Object[][] cases = {
          {"pcm8", TestWavs.mono(x, rate, TestWavs.PCM, 8)},
          {"pcm16", TestWavs.mono(x, rate, TestWavs.PCM, 16)},
          {"pcm24", TestWavs.mono(x, rate, TestWavs.PCM, 24)},
          {"pcm32", TestWavs.mono(x, rate, TestWavs.PCM, 32)},
          {"float32", TestWavs.mono(x, rate, TestWavs.FLOAT, 32)},
          {"float64", TestWavs.mono(x, rate, TestWavs.FLOAT, 64)},
          {"stereo pcm16", TestWavs.encode(new float[][] {x, quieter}, rate, TestWavs.PCM, 16, false)},
          {"5 channels extensible float32", TestWavs.encode(new float[][] {x, quieter, x, quieter, x}, rate,
              TestWavs.FLOAT, 32, true)},
      };
      for (Object[] c : cases) {
        String what = c[0] + " at " + rate + " Hz";
        Path file = write("melody.wav", (byte[]) c[1]);
        Run r = run("--algorithm", "mcleod", "--window", "1024", "--hop", "256", "--workers", "2", file.toString());
        assertEquals(0, r.status(), what + ": " + r.err());
        assertEquals("", r.err(), what);
        assertMelodyCsv(r.out(), rate, 1024, 256, what);
        kinds.add(what);
      }
    }
    assertEquals(40, kinds.size());
  }

  @Test
  void everyAlgorithmAndTheDefault() throws IOException {
    int rate = 44100;
    Path file = write("melody.wav", WavWriter.pcm16(melody(rate), rate));
    for (PitchAlgorithm algorithm : PitchAlgorithm.values()) {
      Run r = run("--algorithm", algorithm.cliName(), file.toString());
      assertEquals(0, r.status(), r.err());
      assertMelodyCsv(r.out(), rate, PitchCommand.DEFAULT_WINDOW, PitchCommand.DEFAULT_HOP, algorithm.cliName());
    }
    Run byDefault = run("--workers=1", file.toString());
    Run track = run("--algorithm=track", "--window=2048", "--hop=512", file.toString());
    assertEquals(track.out(), byDefault.out(), "the default is track, window 2048, hop 512, on any worker count");
    // The same rows as one thread analysing window after window, printed by PitchCsv.
    float[] samples = org.webthreads.examples.pitch.WavReader.read(Files.readAllBytes(file)).samples();
    assertEquals(PitchCsv.write(PitchTrack.analyse(samples, PitchAlgorithm.DEFAULT, PitchSettings.of(rate, 2048), 512)),
        byDefault.out());
  }

  @Test
  void badInputIsOneLineOnStderrAndStatusTwo() throws IOException {
    Path good = write("good.wav", WavWriter.pcm16(melody(44100), 44100));
    Path empty = write("empty.wav", new byte[0]);
    Path text = write("notes.txt", "A4 C5 E5 G5 B5 D6\n".getBytes(StandardCharsets.US_ASCII));
    byte[] adpcm = TestWavs.mono(new float[1000], 44100, TestWavs.PCM, 16);
    adpcm[20] = 2; // format tag 2: MS ADPCM
    Path compressed = write("adpcm.wav", adpcm);
    byte[] twelve = TestWavs.mono(new float[1000], 44100, TestWavs.PCM, 16);
    twelve[34] = 12;
    Path twelveBit = write("twelve.wav", twelve);
    byte[] truncated = java.util.Arrays.copyOf(Files.readAllBytes(good), 1000);
    Path cut = write("cut.wav", truncated);
    Path shortFile = write("short.wav", WavWriter.pcm16(new float[1000], 44100));
    Path noSamples = write("none.wav", WavWriter.pcm16(new float[0], 44100));
    Path slow = write("slow.wav", TestWavs.mono(new float[5000], 500, TestWavs.PCM, 16));
    String[][] cases = {
        {},
        {"--window", "3000", good.toString()},
        {"--window", "128", good.toString()},
        {"--hop", "0", good.toString()},
        {"--hop", "ten", good.toString()},
        {"--workers", "0", good.toString()},
        {"--algorithm", "fft", good.toString()},
        {"--speed", "2", good.toString()},
        {"--window"},
        {good.toString(), good.toString()},
        {dir.resolve("missing.wav").toString()},
        {dir.toString()},
        {empty.toString()},
        {text.toString()},
        {compressed.toString()},
        {twelveBit.toString()},
        {cut.toString()},
        {shortFile.toString()},
        {noSamples.toString()},
        {slow.toString()},
    };
    String[] expected = {
        "no WAV file given",
        "--window must be a power of two (256, 512, ... 8192), was 3000",
        "--window must be between 256 and 8192, was 128",
        "--hop must be between 1 and 1048576, was 0",
        "--hop must be a whole number, was 'ten'",
        "--workers must be between 1 and 256, was 0",
        "unknown algorithm 'fft': use mcleod, yin or track",
        "unknown option '--speed'",
        "option --window needs a value",
        "one WAV file expected",
        "missing.wav: no such file",
        "it is a directory",
        "empty.wav: the file is empty (0 bytes)",
        "notes.txt: not a WAV file: no RIFF header",
        "adpcm.wav: unsupported WAV format: format tag 0x0002",
        "twelve.wav: unsupported WAV format: 12-bit PCM",
        "cut.wav: truncated WAV file",
        "short.wav: its 1000 samples (0.023 s) are shorter than one window of 2048; use a smaller --window",
        "none.wav: the file holds no samples",
        "slow.wav: sample rate 500 Hz is outside what pitch analysis can use",
    };
    for (int i = 0; i < cases.length; i++) {
      Run r = run(cases[i]);
      String what = String.join(" ", cases[i]);
      assertEquals(PitchCommand.EXIT_BAD_INPUT, r.status(), what);
      assertEquals("", r.out(), what + ": nothing on stdout");
      assertTrue(r.err().startsWith("pitch: ") && r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1,
          what + ": one line: " + r.err());
      assertTrue(r.err().contains(expected[i]), what + ": " + r.err());
    }
    Run help = run("--help");
    assertEquals(0, help.status());
    assertEquals(PitchCommand.USAGE + "\n", help.out());
  }

  /** The same as a real process: the exit status reaches the shell, stdout stays clean. */
  @Test
  void asAProcessBadInputExitsWithStatusTwoAndGoodInputWithZero() throws Exception {
    Path good = write("good.wav", WavWriter.pcm16(melody(22050), 22050));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    for (String[] args : new String[][] {{good.toString()}, {dir.resolve("missing.wav").toString()}}) {
      List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, PitchCommand.class.getName()));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).start();
      byte[] out = process.getInputStream().readAllBytes();
      byte[] err = process.getErrorStream().readAllBytes();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end");
      boolean missing = args[0].endsWith("missing.wav");
      String errText = new String(err, StandardCharsets.UTF_8);
      assertEquals(missing ? PitchCommand.EXIT_BAD_INPUT : 0, process.exitValue(), errText);
      if (missing) {
        assertEquals(0, out.length);
        assertTrue(errText.matches("pitch: cannot read .*missing.wav: no such file\\R"), errText);
      } else {
        assertTrue(new String(out, StandardCharsets.UTF_8).startsWith(PitchCsv.HEADER + "\n"));
        assertEquals("", errText);
      }
    }
  }
}
