#!/usr/bin/env bash
# Measures how long a hub node takes from process start to ready: starts the built jar with the
# environment it is given, polls /actuator/health/readiness every 100 ms until it answers UP, prints the
# seconds, then stops the node. Extra arguments go to the JVM/Spring (e.g. --spring.profiles.active=demo).
#
#   mvn -B -DskipTests package
#   HUB_DB_URL=jdbc:postgresql://127.0.0.1:5432/hub_start HUB_DB_USER=postgres \
#     scripts/measure-start.sh [--spring.profiles.active=demo]
#
# JAVA is the java command (default the one on the PATH), HUB_PORT (default 18002) the port used; the log goes to
# target/measure-start.log. The load average of the machine is printed beside the figure: start-up is CPU bound,
# compare figures only at like load.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${HUB_PORT:-18002}"
jar="${HUB_JAR:-target/hmo-exchange-hub.jar}"
log="${MEASURE_LOG:-target/measure-start.log}"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -DskipTests package" >&2; exit 2; }
start_ns=$(date +%s%N)
HUB_PORT="$port" "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" "$@" >"$log" 2>&1 &
pid=$!
# The node is stopped however this script ends (done, failed, interrupted or killed).
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
trap 'exit 1' INT TERM
deadline=$((start_ns + ${MEASURE_TIMEOUT_S:-300} * 1000000000))
until curl -fs -o /dev/null "http://127.0.0.1:${port}/actuator/health/readiness"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the node stopped before it was ready; see $log" >&2; exit 1; fi
  if [ "$(date +%s%N)" -gt "$deadline" ]; then echo "not ready within ${MEASURE_TIMEOUT_S:-300} s; see $log" >&2; exit 1; fi
  sleep 0.1
done
end_ns=$(date +%s%N)
# The CPU time the node used until ready (user + system, all its threads): on a busy machine the wall time mostly
# says how long it waited for a core, while this stays near what the start costs; compare both at like load.
cpu=$(awk -v tick="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / tick }' "/proc/$pid/stat")
printf 'start to ready: %s s, %s s of CPU (load average %s)\n' "$(awk "BEGIN { printf \"%.1f\", ($end_ns - $start_ns) / 1e9 }")" \
  "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
