#!/usr/bin/env bash
# make bench: starts the API on an in-memory store on free ports, drives it with the load generator,
# then writes items of the same size straight to the store, and prints both; then seeds the dashboard's
# aggregates of 100,000 feedback into the same store and times the dashboard over HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-$(scripts/find-jdk.sh)}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# no minute-by-minute sweep during the measurement
export API_PORT=$(free_port) STORE_PORT=$(free_port) STORE_PATH= READY_FILE=$(mktemp -u) SWEEP_EVERY=
# the quota would stop a load test after 20 submissions per citizen
export API_JAVA_OPTS="-Dfeedback.submissions-per-hour=1000000 -Xmx512m"
scripts/start-local.sh > .local/bench-api.log 2>&1 &
runner=$!
trap 'kill $runner 2>/dev/null; wait $runner 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do [ -f "$READY_FILE" ] && break; sleep 0.5; done
[ -f "$READY_FILE" ] || { echo "the API did not start; see .local/bench-api.log" >&2; exit 1; }
./mvnw -B -ntp -q -pl tools -am install -DskipTests
./mvnw -B -ntp -q -pl tools exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.govfeedback.bench.SubmitLoad \
  -Dexec.args="http://localhost:$API_PORT http://localhost:$STORE_PORT feedback .local/keys ${REQUESTS:-3000} ${THREADS:-8}"
./mvnw -B -ntp -q -pl tools exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.govfeedback.bench.DashboardLoad \
  -Dexec.args="http://localhost:$API_PORT http://localhost:$STORE_PORT feedback .local/keys ${DASHBOARD_FEEDBACK:-100000}"
