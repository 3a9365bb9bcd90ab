#!/usr/bin/env bash
# Prepares the fast start of a jar deployment (docs/reliability.md, "Restart"): unpacks the built jar into a
# plain class path, lists the classes a training start loads (it stops once the application context is up:
# Spring Boot's -Dspring.context.exit=onRefresh), and dumps them, parsed and verified, into a class-data-sharing
# archive. Then start the hub with
#
#   java -XX:SharedArchiveFile=<folder>/hub.jsa -jar <folder>/hmo-exchange-hub.jar
#
#   mvn -B -DskipTests package
#   scripts/cds-archive.sh [folder]          # default target/extracted
#
# A static archive from a class list without its lambda proxies, not the dynamic one of -XX:ArchiveClassesAtExit:
# on this machine's JDK (Debian's 17.0.15) dumping the hub's lambda proxies crashed the JVM, in the dynamic dump and
# in the static one from the full list alike (SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary,
# as in JDK-8274944: lambdas over pre-Java-6 interfaces, which some libraries still ship). The training start runs on the zero-setup defaults (H2 and the
# embedded broker, in a throw-away data folder) unless HUB_DB_URL and friends are set: trained with the production
# settings, the archive also holds PostgreSQL's driver (the training applies pending migrations, as the next start
# would). An archive is tied to the JVM build and the jar: make it again after either changes; a stale one is
# refused by the JVM with a warning, and the start is then as slow as without it.
set -euo pipefail
cd "$(dirname "$0")/.."
jar="${HUB_JAR:-target/hmo-exchange-hub.jar}"
out="${1:-target/extracted}"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -DskipTests package" >&2; exit 2; }
rm -rf "$out"
java -Djarmode=tools -jar "$jar" extract --destination "$out"
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# The JVM checks the class path of a start against the one the archive was dumped with: an absolute path, so the
# printed command works from any folder (give the jar exactly so).
app="$(cd "$out" && pwd)/$(basename "$jar")"
# Port 0: the training start may run beside a node already serving.
# Without HUB_DB_URL the training start is on H2, which a real start refuses (security/StartupChecks) unless allowed.
HUB_ALLOW_H2="${HUB_ALLOW_H2:-$([ -z "${HUB_DB_URL:-}" ] && echo true || echo false)}" \
HUB_DATA_DIR="${HUB_DATA_DIR:-$training}" HUB_PORT=0 java -XX:DumpLoadedClassList="$out/hub.classlist" \
  -Dspring.context.exit=onRefresh -jar "$app" >"$training/training.log" 2>&1 \
  || { tail -n 30 "$training/training.log" >&2; echo "the training start failed" >&2; exit 1; }
# Without the lambda proxies: dumping them crashes this JDK (below); they are made at run time as without an archive.
grep -v '^@lambda-proxy' "$out/hub.classlist" >"$training/classes.list"
java -Xshare:dump -XX:SharedClassListFile="$training/classes.list" -XX:SharedArchiveFile="$out/hub.jsa" -cp "$app" \
  >"$training/dump.log" 2>&1 || { tail -n 30 "$training/dump.log" >&2; echo "the archive dump failed" >&2; exit 1; }
echo "start it with: java -XX:SharedArchiveFile=$out/hub.jsa -jar $app"
echo "archive: $(du -h "$out/hub.jsa" | cut -f1), $(grep -vc '^#\|^@' "$out/hub.classlist") classes listed"
