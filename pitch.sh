#!/usr/bin/env bash
# The pitch of a WAV file, analysed on a webthreads pool of JVM threads; CSV on stdout.
#   ./pitch.sh [--algorithm mcleod|yin|track] [--window 2048] [--hop 512] [--workers N] FILE.wav
# CSV: time_s,frequency_hz,clarity,rms_dbfs, one row per hop (time = the window's centre, frequency 0
# where unvoiced). Bad options or input: one line on stderr, exit status 2. The first run builds the
# classes with Maven (its log is shown only if the build fails).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
if ! (cd "$ROOT" && mvn -q -B -pl examples/pitch -am package -DskipTests >"$LOG" 2>&1); then
  cat "$LOG" >&2
  echo "pitch.sh: the build failed (log above)" >&2
  exit 1
fi
java -cp "$ROOT/core/target/classes:$ROOT/jvm/target/classes:$ROOT/examples/pitch/target/classes" \
  org.webthreads.examples.pitch.jvm.PitchCommand "$@"
