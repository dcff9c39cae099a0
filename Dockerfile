# syntax=docker/dockerfile:1
# The VoiceAppoint server: built by the Maven Wrapper on a JDK, run on a JRE as an unprivileged user.
#
#   docker build -t voiceappoint .
#   docker run -p 8000:8000 -e DATABASE_URL=postgresql://user:pass@host:5432/db -e JWT_SECRET=... voiceappoint

FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY . .
# The Maven cache outlives the layer, so a rebuild after a code change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw --batch-mode --no-transfer-progress -DskipTests -Dspotless.check.skip=true -pl bootstrap -am package \
 && cp bootstrap/target/voiceappoint.jar /voiceappoint.jar

# The same Java 17 the test suite runs on: what was tested is what runs.
FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10001 voiceappoint \
 && useradd --system --uid 10001 --gid voiceappoint --home-dir /var/lib/voiceappoint --create-home voiceappoint
COPY --from=build /voiceappoint.jar /app/voiceappoint.jar
USER 10001:10001
WORKDIR /var/lib/voiceappoint
ENV PORT=8000 \
    DATA_DIR=/var/lib/voiceappoint
EXPOSE 8000
VOLUME ["/var/lib/voiceappoint"]
# Ready, not merely alive: the database answers with this build's schema (and Redis, when configured).
HEALTHCHECK --interval=15s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/app/voiceappoint.jar", "health"]
# The heap follows the container's memory limit; more JVM flags go in JDK_JAVA_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/voiceappoint.jar"]
