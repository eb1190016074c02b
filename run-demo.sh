#!/usr/bin/env bash
# Builds webthreads and runs the demo.
#   ./run-demo.sh [port]        the path tracer in the browser: builds the page (Java -> WasmGC), serves it
#                               with the cross-origin isolation headers and prints the URL to open
#   ./run-demo.sh --jvm [args]  the JVM demo: parallel prime count on a pool of all cores
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--jvm" ]; then
  shift
  mvn -q -B -pl core,jvm -am package -DskipTests
  exec java -cp core/target/classes:jvm/target/classes org.webthreads.jvm.JvmDemo "$@"
fi
PORT="${1:-8080}"
case "$PORT" in
  ''|*[!0-9]*) echo "usage: ./run-demo.sh [port] | ./run-demo.sh --jvm [args]" >&2; exit 2 ;;
esac
mvn -q -B -pl examples/pathtracer-web,devserver -am package -DskipTests
exec java -cp devserver/target/classes org.webthreads.devserver.IsolatedFileServer \
  examples/pathtracer-web/target/webapp "$PORT" tracer.html
