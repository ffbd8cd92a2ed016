#!/usr/bin/env bash
# Benchmarks synthgen's compiled Spark SQL against a dbldatagen-style Spark SQL peer (bench/peers/spark-sql: plain
# rand(seed) per column) on the workloads W1 and W2 of ../shared/bench, side by side in one Spark local[2] session,
# both written as Parquet (ZSTD) by df.write; verifies all four outputs with the shared verifier; and optionally
# generates 1,000,000,000 rows of W2 through the compiled SQL, with time, peak RSS, rows/s and checks read back from
# the files (count, sum(txn_id) = n(n+1)/2, means, and the first 10M rows against the local engine).
#
# usage: bench/spark.sh [--w1-rows N] [--w2-rows N] [--runs K] [--partitions P] [--only W1|W2] [--no-compare]
#                       [--billion] [--billion-rows N] [--billion-partitions P] [--billion-slices S] [--budget SECONDS] [--delta] [--keep]
#   --runs K              timed runs per case after one warm-up (default 3; the median is reported)
#   --partitions P        range() partitions of both contenders in the side-by-side runs (default 2, one per core)
#   --billion             also run W2 at 1,000,000,000 rows (--billion-rows to change) through the compiled SQL
#   --billion-slices S    write it as S slices (CompiledTable.select(first, count)) appended to one table
#                         (default 10), so progress shows and a time budget can stop between slices
#   --billion-partitions  range() partitions of each slice (default 10: 10M rows, one Parquet file each)
#   --budget SECONDS      do not start a slice that would end after SECONDS of writing (default: no budget)
#   --delta               write the large run as a Delta table instead of Parquet
#   --keep                keep the large run's files (tens of GB) instead of deleting them after the checks
# Environment: SPARK_BENCH_HEAP (default 4g), SYNTHGEN_SHARED (default ../shared), TMPDIR.
# Results are printed and written to bench-results/spark-<date>.md. Needs JDK 17+ (javac) and GNU time.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SYNTHGEN_SHARED:-$ROOT/../shared}"
W1_ROWS=1000000; W2_ROWS=10000000; RUNS=3; PARTITIONS=2; ONLY=""; COMPARE=1
BILLION=0; BILLION_ROWS=1000000000; BILLION_PARTITIONS=10; BILLION_SLICES=10; BUDGET=0; FORMAT=parquet; KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --w1-rows) W1_ROWS="$2"; shift 2;;
    --w2-rows) W2_ROWS="$2"; shift 2;;
    --runs) RUNS="$2"; shift 2;;
    --partitions) PARTITIONS="$2"; shift 2;;
    --only) ONLY="$2"; shift 2;;
    --no-compare) COMPARE=0; shift;;
    --billion) BILLION=1; shift;;
    --billion-rows) BILLION=1; BILLION_ROWS="$2"; shift 2;;
    --billion-partitions) BILLION_PARTITIONS="$2"; shift 2;;
    --billion-slices) BILLION_SLICES="$2"; shift 2;;
    --budget) BUDGET="$2"; shift 2;;
    --delta) FORMAT=delta; shift;;
    --keep) KEEP=1; shift;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
command -v javac > /dev/null || { echo "javac (a JDK 17+) is needed to compile bench/SparkRuns.java" >&2; exit 2; }
[[ -d "$SHARED/bench" ]] || { echo "no $SHARED/bench; set SYNTHGEN_SHARED to the folder that holds bench/" >&2; exit 2; }

WORK="${TMPDIR:-/tmp}/synthgen-spark-bench"
mkdir -p "$WORK"
OUT="$ROOT/bench-results"; mkdir -p "$OUT"
REPORT="$OUT/spark-$(date -u +%Y-%m-%dT%H%M%SZ).md"

echo "== building synthgen and its test classpath (Spark, Delta and DuckDB are test dependencies of server)" >&2
# one reactor invocation, so the classpath names the generators jar just built; offline
(cd "$ROOT" && ./mvnw -B -o -q -pl server -am package -DskipTests \
  org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt) >&2
CP="$(cat "$ROOT/server/target/bench-cp.txt")"
rm -rf "$WORK/classes"; mkdir -p "$WORK/classes"
javac -nowarn -cp "$CP" -d "$WORK/classes" "$ROOT/bench/SparkRuns.java"

echo "== preparing the shared bench (word lists, verifier) in $WORK/bench" >&2
if [[ ! -d "$WORK/bench" ]]; then cp -r "$SHARED/bench" "$WORK/bench"; chmod -R u+w "$WORK/bench"; fi
[[ -f "$WORK/bench/data/wordlists/first_names.txt" ]] || (cd "$WORK/bench" && tools/wordlists.sh >&2)
# the verifier needs only DuckDB's JDBC driver, which is on the test classpath
mkdir -p "$WORK/verify-classes"
javac -nowarn -cp "$CP" -d "$WORK/verify-classes" "$WORK/bench/tools/verify/src/main/java/bench/Verify.java"

# the JVM options Spark's launcher passes, as the server's integration tests use them
SPARK_OPTS="$(sed -n 's:.*<spark.jvmOptions>\(.*\)</spark.jvmOptions>.*:\1:p' "$ROOT/server/pom.xml")"
JAVA=(java "-Xmx${SPARK_BENCH_HEAP:-4g}" -XX:+UseParallelGC $SPARK_OPTS
  "-Dlogback.configurationFile=$ROOT/bench/spark-logback.xml" "-Dbench.root=$ROOT"
  -cp "$WORK/classes:$CP" SparkRuns)
export SPARK_LOCAL_IP=127.0.0.1

# runs "$@" under GNU time -v; leaves the peak RSS (kB) and elapsed time in $WORK/last-time
timed() {
  /usr/bin/time -v -o "$WORK/last-time" "$@"
}
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/last-time"; }

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $COMPARE == 1 ]]; then
  echo "== side by side: W1 $W1_ROWS rows, W2 $W2_ROWS rows, $RUNS runs" >&2
  ONLY_ARGS=(); [[ -n "$ONLY" ]] && ONLY_ARGS=(--only "$ONLY")
  timed "${JAVA[@]}" compare --work "$WORK" --report "$REPORT" --words "$WORK/bench/data/wordlists" \
    --w1-rows "$W1_ROWS" --w2-rows "$W2_ROWS" --runs "$RUNS" --partitions "$PARTITIONS" "${ONLY_ARGS[@]}"
  { echo; echo "Peak RSS of the side-by-side JVM (both contenders, all runs, the local engine's check): $(peak_mb) MB."; } >> "$REPORT"

  echo "== verifying every output with the shared verifier" >&2
  { echo; echo "Shared verifier (row count, types, null rates, weights, ranges, the workload's SQL checks):"; echo; } >> "$REPORT"
  FAILED=0
  for W in W1 W2; do
    [[ -n "$ONLY" && "$ONLY" != "$W" ]] && continue
    [[ $W == W1 ]] && N=$W1_ROWS || N=$W2_ROWS
    for C in peer synthgen; do
      if java -Xmx2g -Dbench.home="$WORK/bench" -cp "$WORK/verify-classes:$CP" bench.Verify "$WORK/$W-$C" "$W" "$N" \
          > "$WORK/verify-$W-$C.txt" 2>&1; then
        echo "- $W $C: $(grep '^VERIFY' "$WORK/verify-$W-$C.txt")" >> "$REPORT"
      else
        FAILED=1
        echo "- $W $C: $(grep '^VERIFY' "$WORK/verify-$W-$C.txt" || echo 'VERIFY did not finish'); $(grep '^FAIL' "$WORK/verify-$W-$C.txt" | head -5 | tr '\n' ' ')" >> "$REPORT"
        echo "$W $C failed verification; see $WORK/verify-$W-$C.txt" >&2
      fi
    done
  done
fi

if [[ $BILLION == 1 ]]; then
  echo "== W2 at $BILLION_ROWS rows through the compiled SQL into $FORMAT" >&2
  df -h "$WORK" | tail -1 >&2
  echo >> "$REPORT"
  timed "${JAVA[@]}" large --work "$WORK" --report "$REPORT" --rows "$BILLION_ROWS" \
    --partitions "$BILLION_PARTITIONS" --slices "$BILLION_SLICES" --budget-seconds "$BUDGET" --format "$FORMAT"
  {
    echo
    echo "Whole process (Spark start, the write, the checks, the local engine's 10M-row prefix): $(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/last-time") wall, peak RSS $(peak_mb) MB (GNU time -v), heap -Xmx${SPARK_BENCH_HEAP:-4g}."
  } >> "$REPORT"
  [[ $KEEP == 1 ]] || rm -rf "$WORK/large-w2-$FORMAT"
fi
{ echo; echo "Load average (1, 5, 15 min): $START_LOAD at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."; } >> "$REPORT"
echo "== report: $REPORT" >&2
cat "$REPORT"
[[ ${FAILED:-0} == 0 ]]
