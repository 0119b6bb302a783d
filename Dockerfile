# The users service as a container image. Build: docker build -t users-service .
# Stage 1 builds the jar with the JDK (tests are the CI's job, not the image's); stage 2 runs it on a JRE as a user
# without privileges (the embedded PostgreSQL refuses to run as root anyway).
FROM eclipse-temurin:17.0.15_6-jdk AS build
# package starts the service once (with its embedded PostgreSQL) to record the class-data archive: not as root
RUN useradd --create-home build && mkdir /src && chown build /src
USER build
WORKDIR /src
COPY --chown=build .mvn .mvn
COPY --chown=build mvnw pom.xml ./
COPY --chown=build shared-events shared-events
COPY --chown=build shared-kernel shared-kernel
COPY --chown=build command-side command-side
COPY --chown=build query-side query-side
COPY --chown=build user-service user-service
# client-it is test only (a generated client's walk-through): copied because the reactor reads every module's pom,
# and left out of the build
COPY --chown=build client-it client-it
# package also unpacks the jar into user-service/target/app (application jar + lib/) with its class-data archive
RUN ./mvnw -B -q -DskipTests -pl user-service -am package

FROM eclipse-temurin:17.0.15_6-jre
RUN groupadd --system --gid 10001 users && useradd --system --uid 10001 --gid users --home-dir /app users \
    && mkdir -p /data && chown users:users /data
WORKDIR /app
COPY --from=build --chown=users:users /src/user-service/target/app/ /app/
USER 10001:10001
# the heap follows the container's memory limit instead of a fixed size (docs/api.md#running-the-service: a quarter
# of the machine by default is too little in a small container and too much on a large host)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:SharedArchiveFile=/app/user-service.jsa" \
    USERS_DATA_DIR=/data
EXPOSE 8080
VOLUME /data
ENTRYPOINT ["java", "-jar", "/app/user-service.jar"]
