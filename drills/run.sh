#!/usr/bin/env bash
# Drills: the hub's once-and-only-once promise tried on this machine, as an outside tester would, one
# command each. Everything runs on loopback and is stopped again when the drill ends (also on Ctrl-C or a
# failure): a standalone Apache Artemis broker (the apache-artemis distribution from Maven Central), a fresh
# PostgreSQL database, two hub nodes from the built jar, and stand-in payers (HTTP and SFTP) that record every
# delivery with its idempotency key. Each drill prints ONE verdict line and exits 0 only on PASS.
#
#   drills/run.sh kill-node      [--claims 10000]   kill -9 a node mid-load: 0 lost, 0 duplicates, delivered within 30 s
#   drills/run.sh broker-restart [--claims 10000]   the broker restarted mid-load: as kill-node
#   drills/run.sh db-restart     [--claims 10000]   PostgreSQL restarted mid-load (a cluster of the drill's own)
#   drills/run.sh payer-down     [--claims 1000] [--down-seconds 300]  HTTP payer 503, SFTP refused; all delivered once after
#   drills/run.sh throughput     [--claims 3000]    claims/s delivered to the HTTP payer by 1 node, then by 2 nodes
#
# Options: --claims N, --down-seconds S (payer-down), --timeout S (the longest wait of each phase),
# --keep (leave drills/.work/run/<drill> for a look; it is always kept on FAIL).
# Ports: DRILL_PORT_BASE (default 18030) + 1 broker, 2 HTTP payer, 3 SFTP payer, 4 and 5 the nodes, 6 the
# drill's own PostgreSQL (db-restart). The machine's PostgreSQL: DRILL_PG_HOST / DRILL_PG_PORT (127.0.0.1:5432,
# user postgres, trust). See docs/reliability.md, "Drills".
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/drills/.work
ARTEMIS_VERSION=2.40.0
DRILL=${1:-}
[ -n "$DRILL" ] && shift
case "$DRILL" in
  kill-node|broker-restart|db-restart|payer-down|throughput) ;;
  *) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

CLAIMS=""
DOWN_SECONDS=300
TIMEOUT=""
KEEP=false
while [ $# -gt 0 ]; do
  case "$1" in
    --claims) CLAIMS=$2; shift 2 ;;
    --down-seconds) DOWN_SECONDS=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --keep) KEEP=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$DRILL" in
  payer-down) CLAIMS=${CLAIMS:-1000} ;;
  throughput) CLAIMS=${CLAIMS:-3000} ;;
  *) CLAIMS=${CLAIMS:-10000} ;;
esac
# Generous by default: this machine is shared; a phase that takes longer than this fails the drill.
TIMEOUT=${TIMEOUT:-$((900 + CLAIMS / 10))}

BASE=${DRILL_PORT_BASE:-18030}
BROKER_PORT=$((BASE + 1)); HTTP_PORT=$((BASE + 2)); SFTP_PORT=$((BASE + 3))
NODE_PORTS=($((BASE + 4)) $((BASE + 5))); OWN_PG_PORT=$((BASE + 6))
PG_HOST=${DRILL_PG_HOST:-127.0.0.1}; PG_PORT=${DRILL_PG_PORT:-5432}
DB=hub_drill_${DRILL//-/_}
RUN=$WORK/run/$DRILL
SECRET=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
BILLING_PASSWORD=test-password-1   # support/Fixtures.PASSWORD, the seeded billing user's

say() { echo "[$(date +%H:%M:%S)] $*" >&2; }
now_ms() { date +%s%3N; }

# ---- processes: each in its own process group, all stopped on exit ----------------------------------
declare -A GROUPS_BY_NAME=()
start_group() { # name logfile command...
  local name=$1 log=$2; shift 2
  setsid "$@" >"$log" 2>&1 < /dev/null &
  GROUPS_BY_NAME[$name]=$!
}
stop_group() { # name [signal]
  local pid=${GROUPS_BY_NAME[$1]:-}
  [ -z "$pid" ] && return 0
  kill -"${2:-TERM}" -- -"$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 -- -"$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true   # reaps it, and keeps bash from reporting the kill
  unset "GROUPS_BY_NAME[$1]"
}
RESULT=1
cleanup() {
  local name
  for name in "${!GROUPS_BY_NAME[@]}"; do stop_group "$name"; done
  if [ "$DRILL" = db-restart ] && [ -f "$RUN/pg/postmaster.pid" ]; then pg_own stop -m immediate >/dev/null 2>&1 || true; fi
  if [ "$RESULT" = 0 ] && [ "$KEEP" = false ]; then
    psql_main -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
    rm -rf "$RUN"
  else
    say "left for a look: $RUN (logs: node-*.log, broker.log, payers.log)"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # description seconds command...
  local what=$1 seconds=$2; shift 2
  local until=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$until" ]; then say "timed out after ${seconds}s waiting for $what"; echo "DRILL $DRILL FAIL timeout: $what"; exit 1; fi
    sleep 1
  done
}

psql_main() { PGOPTIONS="-c client_min_messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q -At "$@"; }

# ---- the build: the hub's jar, and the drill programs (test classes) with their classpath -------------
build() {
  if [ -n "${DRILL_CLASSPATH:-}" ]; then CP=$DRILL_CLASSPATH; else
    if [ ! -f "$ROOT/target/hmo-exchange-hub.jar" ] || [ ! -f "$WORK/classpath.txt" ] \
        || [ ! -f "$ROOT/target/test-classes/com/hmoexchange/hub/drills/DrillLoad.class" ]; then
      say "building the jar and the drill programs (mvn -o package -DskipTests)"
      (cd "$ROOT" && mvn -B -o -q -DskipTests package dependency:build-classpath \
          -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test)
    fi
    CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")
  fi
  JAR=$ROOT/target/hmo-exchange-hub.jar
  [ -f "$JAR" ] || { echo "DRILL $DRILL FAIL no $JAR: run mvn -B -DskipTests package"; exit 1; }
}

# ---- PostgreSQL: a fresh database on the machine's server, or (db-restart) a cluster of the drill's own ---
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_own() { # pg_ctl on the drill's own cluster, as the postgres user when we are root (PostgreSQL refuses root)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$RUN/pg" -w "$@"; else "$PG_BIN/pg_ctl" -D "$RUN/pg" -w "$@"; fi
}
database() {
  if [ "$DRILL" = db-restart ]; then
    say "starting a PostgreSQL cluster of the drill's own on port $OWN_PG_PORT ($PG_BIN)"
    mkdir -p "$RUN/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$RUN/pg" && chmod 700 "$RUN/pg"
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/initdb" -A trust -U postgres -D "$RUN/pg" >"$RUN/initdb.log"
    else "$PG_BIN/initdb" -A trust -U postgres -D "$RUN/pg" >"$RUN/initdb.log"; fi
    pg_own -l "$RUN/pg/server.log" -o "-p $OWN_PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    PG_HOST=127.0.0.1; PG_PORT=$OWN_PG_PORT
  fi
  psql_main -c "select 1" >/dev/null 2>&1 || { echo "DRILL $DRILL FAIL no PostgreSQL at $PG_HOST:$PG_PORT (user postgres): start it, or set DRILL_PG_HOST and DRILL_PG_PORT"; exit 1; }
  psql_main -c "drop database if exists $DB with (force)" -c "create database $DB"
  DB_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$DB
}

# ---- the standalone broker, with the hub's address settings (ops/artemis/broker.properties) -----------
broker_start() {
  local dist=$WORK/apache-artemis-$ARTEMIS_VERSION
  if [ ! -x "$dist/bin/artemis" ]; then
    say "fetching apache-artemis $ARTEMIS_VERSION from Maven"
    (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact=org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin \
        -DoutputDirectory="$WORK/cache")
    tar xzf "$WORK/cache/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$WORK"
  fi
  if [ ! -d "$RUN/broker" ]; then
    "$dist/bin/artemis" create "$RUN/broker" --silent --force --user hub --password "$SECRET" --require-login \
        --host 127.0.0.1 --default-port "$BROKER_PORT" --no-web --no-amqp-acceptor --no-mqtt-acceptor \
        --no-stomp-acceptor --no-hornetq-acceptor --java-memory 512M >"$RUN/broker-create.log"
    cp "$ROOT/ops/artemis/broker.properties" "$RUN/broker/etc/broker.properties"
  fi
  start_group broker "$RUN/broker.log" "$RUN/broker/bin/artemis" run
  wait_for "the broker on port $BROKER_PORT" 120 bash -c "exec 3<>/dev/tcp/127.0.0.1/$BROKER_PORT"
}

# ---- stand-in payers, seed, nodes -------------------------------------------------------------------
payers_start() {
  mkdir -p "$RUN/payers"
  start_group payers "$RUN/payers.log" java -Xmx256m -cp "$CP" com.hmoexchange.hub.drills.StandInPayers \
      "$RUN/payers" "$HTTP_PORT" "$SFTP_PORT" "$SECRET"
  wait_for "the stand-in payers" 60 test -f "$RUN/payers/known_hosts"
  wait_for "the stand-in HTTP payer" 60 bash -c "exec 3<>/dev/tcp/127.0.0.1/$HTTP_PORT"
}
payers() { curl -fsS -X POST "http://127.0.0.1:$HTTP_PORT/control/$1" >/dev/null; }

# The external broker (Spring Boot's own settings: spring.artemis.mode=native and broker-url, through the hub's
# HUB_ARTEMIS_*); in that mode a node starts no embedded broker of its own (node/ExternalBrokerOnly).
hub_env() { # the environment of a hub node (and of the seed), once the database and secrets are known
  HUB_ENV=(HUB_DB_URL="$DB_URL" HUB_DB_USER=postgres HUB_DB_PASSWORD=
    HUB_ARTEMIS_MODE=native HUB_ARTEMIS_URL="tcp://127.0.0.1:$BROKER_PORT" HUB_ARTEMIS_USER=hub HUB_ARTEMIS_PASSWORD="$SECRET"
    HUB_MAPPINGS_DIR="$ROOT/drills/mappings" HUB_ROUTES_DIR="$ROOT/routes"
    DRILL_HTTP_URL="http://127.0.0.1:$HTTP_PORT/claims" DRILL_HTTP_TOKEN="$SECRET"
    DRILL_SFTP_HOST=127.0.0.1 DRILL_SFTP_PORT="$SFTP_PORT" DRILL_SFTP_USER=hub DRILL_SFTP_PASSWORD="$SECRET"
    DRILL_SFTP_KNOWN_HOSTS="$RUN/payers/known_hosts" HUB_RESPONSES_POLL_DELAY=2000
    # The repair step notes claims the message store delivered but the claim does not say so (docs/reliability.md):
    # every 30 s here, not 5 min, so that a verdict does not wait minutes for it; run.sh says how many it noted.
    HUB_DISPATCH_REPAIR_PERIOD=30s HUB_DISPATCH_REPAIR_GRACE=30s)
}

seed() { # payer=count[,payer=count]
  say "seeding $DB with $1 (migrations, a practice, members, drafts through the hub's own services)"
  mkdir -p "$RUN/seed"
  local started=$(date +%s)
  # No routes: the seed only writes drafts, nothing is sent.
  mkdir -p "$RUN/seed/no-routes"
  timeout "$TIMEOUT" env --chdir="$RUN/seed" "${HUB_ENV[@]}" HUB_PORT=0 HUB_DATA_DIR="$RUN/seed" HUB_ROUTES_DIR="$RUN/seed/no-routes" \
      java -Xmx768m -cp "$CP" com.hmoexchange.hub.drills.DrillSeed "$RUN" "$1" >"$RUN/seed.log" 2>&1 \
    || { say "the seed failed: see $RUN/seed.log"; tail -n 30 "$RUN/seed.log" >&2; echo "DRILL $DRILL FAIL seed"; exit 1; }
  say "seeded in $(( $(date +%s) - started ))s"
}

node_url() { echo "http://127.0.0.1:${NODE_PORTS[$(( $1 - 1 ))]}"; }
node_start() { # 1|2: starts a node; node_ready waits for it
  local n=$1
  mkdir -p "$RUN/node-$n"
  start_group "node-$n" "$RUN/node-$n.log" env --chdir="$RUN/node-$n" "${HUB_ENV[@]}" \
      HUB_PORT="${NODE_PORTS[$(( n - 1 ))]}" HUB_DATA_DIR="$RUN/node-$n" java -Xmx768m -jar "$JAR"
}
node_ready() { wait_for "node $1 ready" "$TIMEOUT" curl -fsS "$(node_url "$1")/actuator/health/readiness"; }

delivered() { psql_main -d "$DB" -c "select count(*) from claim where delivery_status = 'DELIVERED'"; }
at_least_delivered() { [ "$(delivered)" -ge "$1" ]; }

submit() { # drafts file, node numbers... : the bulk submits, in the background (SUBMITTER is its group)
  local file=$1; shift
  local urls="" n
  for n in "$@"; do urls="$urls${urls:+,}$(node_url "$n")"; done
  start_group submitter "$RUN/submit.log" java -Xmx256m -cp "$CP" com.hmoexchange.hub.drills.DrillLoad submit \
      "$file" "$(cat "$RUN/billing.txt")" "$BILLING_PASSWORD" "$urls" 100 4
}
submitted() { # waits for the submitter to finish
  local pid=${GROUPS_BY_NAME[submitter]}
  local until=$(( $(date +%s) + TIMEOUT ))
  while kill -0 "$pid" 2>/dev/null; do
    [ "$(date +%s)" -ge "$until" ] && { say "the submits took longer than ${TIMEOUT}s"; break; }
    sleep 1
  done
  unset "GROUPS_BY_NAME[submitter]"
  wait "$pid" 2>/dev/null || say "the submitter: $(tail -n 3 "$RUN/submit.log")"
  grep 'drill submit:' "$RUN/submit.log" | tail -n 1 >&2 || true
}
verdict() { # drafts file, kill epoch ms (0: none), start epoch ms
  local code=0
  java -Xmx256m -cp "$CP" com.hmoexchange.hub.drills.DrillLoad verdict "$DRILL" "$1" "$RUN/payers/deliveries.log" \
      "$DB_URL" "$TIMEOUT" "$2" "$3" >"$RUN/verdict.txt" || code=$?
  local repaired
  repaired=$(cat "$RUN"/node-*.log 2>/dev/null | grep -o 'Noted [0-9]* claim(s) delivered' | awk '{n += $2} END {print n + 0}')
  say "the repair step noted $repaired claim(s) delivered that the message store had delivered and the claim did not say"
  cat "$RUN/verdict.txt"
  return "$code"
}

setup() { # payer=count[,...], nodes to start
  build
  rm -rf "$RUN"; mkdir -p "$RUN"
  database
  hub_env
  broker_start
  payers_start
  seed "$1"
  local n
  for n in $(seq 1 "$2"); do node_start "$n"; done
  for n in $(seq 1 "$2"); do node_ready "$n"; done
  say "ready: broker :$BROKER_PORT, payers :$HTTP_PORT (http) :$SFTP_PORT (sftp), nodes $(seq -s ' ' 1 "$2"), database $DB"
}

half=$((CLAIMS / 2))
mixed_payers="drill-http=$((CLAIMS - half)),drill-sftp=$half"

case "$DRILL" in
  kill-node|broker-restart|db-restart)
    setup "$mixed_payers" 2
    started=$(now_ms)
    submit "$RUN/drafts.txt" 1 2
    # The fault strikes once a quarter of the claims are delivered: submits and deliveries are both under way.
    wait_for "a quarter of the claims delivered" "$TIMEOUT" at_least_delivered $((CLAIMS / 4))
    struck=$(now_ms)
    case "$DRILL" in
      kill-node)
        say "kill -9 node 2 with $(delivered) of $CLAIMS delivered"
        stop_group node-2 KILL ;;
      broker-restart)
        say "restarting the broker with $(delivered) of $CLAIMS delivered"
        stop_group broker TERM
        broker_start
        say "broker back after $(( ($(now_ms) - struck) / 1000 ))s" ;;
      db-restart)
        say "restarting PostgreSQL with $(delivered) of $CLAIMS delivered"
        pg_own -m fast restart >/dev/null
        say "PostgreSQL back after $(( ($(now_ms) - struck) / 1000 ))s" ;;
    esac
    submitted
    # Only a killed node leaves attempts behind it; for the restarts the pause in deliveries is what counts.
    verdict "$RUN/drafts.txt" "$struck" "$started" && RESULT=0 || RESULT=$?
    ;;
  payer-down)
    setup "$mixed_payers" 2
    payers down
    say "payers down (HTTP 503, SFTP refused) for ${DOWN_SECONDS}s; submitting $CLAIMS claims"
    submit "$RUN/drafts.txt" 1 2
    submitted
    sleep "$DOWN_SECONDS"
    say "payers up with $(delivered) of $CLAIMS delivered"
    up=$(now_ms)
    payers up
    verdict "$RUN/drafts.txt" 0 "$up" && RESULT=0 || RESULT=$?
    ;;
  throughput)
    setup "drill-http=$((CLAIMS * 2))" 1
    head -n "$CLAIMS" "$RUN/drafts.txt" >"$RUN/drafts-1.txt"
    tail -n +"$((CLAIMS + 1))" "$RUN/drafts.txt" >"$RUN/drafts-2.txt"
    say "one node: $CLAIMS claims"
    started=$(now_ms); submit "$RUN/drafts-1.txt" 1; submitted
    one=$(verdict "$RUN/drafts-1.txt" 0 "$started") && ok1=0 || ok1=$?
    node_start 2; node_ready 2
    say "two nodes: $CLAIMS claims"
    started=$(now_ms); submit "$RUN/drafts-2.txt" 1 2; submitted
    two=$(verdict "$RUN/drafts-2.txt" 0 "$started") && ok2=0 || ok2=$?
    rate() { sed -n 's/.* rate=\([0-9.]*\)\/s.*/\1/p' <<<"$1"; }
    status=PASS; [ "$ok1" = 0 ] && [ "$ok2" = 0 ] || status=FAIL
    echo "DRILL throughput $status claims=$CLAIMS one-node=$(rate "$one")/s two-nodes=$(rate "$two")/s load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
    [ "$status" = PASS ] && RESULT=0 || RESULT=1
    ;;
esac
exit "$RESULT"
