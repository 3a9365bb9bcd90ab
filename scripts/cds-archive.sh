#!/usr/bin/env bash
# Prepares the fast start of a jar deployment (docs/reliability.md, "Restart") for the JVM on the PATH (or JAVA):
# unpacks the built jar into a plain class path and runs a training start that stops once the application context
# is up (Spring Boot's -Dspring.context.exit=onRefresh). Then:
#
#   - Java 25 or later: the training writes an AOT cache (JEP 483/514/515: the classes loaded and linked, and the
#     methods' profiles), the fastest start:  java -XX:AOTCache=<folder>/hub.aot -jar <folder>/hmo-exchange-hub.jar
#   - Java 17 to 24: the classes the training loaded are dumped, parsed and verified, into a static class-data-sharing
#     archive:  java -XX:SharedArchiveFile=<folder>/hub.jsa -jar <folder>/hmo-exchange-hub.jar
#
#   mvn -B -DskipTests package
#   scripts/cds-archive.sh [folder]          # default target/extracted
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java scripts/cds-archive.sh   # the archive for that JVM
#
# The training makes every bean (HUB_LAZY_START=false), so the archive also holds the classes of the pages and the
# API, which a lazy start loads at their first request.
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
java="${JAVA:-java}"
[ -f "$jar" ] || { echo "no $jar: build it with mvn -B -DskipTests package" >&2; exit 2; }
rm -rf "$out"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$out"
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
# The JVM checks the class path of a start against the one the archive was dumped with: an absolute path, so the
# printed command works from any folder (give the jar exactly so).
app="$(cd "$out" && pwd)/$(basename "$jar")"
# Port 0: the training start may run beside a node already serving.
# Without HUB_DB_URL the training start is on H2, which a real start refuses (security/StartupChecks) unless allowed.
export HUB_ALLOW_H2="${HUB_ALLOW_H2:-$([ -z "${HUB_DB_URL:-}" ] && echo true || echo false)}" \
  HUB_DATA_DIR="${HUB_DATA_DIR:-$training}" HUB_PORT=0 HUB_LAZY_START=false
if "$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
  # Java 25+: one training run records and then writes the cache (the JVM starts a second process for the latter).
  "$java" -XX:AOTCacheOutput="$out/hub.aot" -Dspring.context.exit=onRefresh -jar "$app" >"$training/training.log" 2>&1 \
    || { tail -n 30 "$training/training.log" >&2; echo "the training start failed" >&2; exit 1; }
  [ -s "$out/hub.aot" ] || { tail -n 30 "$training/training.log" >&2; echo "no AOT cache was written" >&2; exit 1; }
  echo "start it with: $java -XX:AOTCache=$out/hub.aot -jar $app"
  echo "AOT cache: $(du -h "$out/hub.aot" | cut -f1)"
  exit 0
fi
"$java" -XX:DumpLoadedClassList="$out/hub.classlist" \
  -Dspring.context.exit=onRefresh -jar "$app" >"$training/training.log" 2>&1 \
  || { tail -n 30 "$training/training.log" >&2; echo "the training start failed" >&2; exit 1; }
# Without the lambda proxies: dumping them crashes this JDK (below); they are made at run time as without an archive.
grep -v '^@lambda-proxy' "$out/hub.classlist" >"$training/classes.list"
"$java" -Xshare:dump -XX:SharedClassListFile="$training/classes.list" -XX:SharedArchiveFile="$out/hub.jsa" -cp "$app" \
  >"$training/dump.log" 2>&1 || { tail -n 30 "$training/dump.log" >&2; echo "the archive dump failed" >&2; exit 1; }
echo "start it with: $java -XX:SharedArchiveFile=$out/hub.jsa -jar $app"
echo "archive: $(du -h "$out/hub.jsa" | cut -f1), $(grep -vc '^#\|^@' "$out/hub.classlist") classes listed"
