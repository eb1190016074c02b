#!/usr/bin/env bash
# Builds the bench module, runs the JMH benchmarks (webthreads vs ForkJoinPool on the same number of
# threads) and the idle-CPU harness, and prints one JSON summary on stdout. Everything else (Maven, JMH's
# own report) goes to stderr; JMH's report is also kept in bench/target/jmh.log.
#
#   bench/run-jvm-bench.sh                      # all benchmarks, 2 threads, about 2-3 minutes
#   THREADS=4 bench/run-jvm-bench.sh            # another thread count (both schedulers)
#   bench/run-jvm-bench.sh FibBenchmark         # extra arguments go to JMH (a benchmark regex, -p n=30, ...)
#   JMH_OPTS="-f 2 -wi 5 -i 10" bench/run-jvm-bench.sh   # a longer, steadier run
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS="${THREADS:-2}"
IDLE_SECONDS="${IDLE_SECONDS:-5}"
JMH_OPTS="${JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
OUT=bench/target
JAR="$OUT/benchmarks.jar"

mvn -q -B -pl bench -am package -DskipTests >&2

rm -f "$OUT/jmh.json" "$OUT/idle.json"
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -cp "$JAR" org.openjdk.jmh.Main $JMH_OPTS -bm thrpt -tu s -p threads="$THREADS" \
  -rf json -rff "$OUT/jmh.json" "$@" 2>&1 | tee "$OUT/jmh.log" >&2

java -cp "$JAR" org.webthreads.bench.IdleCpuHarness "$THREADS" "$IDLE_SECONDS" "$OUT/idle.json" >&2

java -cp "$JAR" org.webthreads.bench.BenchSummary "$OUT/jmh.json" "$OUT/idle.json" \
  "$JMH_OPTS -p threads=$THREADS $*" | tee "$OUT/summary.json"
