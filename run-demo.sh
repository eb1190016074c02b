#!/usr/bin/env bash
# Builds webthreads and runs the demo.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -pl core,jvm -am package -DskipTests
java -cp core/target/classes:jvm/target/classes org.webthreads.jvm.JvmDemo "$@"
