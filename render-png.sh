#!/usr/bin/env bash
# Builds the path tracer and renders the default scene to a PNG on a webthreads JVM pool.
# Options (all optional): --width 512 --height 512 --samples 16 --tile 32 --workers N --seed 42 --out frame.png
# Prints the PNG's path and timing as JSON.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -pl examples/pathtracer-jvm -am package -DskipTests
exec java -cp core/target/classes:jvm/target/classes:examples/pathtracer/target/classes:examples/pathtracer-jvm/target/classes \
  org.webthreads.examples.pathtracer.jvm.RenderPng "$@"
