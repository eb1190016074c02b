#!/usr/bin/env bash
# Builds the path tracer and renders the default scene to a PNG on a webthreads JVM pool.
# Options (all optional): --width 512 --height 512 --samples 16 --tile 32 --workers N --seed 42 --out frame.png
# --out is relative to the directory you run this script from (default: frame.png there), not to the
# repository. Prints the PNG's absolute path and timing as JSON.
set -euo pipefail
repo="$(cd "$(dirname "$0")" && pwd)"
# Maven builds in the repository; the renderer then runs where the user ran this script, so that a
# relative --out (and the default frame.png) lands there.
(cd "$repo" && mvn -q -B -pl examples/pathtracer-jvm -am package -DskipTests)
exec java -cp "$repo/core/target/classes:$repo/jvm/target/classes:$repo/examples/pathtracer/target/classes:$repo/examples/pathtracer-jvm/target/classes" \
  org.webthreads.examples.pathtracer.jvm.RenderPng "$@"
