package org.webthreads.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads JMH's JSON result file and the idle harness's JSON and prints one JSON summary: tasks per
 * second of each benchmark, the webthreads / ForkJoinPool ratios, the idle CPU figure and whether the
 * targets are met (fork/join throughput at least half of ForkJoinPool's; an idle pool under 1% of a
 * core).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.webthreads.bench.BenchSummary jmh.json
 * idle.json ["jmh options, for the record"]}.
 */
public final class BenchSummary {
  private static final String PACKAGE = "org.webthreads.bench.";

  private BenchSummary() {
  }

  /** One JMH result: benchmark method, parameters and score (ops/s) with its error. */
  private static final class Result {
    final String benchmark;
    final Map<String, Object> params;
    final double score;
    final double error;
    final String unit;

    Result(String benchmark, Map<String, Object> params, double score, double error, String unit) {
      this.benchmark = benchmark;
      this.params = params;
      this.score = score;
      this.error = error;
      this.unit = unit;
    }

    int intParam(String name) {
      Object value = params.get(name);
      return value == null ? -1 : Integer.parseInt(value.toString());
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: BenchSummary jmh.json idle.json [jmh options]");
      System.exit(2);
    }
    List<Result> results = readJmh(Path.of(args[0]));
    Path idlePath = Path.of(args[1]);
    String idle = Files.exists(idlePath)
        ? Files.readString(idlePath, StandardCharsets.UTF_8).trim() : "null";
    @SuppressWarnings("unchecked")
    Map<String, Object> idleMap = "null".equals(idle) ? null : (Map<String, Object>) MiniJson.parse(idle);

    TreeSet<Integer> threadCounts = new TreeSet<>();
    for (Result r : results) {
      threadCounts.add(r.intParam("threads"));
    }
    List<String> runs = new ArrayList<>();
    Double fibRatio = null;
    for (int threads : threadCounts) {
      StringBuilder run = new StringBuilder();
      fibRatio = appendRun(run, results, threads, fibRatio);
      runs.add(run.toString());
    }

    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"machine\": {\"availableProcessors\": ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(", \"java\": ").append(quote(System.getProperty("java.version")))
        .append(", \"note\": \"preliminary: other processes may share the cores\"},\n");
    if (args.length > 2) {
      out.append("  \"jmhOptions\": ").append(quote(args[2])).append(",\n");
    }
    if (runs.size() == 1) {
      out.append(runs.get(0)).append(",\n");
    } else {
      out.append("  \"runs\": [\n");
      for (int i = 0; i < runs.size(); i++) {
        out.append("  {\n").append(runs.get(i).replace("\n", "\n  ")).append("\n  }")
            .append(i + 1 < runs.size() ? ",\n" : "\n");
      }
      out.append("  ],\n");
    }
    out.append("  \"idle\": ").append(idle).append(",\n");
    Double idlePercent = idleMap == null ? null
        : ((Number) idleMap.get("idleCpuPercentOfOneCore")).doubleValue();
    out.append("  \"targets\": {\"fibAtLeastHalfOfForkJoinPool\": ")
        .append(fibRatio == null ? "null" : String.valueOf(fibRatio >= 0.5))
        .append(", \"idleUnderOnePercentOfOneCore\": ")
        .append(idlePercent == null ? "null" : String.valueOf(idlePercent < 1.0))
        .append("}\n}");
    System.out.println(out);
  }

  /** Appends the figures for one thread count; returns the fib ratio (or {@code previous}). */
  private static Double appendRun(StringBuilder out, List<Result> results, int threads,
      Double previous) {
    out.append("  \"threads\": ").append(threads).append(",\n");
    out.append("  \"externalNoop\": {\"batch\": ").append(ExternalNoopBenchmark.BATCH).append(",\n");
    appendPair(out, "execute", find(results, "ExternalNoopBenchmark.webthreadsExecute", threads),
        find(results, "ExternalNoopBenchmark.forkJoinExecute", threads), 1, ",\n");
    appendPair(out, "submitJoinAll",
        find(results, "ExternalNoopBenchmark.webthreadsSubmitJoinAll", threads),
        find(results, "ExternalNoopBenchmark.forkJoinSubmitJoinAll", threads), 1, "\n");
    out.append("  },\n");
    Result wt = find(results, "FibBenchmark.webthreadsFib", threads);
    Result fj = find(results, "FibBenchmark.forkJoinFib", threads);
    int n = wt != null ? wt.intParam("n") : fj != null ? fj.intParam("n") : -1;
    long tasks = Workloads.tasksPerFib(n);
    out.append("  \"fib\": {\"n\": ").append(n).append(", \"tasksPerOp\": ").append(tasks)
        .append(",\n");
    out.append("    \"webthreadsMsPerOp\": ").append(msPerOp(wt))
        .append(", \"forkJoinMsPerOp\": ").append(msPerOp(fj)).append(",\n");
    Double ratio = appendPair(out, null, wt, fj, tasks, "\n");
    out.append("  }");
    return ratio != null ? ratio : previous;
  }

  /**
   * Appends tasks/s of both sides, their errors and the ratio; {@code name} null appends the fields
   * without a wrapping object. Returns the ratio, or null when a side is missing.
   */
  private static Double appendPair(StringBuilder out, String name, Result wt, Result fj,
      long tasksPerOp, String after) {
    String indent = name == null ? "    " : "    ";
    if (name != null) {
      out.append(indent).append(quote(name)).append(": {");
    } else {
      out.append(indent);
    }
    out.append("\"webthreadsTasksPerSec\": ").append(tasksPerSec(wt, tasksPerOp))
        .append(", \"webthreadsError\": ").append(errorPerSec(wt, tasksPerOp))
        .append(", \"forkJoinTasksPerSec\": ").append(tasksPerSec(fj, tasksPerOp))
        .append(", \"forkJoinError\": ").append(errorPerSec(fj, tasksPerOp));
    Double ratio = null;
    if (wt != null && fj != null && fj.score > 0) {
      ratio = wt.score / fj.score;
      out.append(", \"ratioWebthreadsToForkJoin\": ").append(format(ratio, 3));
    } else {
      out.append(", \"ratioWebthreadsToForkJoin\": null");
    }
    if (name != null) {
      out.append('}');
    }
    out.append(after);
    return ratio;
  }

  private static String tasksPerSec(Result r, long tasksPerOp) {
    return r == null ? "null" : String.valueOf(Math.round(r.score * tasksPerOp));
  }

  private static String errorPerSec(Result r, long tasksPerOp) {
    return r == null || Double.isNaN(r.error) ? "null" : String.valueOf(Math.round(r.error * tasksPerOp));
  }

  private static String msPerOp(Result r) {
    return r == null || r.score <= 0 ? "null" : format(1000.0 / r.score, 1);
  }

  private static Result find(List<Result> results, String name, int threads) {
    for (Result r : results) {
      if (r.benchmark.equals(PACKAGE + name) && r.intParam("threads") == threads) {
        if (!"ops/s".equals(r.unit)) {
          throw new IllegalStateException(name + ": expected ops/s, got " + r.unit
              + " (run JMH in throughput mode with -tu s)");
        }
        return r;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static List<Result> readJmh(Path file) throws Exception {
    Object root = MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    List<Result> results = new ArrayList<>();
    for (Object entry : (List<Object>) root) {
      Map<String, Object> run = (Map<String, Object>) entry;
      Map<String, Object> metric = (Map<String, Object>) run.get("primaryMetric");
      Map<String, Object> params = (Map<String, Object>) run.get("params");
      results.add(new Result((String) run.get("benchmark"),
          params == null ? Map.of() : params, number(metric.get("score")),
          number(metric.get("scoreError")), (String) metric.get("scoreUnit")));
    }
    return results;
  }

  private static double number(Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    return Double.NaN; // JMH writes "NaN" as a string
  }

  private static String format(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
