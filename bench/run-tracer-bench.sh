#!/usr/bin/env bash
# Builds the path tracer page and the benchmark runner, renders frames in headless Debian Chromium and
# prints JSON on stdout (Maven and the browser console go to stderr). In ROUNDS rounds: the median pass
# (= frame of one sample per pixel) time on 1, 2 (and all cores', when more) workers with pure tile
# tasks over shared memory; the same with the page drawing at every animation frame; and the
# no-coordination reference where every worker renders the whole frame alone (what the machine itself
# gives). Then the same renderer with every tile a JS task returning its samples by postMessage, beside
# the shared-memory path, at tile sizes 8..64.
#
#   bench/run-tracer-bench.sh               # 512 x 512, 16 passes per run (median of the last 8), 3 rounds
#   SIZE=256 PASSES=4 ROUNDS=1 bench/run-tracer-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${SIZE:-512}"
PASSES="${PASSES:-16}"
ROUNDS="${ROUNDS:-3}"
mvn -q -B -pl bench,examples/pathtracer-web -am package -DskipTests >&2
java -cp bench/target/benchmarks.jar org.webthreads.bench.web.TracerBenchRunner \
  examples/pathtracer-web/target/webapp "$SIZE" "$PASSES" "$ROUNDS" | tee bench/target/tracer-bench.json
