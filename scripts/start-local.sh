#!/usr/bin/env bash
# Starts the whole system on this machine: dynalite (a DynamoDB-compatible store), the HTTP API, and the SLA sweep
# every minute.
#   scripts/start-local.sh            data on disk under .local/dynamodb, API on :8080, until Ctrl-C
#   STORE_PATH= API_PORT=… STORE_PORT=… scripts/start-local.sh   (make bench: in-memory store, other ports)
#   SWEEP_EVERY=  scripts/start-local.sh   no sweep loop (SWEEP_EVERY=<seconds> sets its pace; 60 by default)
#   KEY_DIR=…     the development key pair the API trusts and the console's sign-in signs with (.local/keys by default)
set -euo pipefail
cd "$(dirname "$0")/.."
API_PORT=${API_PORT:-8080}
STORE_PORT=${STORE_PORT:-8000}
STORE_PATH=${STORE_PATH-.local/dynamodb}
API_JAR=functions/api/target/local/quarkus-app/quarkus-run.jar
SWEEP_EVERY=${SWEEP_EVERY-60}
SWEEP_CLASSPATH=src/target/sweep.classpath
KEY_DIR=${KEY_DIR:-.local/keys}
export JAVA_HOME=${JAVA_HOME:-$(scripts/find-jdk.sh)}

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

# both servers listen on the loopback interface only: the store has no authentication and the API trusts development keys
store_args=(--host 127.0.0.1 --port "$STORE_PORT")
if [ -n "$STORE_PATH" ]; then
  mkdir -p "$STORE_PATH"
  store_args+=(--path "$STORE_PATH")
fi
node node_modules/dynalite/cli.js "${store_args[@]}" >/dev/null &
pids+=($!)

"$JAVA_HOME/bin/java" -Dquarkus.profile=local -Dquarkus.http.port="$API_PORT" \
  -Dquarkus.dynamodb.endpoint-override="http://127.0.0.1:$STORE_PORT" \
  -Dmp.jwt.verify.publickey.location="$(cd "$KEY_DIR" && pwd)/public.pem" -Dconsole.dev-sign-in.key-dir="$KEY_DIR" \
  ${API_JAVA_OPTS:-} -jar "$API_JAR" &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$API_PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$API_PORT/q/health/ready" >/dev/null || { echo "the API did not become ready" >&2; exit 1; }

# the sweep, once a minute, as a plain JVM on the core's classes (the API has created the table by now)
if [ -n "$SWEEP_EVERY" ]; then
  if [ ! -s "$SWEEP_CLASSPATH" ] || [ src/pom.xml -nt "$SWEEP_CLASSPATH" ]; then
    ./mvnw -B -ntp -q -pl src dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$PWD/$SWEEP_CLASSPATH"
  fi
  mkdir -p .local
  (
    while sleep "$SWEEP_EVERY"; do
      DYNAMODB_ENDPOINT="http://127.0.0.1:$STORE_PORT" "$JAVA_HOME/bin/java" -Xmx128m -Dslf4j.internal.verbosity=ERROR \
        -cp "src/target/classes:$(cat "$SWEEP_CLASSPATH")" com.govfeedback.feedback.sweep.SweepOnce >>.local/sweep.log 2>&1 || true
    done
  ) &
  pids+=($!)
  sweep_line="every ${SWEEP_EVERY}s, log in .local/sweep.log; once: make sweep [AT=<ISO-8601 time>] [DRY_RUN=1]"
else
  sweep_line="off (SWEEP_EVERY is empty); once: make sweep [AT=<ISO-8601 time>] [DRY_RUN=1]"
fi
cat <<MSG

  Feedback API   http://localhost:$API_PORT            (POST /feedback/submit, /feedback/get, /feedback/mine …)
  Staff console  http://localhost:$API_PORT/console/   (sign in with a role, a department and a name)
  OpenAPI        http://localhost:$API_PORT/q/openapi
  Swagger UI     http://localhost:$API_PORT/q/swagger-ui
  Health         http://localhost:$API_PORT/q/health
  Store          http://localhost:$STORE_PORT (dynalite${STORE_PATH:+, data in $STORE_PATH})
  SLA sweep      $sweep_line
  A token:       make token ROLE=citizen SUB=alice

MSG
if [ -n "${READY_FILE:-}" ]; then touch "$READY_FILE"; fi
wait -n "${pids[@]}"
