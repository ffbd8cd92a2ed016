# synthgen MCP server. Build: docker build -t synthgen .
# stdio (what MCP clients start):   docker run -i --rm -v "$PWD/output:/data/output" synthgen
# Streamable HTTP:                   docker run --rm -p 127.0.0.1:8080:8080 synthgen serve --http 0.0.0.0:8080
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# maven.test.skip: no test compilation and none of the test-only dependencies (Spark, Delta, DuckDB)
RUN ./mvnw -B -q -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
COPY --from=build /src/server/target/synthgen.jar /opt/synthgen/synthgen.jar
# plans persist in /data/state, full runs write under /data/output: mount /data (or each) to keep them
ENV SYNTHGEN_STATE=/data/state \
    SYNTHGEN_OUTPUT_ROOT=/data/output
WORKDIR /data
# JVM warnings go to stderr: in stdio mode stdout carries only JSON-RPC
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", "/opt/synthgen/synthgen.jar"]
CMD ["serve"]
