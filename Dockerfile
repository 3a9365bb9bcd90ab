# HMO Exchange Hub image: build with Maven, run on a JRE as a non-root user.
#   docker build -t hmo-exchange-hub .
# Configuration comes from the environment at run time (see docs/configuration.md); nothing secret is
# baked into the image.

# ---- build ----------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# Dependencies first: this layer is reused until pom.xml changes.
COPY pom.xml ./
RUN mvn -B dependency:go-offline

COPY src ./src
RUN mvn -B -DskipTests package

# ---- run ------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --system hub \
    && useradd --system --gid hub --home-dir /app --no-create-home --shell /usr/sbin/nologin hub \
    && mkdir -p /app/data \
    && chown hub:hub /app/data

WORKDIR /app

# The jar, plus the folders the hub reads at run time (HUB_ROUTES_DIR, HUB_MAPPINGS_DIR default to
# <working dir>/routes and <working dir>/mappings). They stay root-owned: the hub only reads them.
# routes/ holds a .gitkeep so that the folder exists in a fresh clone even before any route is added.
# The jar is unpacked (a plain class path starts faster than jars inside a jar) and a class-data-sharing archive is
# made: a training start, which stops once the application context is up (on the zero-setup H2 database, which
# HUB_ALLOW_H2 lets it use, and the embedded broker, in a throw-away folder), lists the classes it loads, and the JVM
# dumps them, parsed and verified, into an archive it then maps at every start. A static archive from a class list
# without its lambda proxies: dumping those crashed the JVM on a JDK 17 here (with -XX:ArchiveClassesAtExit too). docs/reliability.md, "Restart";
# scripts/cds-archive.sh does the same for a jar deployment. (Not built here: no Docker engine on this machine.)
# On a quiet 2-core machine a node with such an archive was ready in 10.5 to 11 s, against 15.5 to 17.5 s for the plain
# jar (that archive trained on PostgreSQL; this one trains on H2, so PgJDBC's classes load outside it). A Java 25
# runtime with its AOT cache (scripts/cds-archive.sh makes it when given a Java 25) was ready in 8.6 to 9 s
# (docs/reliability.md "Restart"). This image stays on 17, the Java the hub is built and tested on.
COPY --from=build /build/target/hmo-exchange-hub.jar /tmp/hmo-exchange-hub.jar
COPY routes/ ./routes/
COPY mappings/ ./mappings/
RUN java -Djarmode=tools -jar /tmp/hmo-exchange-hub.jar extract --destination /app/hub \
    && rm /tmp/hmo-exchange-hub.jar \
    && HUB_ALLOW_H2=true HUB_DATA_DIR=/tmp/training java -XX:DumpLoadedClassList=/tmp/hub.classlist -Dspring.context.exit=onRefresh \
        -jar /app/hub/hmo-exchange-hub.jar \
    && grep -v '^@lambda-proxy' /tmp/hub.classlist > /tmp/hub.classes \
    && java -Xshare:dump -XX:SharedClassListFile=/tmp/hub.classes -XX:SharedArchiveFile=/app/hub/hub.jsa \
        -cp /app/hub/hmo-exchange-hub.jar \
    && rm -rf /tmp/training /tmp/hub.classlist /tmp/hub.classes

# /app/data (HUB_DATA_DIR) is the only place the hub writes: the H2 file database and the embedded
# broker's journal in the zero-setup run. Mount a volume there to keep them.
VOLUME ["/app/data"]

USER hub
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/hub/hub.jsa", "-jar", "/app/hub/hmo-exchange-hub.jar"]
