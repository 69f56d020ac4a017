# Flowmatik: one image for every runtime mode; FLOWMATIK_SIDES and SPRING_PROFILES_ACTIVE decide
# at start which side(s) it runs and where its data lives (see docker-compose.yml).

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /workspace

# The wrapper and the poms alone first: the dependency layer below is then rebuilt only when a
# pom changes, not on every source edit.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY shared-api/pom.xml shared-api/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY app/pom.xml app/
# chmod because a checkout on Windows or from an archive can lose the executable bit.
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY . .
RUN ./mvnw -B -q -DskipTests package
# Unpacked (a thin jar beside its lib/): the JVM opens plain jars instead of jars nested in a jar,
# and an AOT cache (below) can only be made for such a class path.
RUN java -Djarmode=tools -jar app/target/flowmatik.jar extract --destination /workspace/extracted


# Java 25: requests run on virtual threads there (a chat waiting on a slow provider holds no platform
# thread). Pinned to a patch release (and its Ubuntu base): a floating tag changes under a rebuild.
FROM eclipse-temurin:25.0.3_9-jre-noble

# A fixed, non-root uid so that mounted volumes can be given to it predictably.
RUN groupadd --system --gid 10001 flowmatik \
    && useradd --system --uid 10001 --gid flowmatik --home-dir /app --shell /usr/sbin/nologin flowmatik \
    && mkdir -p /app/data \
    && chown flowmatik:flowmatik /app/data

WORKDIR /app
COPY --from=build /workspace/extracted/ /app/

# Where the embedded mode keeps its H2 database when the image runs without a profile; the
# mysql and axonserver modes do not write here.
ENV FLOWMATIK_DATA_DIR=/app/data

# An AOT cache (JEP 483/514) from a training run: the platform starts on the embedded default up to
# a refreshed context and exits, and the JVM keeps the classes it loaded and linked, and the
# methods' profiles, for every later start. Measured on the 2-core machine: 40 % less CPU to a
# healthy /health (README, Benchmarks). The same JVM flags as the ENTRYPOINT, so the cache fits.
RUN FLOWMATIK_DATA_DIR=/tmp/aot-training java -XX:MaxRAMPercentage=75.0 -XX:AOTCacheOutput=/app/flowmatik.aot \
        -Dspring.context.exit=onRefresh -jar /app/flowmatik.jar \
    && rm -rf /tmp/aot-training

USER flowmatik
EXPOSE 8080

# No HEALTHCHECK here: this base image promises neither curl nor wget (Temurin dropped curl from
# its images), and installing one only for that grows the image. docker-compose.yml checks
# GET /health with bash's /dev/tcp instead, which needs nothing beyond the base image.

# Exec form, so that java is PID 1 and gets SIGTERM for Spring's graceful shutdown.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:AOTCache=/app/flowmatik.aot", "-jar", "/app/flowmatik.jar"]
