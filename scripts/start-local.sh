#!/usr/bin/env bash
# Starts the whole system on this machine: dynalite (a DynamoDB-compatible store) and the HTTP API.
#   scripts/start-local.sh            data on disk under .local/dynamodb, API on :8080, until Ctrl-C
#   STORE_PATH= API_PORT=… STORE_PORT=… scripts/start-local.sh   (make bench: in-memory store, other ports)
set -euo pipefail
cd "$(dirname "$0")/.."
API_PORT=${API_PORT:-8080}
STORE_PORT=${STORE_PORT:-8000}
STORE_PATH=${STORE_PATH-.local/dynamodb}
API_JAR=functions/api/target/local/quarkus-app/quarkus-run.jar
export JAVA_HOME=${JAVA_HOME:-$(scripts/find-jdk.sh)}

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

store_args=(--port "$STORE_PORT")
if [ -n "$STORE_PATH" ]; then
  mkdir -p "$STORE_PATH"
  store_args+=(--path "$STORE_PATH")
fi
node node_modules/dynalite/cli.js "${store_args[@]}" >/dev/null &
pids+=($!)

"$JAVA_HOME/bin/java" -Dquarkus.profile=local -Dquarkus.http.port="$API_PORT" \
  -Dquarkus.dynamodb.endpoint-override="http://localhost:$STORE_PORT" \
  -Dmp.jwt.verify.publickey.location="$PWD/.local/keys/public.pem" \
  ${API_JAVA_OPTS:-} -jar "$API_JAR" &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fs "http://localhost:$API_PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "http://localhost:$API_PORT/q/health/ready" >/dev/null || { echo "the API did not become ready" >&2; exit 1; }
cat <<MSG

  Feedback API   http://localhost:$API_PORT            (POST /feedback/submit, /feedback/get, /feedback/mine …)
  OpenAPI        http://localhost:$API_PORT/q/openapi
  Swagger UI     http://localhost:$API_PORT/q/swagger-ui
  Health         http://localhost:$API_PORT/q/health
  Store          http://localhost:$STORE_PORT (dynalite${STORE_PATH:+, data in $STORE_PATH})
  A token:       make token ROLE=citizen SUB=alice

MSG
if [ -n "${READY_FILE:-}" ]; then touch "$READY_FILE"; fi
wait -n "${pids[@]}"
