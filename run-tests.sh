#!/usr/bin/env bash
# Runs every test: builds all modules and runs their tests (the scheduler's model checks and stress
# tests on the JVM, the browser runtime's self-test and the example pages in headless Chromium),
# installs the artifacts into the local Maven repository (~/.m2), then generates a project from the
# installed archetype in a temporary folder outside this repository and runs that project's tests
# (its JVM test and its headless Chromium test) against the installed artifacts only.
#   ./run-tests.sh [maven options]     e.g. ./run-tests.sh -o (offline, once ~/.m2 is filled)
set -euo pipefail
cd "$(dirname "$0")"
mvn -B install "$@"
.ci/check-archetype.sh
