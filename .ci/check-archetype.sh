#!/usr/bin/env bash
# Issue 18, item 7: generates a project from the INSTALLED webthreads archetype in a temporary folder
# outside the repository and builds and tests it OFFLINE (`mvn -o verify`: the JVM test and the headless
# Chromium test of its page). This proves that a generated project needs nothing but the local Maven
# repository. Run it after `mvn -B install` of the repository (.ci/run does).
#
# Environment (optional):
#   WEBTHREADS_M2_REPO   a local Maven repository other than ~/.m2/repository (e.g. a private copy)
#   KEEP_GENERATED=1     keep the temporary folder (its path is printed) instead of removing it
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/.." && pwd)"

fail() {
  echo "check-archetype: FAILED: $*" >&2
  exit 1
}

# The version this repository builds (the first <version> of the root pom is the project's own).
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$repo_root/pom.xml" | head -n 1)"
[ -n "$version" ] || fail "could not read the project version from $repo_root/pom.xml"

maven_opts=(-B -o)
if [ -n "${WEBTHREADS_M2_REPO:-}" ]; then
  maven_opts+=("-Dmaven.repo.local=$WEBTHREADS_M2_REPO")
fi
local_repo="${WEBTHREADS_M2_REPO:-$HOME/.m2/repository}"
archetype_jar="$local_repo/org/webthreads/webthreads-archetype/$version/webthreads-archetype-$version.jar"
[ -f "$archetype_jar" ] || fail "the archetype $version is not installed ($archetype_jar is missing): run 'mvn -B install' in $repo_root first"

work="$(mktemp -d)"
case "$work/" in
  "$repo_root"/*)
    rmdir "$work"
    fail "the temporary folder $work is inside the repository: set TMPDIR to a folder outside it" ;;
esac
if [ "${KEEP_GENERATED:-0}" = 1 ]; then
  echo "check-archetype: keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# A groupId that is no Java package (com.my-company, common) with no -Dpackage: generation must fail with a
# message giving the -Dpackage to use, and leave no half-made project behind.
echo "check-archetype: a groupId that is not a Java package (com.my-company) is refused with the fix"
refused="$( (cd "$work" && mvn "${maven_opts[@]}" org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate \
    -DarchetypeGroupId=org.webthreads -DarchetypeArtifactId=webthreads-archetype \
    -DarchetypeVersion="$version" -DgroupId=com.my-company -DartifactId=hyphenapp \
    -DinteractiveMode=false) 2>&1)" && fail "generating with the groupId com.my-company (no -Dpackage) succeeded"
echo "$refused" | grep -q "the package 'com.my-company' is not a Java package name.*add -Dpackage=com.mycompany" \
  || fail "generating with the groupId com.my-company failed without naming the fix: $(echo "$refused" | grep ERROR | head -n 3)"
[ ! -e "$work/hyphenapp" ] || fail "the refused generation left $work/hyphenapp behind"

echo "check-archetype: generating a project from org.webthreads:webthreads-archetype:$version in $work"
(cd "$work" && mvn "${maven_opts[@]}" org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate \
    -DarchetypeGroupId=org.webthreads -DarchetypeArtifactId=webthreads-archetype \
    -DarchetypeVersion="$version" -DgroupId=com.example.check -DartifactId=checkapp \
    -DinteractiveMode=false) || fail "mvn archetype:generate failed"

app="$work/checkapp"
for f in pom.xml README.md .gitignore src/main/webapp/index.html \
    src/main/java/com/example/check/MandelbrotPage.java \
    src/test/java/com/example/check/MandelbrotTasksTest.java \
    src/test/java/com/example/check/MandelbrotPageTest.java; do
  [ -f "$app/$f" ] || fail "the generated project has no $f"
done
grep -q "<webthreads.version>$version</webthreads.version>" "$app/pom.xml" \
  || fail "the generated pom.xml does not pin webthreads $version"
grep -q '^mvn package webthreads:serve$' "$app/README.md" || fail "the generated README lacks 'mvn package webthreads:serve'"
grep -q '^mvn verify$' "$app/README.md" || fail "the generated README lacks 'mvn verify'"

echo "check-archetype: building and testing it offline (mvn -o verify)"
(cd "$app" && mvn "${maven_opts[@]}" verify) || fail "the generated project's 'mvn -o verify' failed (see above)"

# Both tests must have run, none skipped (a browser test that did not run proves nothing).
for test in MandelbrotTasksTest MandelbrotPageTest; do
  report="$app/target/surefire-reports/TEST-com.example.check.$test.xml"
  [ -f "$report" ] || fail "no surefire report for $test"
  summary="$(grep -o '<testsuite [^>]*>' "$report" | head -n 1)"
  tests="$(echo "$summary" | sed -n 's/.* tests="\([0-9]*\)".*/\1/p')"
  skipped="$(echo "$summary" | sed -n 's/.* skipped="\([0-9]*\)".*/\1/p')"
  [ "${tests:-0}" -gt 0 ] || fail "$test ran no test"
  [ "${skipped:-0}" -eq 0 ] || fail "$test skipped $skipped of $tests tests"
  echo "check-archetype: $test: $tests tests, none skipped"
done
for f in index.html app.wasm teavm-runtime.js webthreads.js worker.js; do
  [ -f "$app/target/webapp/$f" ] || fail "the built page lacks target/webapp/$f"
done
# The README's first command: it must build, serve with the two isolation headers and print the URL.
# Maven runs as a co-process on a free port; its output is read line by line until the URL appears
# (a blocking read, no polling); the page and the wasm are then fetched over a plain socket.
echo "check-archetype: mvn package webthreads:serve (on a free port)"
serve_log="$work/serve.log"
coproc SERVE { cd "$app" && exec mvn "${maven_opts[@]}" package webthreads:serve -DskipTests -Dwebthreads.port=0 2>&1; }
serve_pid=$SERVE_PID
url=""
while IFS= read -r line <&"${SERVE[0]}"; do
  echo "$line" >> "$serve_log"
  case "$line" in
    "open http://"*) url="${line#open }"; break ;;
  esac
done
stop_server() { kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; }
if [ -z "$url" ]; then
  stop_server
  cat "$serve_log" >&2
  fail "'mvn package webthreads:serve' printed no URL (its output is above)"
fi
hostport="${url#http://}"; hostport="${hostport%%/*}"
head_of() {  # HEAD request over bash's /dev/tcp: no curl needed on a fresh machine
  exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}"
  printf 'HEAD %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$1" "$hostport" >&3
  tr -d '\r' <&3
  exec 3<&-
}
page_head="$(head_of /index.html)"
wasm_head="$(head_of /app.wasm)"
stop_server
echo "$page_head" | grep -q '^HTTP/1.[01] 200' || fail "serve: index.html was not served: $page_head"
echo "$page_head" | grep -qi '^cross-origin-opener-policy: same-origin$' || fail "serve: no COOP header: $page_head"
echo "$page_head" | grep -qi '^cross-origin-embedder-policy: require-corp$' || fail "serve: no COEP header: $page_head"
echo "$wasm_head" | grep -qi '^content-type: application/wasm$' || fail "serve: app.wasm is not application/wasm: $wasm_head"
echo "check-archetype: serve printed $url and sent both isolation headers"
echo "check-archetype: OK (webthreads $version)"
