#!/usr/bin/env bash
# Prints a JAVA_HOME of JDK 21 or newer: the caller's own if it qualifies, else the java on PATH,
# else the newest under /usr/lib/jvm. The build compiles for Java 21 (Lambda's java21 runtime).
set -euo pipefail
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }
ok() { [ -x "$1/bin/javac" ] && [ "$(major "$1")" -ge 21 ] 2>/dev/null; }
if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
if command -v javac >/dev/null; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if ok "$home"; then echo "$home"; exit 0; fi
fi
for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  home=${home%/}
  if ok "$home"; then echo "$home"; exit 0; fi
done
echo "No JDK 21 or newer found: install one and set JAVA_HOME." >&2
exit 1
