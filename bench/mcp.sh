#!/usr/bin/env bash
# Measures the MCP server as a client sees it, over stdio against the packaged jar: time until it answers
# initialize, warm propose_plan, warm generate_sample of the five retail tables, and get_job latency while a
# 10M-row generate_full runs (io.synthgen.server.mcp.McpBench).
#
# usage: bench/mcp.sh [JVM options for the server...]    e.g. bench/mcp.sh -XX:TieredStopAtLevel=1
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./mvnw -q -B -DskipTests package
# the packaged jar holds the MCP client too; the bench class is a test class
exec java -cp "server/target/test-classes:server/target/synthgen.jar" io.synthgen.server.mcp.McpBench \
  server/target/synthgen.jar "$@"
