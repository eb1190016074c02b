#!/usr/bin/env bash
# Builds the browser benchmark page (webthreads compiled to WasmGC), runs it in headless Debian Chromium
# and prints its JSON on stdout (Maven and the browser console go to stderr).
#
#   bench/run-browser-bench.sh                     # 2 workers, 2,000,000 tasks per throughput run
#   WORKERS=4 TASKS=500000 bench/run-browser-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

WORKERS="${WORKERS:-2}"
TASKS="${TASKS:-2000000}"

mvn -q -B -pl bench -am package -DskipTests >&2
java -cp bench/target/benchmarks.jar org.webthreads.bench.web.BrowserBenchRunner bench/target/webapp \
  "webthreads=browser-bench.html?workers=$WORKERS&tasks=$TASKS@self.wtBench" | tee bench/target/browser-bench.json
