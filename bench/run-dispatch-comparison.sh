#!/usr/bin/env bash
# No-op dispatch of webthreads beside the JavaScript worker pools people use (workerpool, Comlink,
# post-me, installed from npm at the exact versions of bench/js-pools/package-lock.json), with the same
# worker count, in one headless Chromium session. Prints one JSON object with both results.
#
#   bench/run-dispatch-comparison.sh               # 2 workers
#   WORKERS=4 bench/run-dispatch-comparison.sh
set -euo pipefail
cd "$(dirname "$0")/.."

WORKERS="${WORKERS:-2}"
TASKS="${TASKS:-2000000}"
JS_TASKS="${JS_TASKS:-20000}"

mvn -q -B -pl bench -am package -DskipTests >&2
rm -rf bench/target/webapp/js-pools
cp -r bench/js-pools bench/target/webapp/js-pools
(cd bench/target/webapp/js-pools && npm ci --no-audit --no-fund --loglevel=error >&2)
java -cp bench/target/benchmarks.jar org.webthreads.bench.web.BrowserBenchRunner bench/target/webapp \
  "webthreads=browser-bench.html?workers=$WORKERS&tasks=$TASKS@self.wtBench" \
  "jsPools=js-pools/js-pools.html?autorun=1&workers=$WORKERS&tasks=$JS_TASKS&roundTrips=2000@JSON.parse(document.getElementById('result').textContent)" \
  | tee bench/target/dispatch-comparison.json
