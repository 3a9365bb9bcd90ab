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
#   drills/run.sh kill-poller    [--claims 1000]    kill -9 the node polling the payer's answers folder while one answer
#                                                   a claim arrives: each applied once, the poller moved within 30 s
#   drills/run.sh same-file-twice [--claims 100]    one remittance paying N claims and one bulk request file, each
#                                                   dropped three times to two nodes: posted once, requested once
#
# Options: --claims N, --down-seconds S (payer-down), --timeout S (the longest wait of each phase),
# --recovery-limit S (kill and restarts: how soon after the fault the claims it caught must be delivered; 30,
# the promise; CI's KillNodeDrillIT gives more, as a build on a shared machine must not judge speed),
# --keep (leave drills/.work/run/<drill> for a look; it is always kept on FAIL).
# DRILL_JAR and DRILL_CLASSPATH: the hub's jar and the drill programs' class path, when not those of this checkout.
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
  kill-node|broker-restart|db-restart|payer-down|throughput|kill-poller|same-file-twice) ;;
  *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

CLAIMS=""
DOWN_SECONDS=300
TIMEOUT=""
RECOVERY_LIMIT=30
KEEP=false
while [ $# -gt 0 ]; do
  case "$1" in
    --claims) CLAIMS=$2; shift 2 ;;
    --down-seconds) DOWN_SECONDS=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --recovery-limit) RECOVERY_LIMIT=$2; shift 2 ;;
    --keep) KEEP=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$DRILL" in
  payer-down) CLAIMS=${CLAIMS:-1000} ;;
  throughput) CLAIMS=${CLAIMS:-3000} ;;
  kill-poller) CLAIMS=${CLAIMS:-1000} ;;
  same-file-twice) CLAIMS=${CLAIMS:-100} ;;
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

# The drill's own programs (payers, seed, load, verdict) are short-lived helpers, not what is tried: the quick
# compiler only and one GC thread leave the two cores to the hub nodes (which run with the JVM's defaults).
HELPER_JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

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
      say "building the jar and the drill programs (mvn package -DskipTests)"
      (cd "$ROOT" && mvn -B -q -DskipTests package dependency:build-classpath \
          -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test)
    fi
    CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")
  fi
  JAR=${DRILL_JAR:-$ROOT/target/hmo-exchange-hub.jar}
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
  start_group payers "$RUN/payers.log" java "${HELPER_JVM[@]}" -Xmx256m -cp "$CP" com.hmoexchange.hub.drills.StandInPayers \
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
  if [ "$DRILL" = same-file-twice ]; then # the clients' bulk request folder, on the stand-in SFTP server
    HUB_ENV+=(HUB_BULK_SFTP_ENABLED=true HUB_BULK_SFTP_HOST=127.0.0.1 HUB_BULK_SFTP_PORT="$SFTP_PORT" HUB_BULK_SFTP_USER=hub
      HUB_BULK_SFTP_PASSWORD="$SECRET" HUB_BULK_SFTP_DIR=client-requests HUB_BULK_SFTP_KNOWN_HOSTS="$RUN/payers/known_hosts"
      HUB_BULK_POLL_DELAY=2000)
  fi
}

seed() { # payer=count[,payer=count] [client:payer=staff]
  say "seeding $DB with $* (migrations, a practice, members, drafts through the hub's own services)"
  mkdir -p "$RUN/seed"
  local started=$(date +%s)
  # No routes: the seed only writes drafts, nothing is sent.
  mkdir -p "$RUN/seed/no-routes"
  # In the background and waited for: a Ctrl-C or TERM meanwhile ends the drill at once (bash runs a trap only
  # between commands, so a seed in the foreground would delay it for minutes), and the trap stops the seed too.
  start_group seed "$RUN/seed.log" timeout "$TIMEOUT" env --chdir="$RUN/seed" "${HUB_ENV[@]}" HUB_PORT=0 \
      HUB_DATA_DIR="$RUN/seed" HUB_ROUTES_DIR="$RUN/seed/no-routes" \
      java "${HELPER_JVM[@]}" -Xmx768m -cp "$CP" com.hmoexchange.hub.drills.DrillSeed "$RUN" "$@"
  local code=0
  wait "${GROUPS_BY_NAME[seed]}" || code=$?
  unset "GROUPS_BY_NAME[seed]"
  if [ "$code" != 0 ]; then
    say "the seed failed: see $RUN/seed.log"; tail -n 30 "$RUN/seed.log" >&2; echo "DRILL $DRILL FAIL seed"; exit 1
  fi
  say "seeded in $(( $(date +%s) - started ))s"
}

node_url() { echo "http://127.0.0.1:${NODE_PORTS[$(( $1 - 1 ))]}"; }
node_start() { # 1|2: starts a node; node_ready waits for it
  local n=$1
  mkdir -p "$RUN/node-$n"
  start_group "node-$n" "$RUN/node-$n.log" env --chdir="$RUN/node-$n" "${HUB_ENV[@]}" \
      HUB_PORT="${NODE_PORTS[$(( n - 1 ))]}" HUB_DATA_DIR="$RUN/node-$n" HUB_NODE_ID="drill-node-$n" java -Xmx768m -jar "$JAR"
}
node_ready() { wait_for "node $1 ready" "$TIMEOUT" curl -fsS "$(node_url "$1")/actuator/health/readiness"; }

delivered() { psql_main -d "$DB" -c "select count(*) from claim where delivery_status = 'DELIVERED'"; }
at_least_delivered() { [ "$(delivered)" -ge "$1" ]; }

submit() { # drafts file, node numbers... : the bulk submits, in the background (SUBMITTER is its group)
  local file=$1; shift
  local urls="" n
  for n in "$@"; do urls="$urls${urls:+,}$(node_url "$n")"; done
  start_group submitter "$RUN/submit.log" java "${HELPER_JVM[@]}" -Xmx256m -cp "$CP" com.hmoexchange.hub.drills.DrillLoad submit \
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
  java "${HELPER_JVM[@]}" -Xmx256m -cp "$CP" com.hmoexchange.hub.drills.DrillLoad verdict "$DRILL" "$1" "$RUN/payers/deliveries.log" \
      "$DB_URL" "$TIMEOUT" "$2" "$3" "$RECOVERY_LIMIT" >"$RUN/verdict.txt" || code=$?
  local repaired
  repaired=$(cat "$RUN"/node-*.log 2>/dev/null | grep -o 'Noted [0-9]* claim(s) delivered' | awk '{n += $2} END {print n + 0}')
  say "the repair step noted $repaired claim(s) delivered that the message store had delivered and the claim did not say"
  cat "$RUN/verdict.txt"
  return "$code"
}

setup() { # payer=count[,...], nodes to start, [client:payer=staff]
  build
  rm -rf "$RUN"; mkdir -p "$RUN"
  database
  hub_env
  broker_start
  payers_start
  seed "$1" ${3:-}
  local n
  for n in $(seq 1 "$2"); do node_start "$n"; done
  for n in $(seq 1 "$2"); do node_ready "$n"; done
  say "ready: broker :$BROKER_PORT, payers :$HTTP_PORT (http) :$SFTP_PORT (sftp), nodes $(seq -s ' ' 1 "$2"), database $DB"
}

# ---- the one-poller drills: who holds a lock, answer files, what the database says -------------------
ms_of_log_line() { date -d "$(cut -c1-24 <<<"$1")" +%s%3N; }   # a node's log line starts with its ISO time
holds_line() { grep -h "Cluster: node drill-node-$1 now holds $2\$" "$RUN/node-$1.log" 2>/dev/null | tail -n 1; }
holder_of() { # lock name: the node that took it last, of those running (1 or 2)
  local lock=$1 n best="" best_ms=0 line ms
  for n in 1 2; do
    [ -n "${GROUPS_BY_NAME[node-$n]:-}" ] || continue
    line=$(holds_line "$n" "$lock"); [ -n "$line" ] || continue
    ms=$(ms_of_log_line "$line"); [ "$ms" -gt "$best_ms" ] && best=$n best_ms=$ms
  done
  echo "$best"
}
node_holds() { [ -n "$(holds_line "$1" "$2")" ]; }
has_holder() { [ -n "$(holder_of "$1")" ]; }
drop() { # folder, name, content file: written under a dot-name (the pollers skip those) and renamed, as a payer would
  mkdir -p "$1"; cp "$3" "$1/.$2.part"; mv "$1/.$2.part" "$1/$2"
}
sql() { psql_main -d "$DB" -c "$1"; }
all_delivered() { [ "$(delivered)" -ge "$CLAIMS" ]; }
moved_after() { # node, lock, fault epoch ms: seconds from the fault until that node took the lock
  awk -v a="$(ms_of_log_line "$(holds_line "$1" "$2")")" -v b="$3" 'BEGIN { printf "%.1f", (a - b) / 1000 }'
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
  kill-poller)
    # Every claim to the SFTP payer and delivered first; then one answer a claim (DECLINED, the hub's REJECTED, with a reason) in 20
    # files dropped one a second in the payer's answers folder; after the eighth file the node polling it is killed.
    LOCK=poll.payer.drill-sftp.sftp
    setup "drill-sftp=$CLAIMS" 2
    submit "$RUN/drafts.txt" 1 2; submitted
    wait_for "all $CLAIMS claims delivered" "$TIMEOUT" all_delivered
    sql "select claim_number from claim where status = 'SUBMITTED' and delivery_status = 'DELIVERED' order by claim_number" >"$RUN/claims.txt"
    wait_for "a node polling $LOCK" 60 has_holder "$LOCK"
    victim=$(holder_of "$LOCK"); survivor=$((3 - victim))
    files=20; per_file=$(( (CLAIMS + files - 1) / files )); mkdir -p "$RUN/answers"
    split -d -a 2 -l "$per_file" "$RUN/claims.txt" "$RUN/answers/part-"
    say "node $victim polls $LOCK; dropping $CLAIMS answers in $(ls "$RUN/answers" | wc -l) files, one a second"
    started=$(now_ms); struck=0; i=0
    for part in "$RUN"/answers/part-*; do
      { echo "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON"
        sed 's/.*/&,DRILL-&,DECLINED,,,,R07,No referral letter on file/' "$part"; } >"$part.csv"
      drop "$RUN/payers/root/responses" "status-$(basename "$part").csv" "$part.csv"
      i=$((i + 1))
      if [ "$i" = 8 ]; then
        say "kill -9 node $victim, the poller of the payer's answers, with $(sql "select count(*) from claim where status = 'REJECTED'") of $CLAIMS answers applied"
        struck=$(now_ms); stop_group "node-$victim" KILL
      fi
      sleep 1
    done
    applied() { [ "$(sql "select count(*) from claim where status = 'REJECTED'")" -ge "$CLAIMS" ]; }
    wait_for "node $survivor polling $LOCK" "$TIMEOUT" node_holds "$survivor" "$LOCK"
    settled=true; until_s=$(( $(date +%s) + TIMEOUT ))
    until applied; do [ "$(date +%s)" -ge "$until_s" ] && { settled=false; break; }; sleep 1; done
    done_ms=$(now_ms)
    declined=$(sql "select count(*) from claim where status = 'REJECTED'")
    twice=$(sql "select count(*) from (select claim_id from claim_status_change where to_status = 'REJECTED' group by claim_id having count(*) > 1) t")
    taken_twice=$(sql "select count(*) from (select name from inbound_document where payer_code = 'drill-sftp' group by name having count(*) > 1) t")
    documents=$(sql "select count(*) from inbound_document where payer_code = 'drill-sftp' and outcome = 'APPLIED'")
    exceptions=$(sql "select count(*) from payer_exception")
    moved=$(moved_after "$survivor" "$LOCK" "$struck")
    status=PASS
    { [ "$settled" = true ] && [ "$declined" = "$CLAIMS" ] && [ "$twice" = 0 ] && [ "$taken_twice" = 0 ] && [ "$exceptions" = 0 ] \
        && awk -v m="$moved" 'BEGIN { exit !(m <= 30) }'; } || status=FAIL
    echo "DRILL kill-poller $status answers=$CLAIMS files=$i applied=$declined applied-twice=$twice files-taken-twice=$taken_twice" \
      "files-applied=$documents exceptions=$exceptions poller-moved-after=${moved}s all-applied-after=$(awk -v a="$done_ms" -v b="$started" 'BEGIN { printf "%.1f", (a - b) / 1000 }')s" \
      "load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
    [ "$status" = PASS ] && RESULT=0 || RESULT=1
    ;;
  same-file-twice)
    # One remittance paying every claim and one bulk request file, each dropped three times under other names:
    # twice at once to the node polling (one of them a copy), then once more after that node is killed, to the other.
    setup "drill-sftp=$CLAIMS" 2 "client:drill-sftp=50"
    submit "$RUN/drafts.txt" 1 2; submitted
    wait_for "all $CLAIMS claims delivered" "$TIMEOUT" all_delivered
    client=$(head -n 1 "$RUN/client.txt"); rows=$(( $(wc -l <"$RUN/client.txt") - 1 ))
    { echo "PAYMENT_REF,PAYMENT_DATE,PAYMENT_TOTAL,CLAIM_REF,HCI_REF,BILLED,PAID,REASON_CODE,REASON"
      sql "select c.claim_number || ',' || sum(l.quantity * l.unit_price) from claim c join claim_line l on l.claim_id = c.id
           where c.delivery_status = 'DELIVERED' group by c.claim_number order by c.claim_number" >"$RUN/billed.txt"
      total=$(awk -F, '{ t += $2 } END { printf "%.2f", t }' "$RUN/billed.txt")
      awk -F, -v total="$total" -v day="$(date +%F)" '{ printf "DRILL-PAY-1,%s,%s,%s,DRILL-%s,%s,%s,,\n", day, total, $1, $1, $2, $2 }' "$RUN/billed.txt"
    } >"$RUN/remittance.csv"
    { echo "kind,enrolleeNumber,firstName"; tail -n +2 "$RUN/client.txt" | sed 's/.*/EDIT_DETAILS,&,Renamed/'; } >"$RUN/bulk.csv"
    PAYER_IN=$RUN/payers/root/responses; CLIENT_IN=$RUN/payers/root/client-requests/$client
    wait_for "a node polling the payer's answers and the clients' folder" 60 has_holder poll.clients.sftp
    wait_for "a node polling the payer's answers" 60 has_holder poll.payer.drill-sftp.sftp
    first=$(holder_of poll.payer.drill-sftp.sftp); first_clients=$(holder_of poll.clients.sftp)
    say "node $first polls the payer's answers, node $first_clients the clients' folder: each file dropped twice"
    drop "$PAYER_IN" remittance-1.csv "$RUN/remittance.csv"; drop "$PAYER_IN" remittance-1-copy.csv "$RUN/remittance.csv"
    drop "$CLIENT_IN" staff-changes.csv "$RUN/bulk.csv"; drop "$CLIENT_IN" staff-changes-copy.csv "$RUN/bulk.csv"
    gone() { [ -z "$(ls -A "$PAYER_IN" | grep -v '^\.')" ] && [ -z "$(ls -A "$CLIENT_IN")" ]; }
    wait_for "both copies taken" "$TIMEOUT" gone
    struck=$(now_ms); say "kill -9 node $first; the third copies go to node $((3 - first))"
    stop_group "node-$first" KILL
    [ "$first_clients" != "$first" ] && stop_group "node-$first_clients" KILL
    survivor=$((3 - first))
    wait_for "node $survivor polling both folders" "$TIMEOUT" bash -c "grep -q 'drill-node-$survivor now holds poll.payer.drill-sftp.sftp\$' $RUN/node-$survivor.log && grep -q 'drill-node-$survivor now holds poll.clients.sftp\$' $RUN/node-$survivor.log"
    drop "$PAYER_IN" remittance-again.csv "$RUN/remittance.csv"; drop "$CLIENT_IN" staff-changes-again.csv "$RUN/bulk.csv"
    wait_for "the third copies taken" "$TIMEOUT" gone
    sleep 5 # the intake commits after the file is moved aside: let the last one finish
    remittances=$(sql "select count(*) from remittance where payer_code = 'drill-sftp'")
    paid=$(sql "select count(distinct claim_id) from claim_payment")
    payments=$(sql "select count(*) from claim_payment")
    documents=$(sql "select outcome || '=' || count(*) from inbound_document where payer_code = 'drill-sftp' group by outcome order by outcome" | paste -sd' ')
    requests=$(sql "select count(*) from change_request")
    requested_twice=$(sql "select count(*) from (select enrollee_number from change_request group by enrollee_number having count(*) > 1) t")
    exceptions=$(sql "select count(*) from payer_exception")
    status=PASS
    { [ "$remittances" = 1 ] && [ "$paid" = "$CLAIMS" ] && [ "$payments" = "$CLAIMS" ] && [ "$requests" = "$rows" ] \
        && [ "$requested_twice" = 0 ] && [ "$exceptions" = 0 ]; } || status=FAIL
    echo "DRILL same-file-twice $status claims=$CLAIMS remittances-posted=$remittances claims-paid=$paid payments=$payments" \
      "documents=\"$documents\" bulk-rows=$rows requests=$requests requested-twice=$requested_twice exceptions=$exceptions" \
      "third-copies-to=node-$survivor load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
    [ "$status" = PASS ] && RESULT=0 || RESULT=1
    ;;
esac
exit "$RESULT"
