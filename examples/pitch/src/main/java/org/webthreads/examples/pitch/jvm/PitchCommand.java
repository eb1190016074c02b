package org.webthreads.examples.pitch.jvm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.webthreads.PoolConfig;
import org.webthreads.ThreadPool;
import org.webthreads.examples.pitch.MonoAudio;
import org.webthreads.examples.pitch.PitchAlgorithm;
import org.webthreads.examples.pitch.PitchCsv;
import org.webthreads.examples.pitch.PitchSettings;
import org.webthreads.examples.pitch.PitchTrack;
import org.webthreads.examples.pitch.RateAdapter;
import org.webthreads.examples.pitch.WavReader;
import org.webthreads.examples.pitch.pool.PoolFileAnalysis;
import org.webthreads.jvm.JvmThreads;

/**
 * {@code ./pitch.sh [--algorithm mcleod|yin|track] [--window 2048] [--hop 512] [--workers N] FILE.wav}:
 * the pitch of a WAV file, analysed on a webthreads pool of JVM threads, as CSV on stdout
 * ({@link PitchCsv}: {@code time_s,frequency_hz,clarity,rms_dbfs}, one row per hop, the time being the
 * window's centre, frequency 0 where unvoiced).
 *
 * <p>WAV files of PCM 8/16/24/32-bit or IEEE float 32/64-bit, any number of channels (mixed down) and
 * any rate from {@value RateAdapter#MIN_INPUT_RATE} to {@value RateAdapter#MAX_INPUT_RATE} Hz (rates
 * outside 8..96 kHz are resampled by an integer factor, {@link RateAdapter}). The default algorithm is
 * {@link PitchAlgorithm#DEFAULT}; workers default to the machine's cores.
 *
 * <p>Anything else (an unknown or malformed option, a missing file, a file that is not a WAV file
 * this reader takes, audio shorter than one window) prints one line on stderr naming the problem and
 * exits with status {@value #EXIT_BAD_INPUT}.
 */
public final class PitchCommand {
  public static final int EXIT_BAD_INPUT = 2;
  public static final String USAGE = "usage: ./pitch.sh [--algorithm mcleod|yin|track] [--window 2048] "
      + "[--hop 512] [--workers N] FILE.wav";
  public static final int DEFAULT_WINDOW = 2048;
  public static final int DEFAULT_HOP = 512;
  public static final int MAX_HOP = 1 << 20;
  public static final int MAX_WORKERS = 256;

  private PitchCommand() {
  }

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command; returns the exit status (0, or {@value #EXIT_BAD_INPUT} after one line on {@code err}). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("pitch: " + e.getMessage() + " (" + USAGE + ")");
      return EXIT_BAD_INPUT;
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    MonoAudio audio;
    PitchSettings settings;
    String file = options.file.toString();
    try {
      audio = RateAdapter.toSupportedRate(read(options.file));
      settings = PitchSettings.of(audio.sampleRate(), options.window);
      if (audio.samples().length < options.window) {
        throw new IllegalArgumentException(audio.samples().length == 0 ? "the file holds no samples"
            : "its " + audio.samples().length + " samples (" + seconds(audio) + ") are shorter than one window of "
            + options.window + "; use a smaller --window");
      }
    } catch (IllegalArgumentException e) {
      err.println("pitch: " + file + ": " + e.getMessage());
      return EXIT_BAD_INPUT;
    } catch (IOException e) {
      err.println("pitch: cannot read " + file + ": " + describe(e));
      return EXIT_BAD_INPUT;
    }
    float[] samples = audio.samples();
    int frames = settings.frameCount(samples.length, options.hop);
    PitchTrack track;
    try (JvmThreads threads = JvmThreads.start(options.workers)) {
      ThreadPool pool = ThreadPool.create(threads, PoolConfig.defaults()
          .withArenaWords(PoolFileAnalysis.arenaWordsFor(samples.length, frames, options.algorithm)), threads.workerIds());
      try {
        track = PoolFileAnalysis.run(pool, samples, options.algorithm, settings, options.hop,
            PoolFileAnalysis.DEFAULT_CHUNK_WINDOWS);
      } finally {
        pool.shutdown();
      }
    }
    StringBuilder text = new StringBuilder(1 << 16);
    text.append(PitchCsv.HEADER).append('\n');
    for (int f = 0; f < track.frames(); f++) {
      PitchCsv.appendRow(text, track, f);
      if (text.length() > (1 << 16) - 64) {
        out.print(text);
        text.setLength(0);
      }
    }
    out.print(text);
    out.flush();
    return 0;
  }

  private static MonoAudio read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("it is a directory");
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      throw new IllegalArgumentException("the file is empty (0 bytes)");
    }
    return WavReader.read(bytes);
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String seconds(MonoAudio audio) {
    StringBuilder s = new StringBuilder();
    PitchCsv.appendFixed(s, audio.seconds(), 3);
    return s.append(" s").toString();
  }

  /** The parsed command line. */
  static final class Options {
    PitchAlgorithm algorithm = PitchAlgorithm.DEFAULT;
    int window = DEFAULT_WINDOW;
    int hop = DEFAULT_HOP;
    int workers = Runtime.getRuntime().availableProcessors();
    Path file;
    boolean help;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--help") || arg.equals("-h")) {
          o.help = true;
          return o;
        }
        if (!arg.startsWith("--") || arg.equals("--")) {
          if (o.file != null) {
            throw new IllegalArgumentException("one WAV file expected, got '" + o.file + "' and '" + arg + "'");
          }
          o.file = Paths.get(arg);
          continue;
        }
        String name = arg;
        String value;
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        } else {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option " + name + " needs a value");
          }
          value = args[++i];
        }
        switch (name) {
          case "--algorithm":
            o.algorithm = PitchAlgorithm.parse(value);
            break;
          case "--window":
            o.window = number(name, value, PitchSettings.MIN_WINDOW, PitchSettings.MAX_WINDOW);
            if (Integer.bitCount(o.window) != 1) {
              throw new IllegalArgumentException("--window must be a power of two (256, 512, ... 8192), was "
                  + o.window);
            }
            break;
          case "--hop":
            o.hop = number(name, value, 1, MAX_HOP);
            break;
          case "--workers":
            o.workers = number(name, value, 1, MAX_WORKERS);
            break;
          default:
            throw new IllegalArgumentException("unknown option '" + name + "' (known: --algorithm, --window, "
                + "--hop, --workers)");
        }
      }
      if (o.file == null && !o.help) {
        throw new IllegalArgumentException("no WAV file given");
      }
      return o;
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
}
