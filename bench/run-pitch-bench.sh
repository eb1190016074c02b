#!/usr/bin/env bash
# The pitch detector's benchmark, in one headless Chromium session; JSON on stdout (Maven, npm and the
# browser console go to stderr). Our estimators (pitch.wasm, one worker) beside pitchy, pitchfinder and
# aubiojs, installed from npm at the exact versions of bench/js-pitch/package-lock.json, on the same
# frames in the same page; file mode on 1 and 2 workers; live mode on 2 workers with a fake microphone.
#
#   bench/run-pitch-bench.sh                                   # live 60 s, a 60 s file, 5 rounds each
#   LIVE_SECONDS=10 FILE_SECONDS=20 ROUNDS=1 bench/run-pitch-bench.sh   # a quick run
set -euo pipefail
cd "$(dirname "$0")/.."
LIVE_SECONDS="${LIVE_SECONDS:-60}"
FILE_SECONDS="${FILE_SECONDS:-60}"
ROUNDS="${ROUNDS:-5}"

mvn -q -B -pl bench,examples/pitch-web -am package -DskipTests >&2
SITE=bench/target/pitch-webapp
rm -rf "$SITE"
mkdir -p "$SITE/js-pitch"
cp -r examples/pitch-web/target/webapp/. "$SITE"/
cp bench/js-pitch/*.js bench/js-pitch/*.html bench/js-pitch/package.json bench/js-pitch/package-lock.json "$SITE/js-pitch"/
(cd "$SITE/js-pitch" && npm ci --no-audit --no-fund --loglevel=error >&2)
java -cp bench/target/benchmarks.jar org.webthreads.bench.web.PitchBenchRunner "$SITE" "$LIVE_SECONDS" \
  "$FILE_SECONDS" "$ROUNDS" | tee bench/target/pitch-bench.json
