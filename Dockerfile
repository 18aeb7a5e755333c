# pidlink's container image, built from the release jar (not from source): first
#   ./pidlink package
#   docker build -t pidlink .
# The image runs the same executable jar that ./pidlink test runs (pidlink-app/target/pidlink-app-*-exec.jar),
# extracted into its layers (dependencies change rarely, pidlink's own classes often), as a non-root user.
# Untested here: the machines pidlink is developed and tested on run no Docker engine (docs/deployment.md).

FROM eclipse-temurin:21-jre AS layers
WORKDIR /build
COPY pidlink-app/target/pidlink-app-*-exec.jar pidlink.jar
RUN java -Djarmode=tools -jar pidlink.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 pidlink \
 && useradd --system --uid 10001 --gid pidlink --home-dir /var/lib/pidlink --create-home pidlink
WORKDIR /opt/pidlink
# One COPY per layer, least often changed first, so that a new pidlink version changes only the last layers.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
ENV PIDLINK_DATA_DIR=/var/lib/pidlink \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60"
VOLUME /var/lib/pidlink
EXPOSE 8080
# The liveness probe: the process serves HTTP. (bash's /dev/tcp: the JRE image needs no curl for it.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# Without configuration: the same demo as ./pidlink serve (embedded PostgreSQL and ORCID emulator).
# In production set SPRING_DATASOURCE_URL, the ORCID credentials and the rest (compose.yaml, docs/deployment.md).
# The Z collector, as the launcher runs pidlink (its pauses, not G1's 10-60 ms ones, keep the public lookup's p99
# under 10 ms; docs/deployment.md); ZGenerational because this is JDK 21.
ENTRYPOINT ["java", "-XX:+UseZGC", "-XX:+ZGenerational", "org.springframework.boot.loader.launch.JarLauncher"]
