#!/usr/bin/env bash
# Builds the path tracer page and the benchmark runner, renders frames in headless Debian Chromium and
# prints JSON on stdout (Maven and the browser console go to stderr): median pass (= frame of one sample
# per pixel) time on 1, 2 and all cores' workers with pure tile tasks over shared memory, and the same
# renderer with every tile a JS task returning its samples by postMessage, at tile sizes 8..64, and 1
# and 2 workers again with the page drawing once per pass instead of at every animation frame.
#
#   bench/run-tracer-bench.sh               # 512 x 512, 16 passes per run (median of the last 8)
#   SIZE=256 PASSES=4 bench/run-tracer-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${SIZE:-512}"
PASSES="${PASSES:-16}"
mvn -q -B -pl bench,examples/pathtracer-web -am package -DskipTests >&2
java -cp bench/target/benchmarks.jar org.webthreads.bench.web.TracerBenchRunner \
  examples/pathtracer-web/target/webapp "$SIZE" "$PASSES" | tee bench/target/tracer-bench.json
