#!/usr/bin/env bash
# Builds webthreads and runs the demo.
#   ./run-demo.sh [port]        the browser demos: builds the path tracer and the pitch detector pages
#                               (Java -> WasmGC), serves both from one folder with the cross-origin
#                               isolation headers and prints the URLs to open
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
mvn -q -B -pl examples/pathtracer-web,examples/pitch-web,devserver -am package -DskipTests
# One folder for both pages (they share the runtime scripts, which are the same files), so that each
# page's link to the other works.
DEMO=target/demo-webapp
rm -rf "$DEMO"
mkdir -p "$DEMO"
cp -r examples/pathtracer-web/target/webapp/. "$DEMO"/
cp -r examples/pitch-web/target/webapp/. "$DEMO"/
echo "path tracer:    http://127.0.0.1:$PORT/tracer.html"
echo "pitch detector: http://127.0.0.1:$PORT/pitch.html   (the microphone needs this localhost address or https)"
exec java -cp devserver/target/classes org.webthreads.devserver.IsolatedFileServer "$DEMO" "$PORT" tracer.html
