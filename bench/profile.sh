#!/usr/bin/env bash
# Times `synthgen plan --from` (profiling and planning; whole process, JVM start included: wall and CPU seconds)
# on a file of the W2 workload (transactions: keys, a
# uniform foreign-key range, stores, timestamps, weighted payment methods, decimals from expressions, a clamped
# exponential count), written by synthgen itself, and reports wall time and peak RSS under a fixed heap.
#
# usage: bench/profile.sh [--rows N] [--format parquet|csv|jsonl] [--runs N] [--heap SIZE]
#   --rows N     rows of the file (default 10000000)
#   --format F   the file's format (default parquet)
#   --runs N     timed runs after one warm-up (default 3; the median is reported, peak RSS is the largest)
#   --heap SIZE  the JVM's -Xmx (default 512m): the profile's memory is bounded, whatever the row count
# Needs JDK 17+, ./mvnw and GNU time (/usr/bin/time).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS=10000000; FORMAT=parquet; RUNS=3; HEAP=512m
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2;;
    --format) FORMAT="$2"; shift 2;;
    --runs) RUNS="$2"; shift 2;;
    --heap) HEAP="$2"; shift 2;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
WORK="${TMPDIR:-/tmp}/synthgen-bench-profile"
mkdir -p "$WORK"
JAR="$ROOT/server/target/synthgen.jar"
if [[ ! -f "$JAR" || -n "$(find "$ROOT/generators/src/main" "$ROOT/server/src/main" -newer "$JAR" -print -quit)" ]]; then
  echo "== building synthgen" >&2
  (cd "$ROOT" && ./mvnw -q -B -Dmaven.test.skip=true package) >&2
fi
SG="$ROOT/bin/synthgen"
DATA="$WORK/w2-$ROWS-$FORMAT"
if [[ ! -f "$DATA/manifest.json" ]]; then
  echo "== writing $ROWS rows of W2 as $FORMAT to $DATA" >&2
  "$SG" generate "$ROOT/bench/plans/w2-transactions.json" --rows "$ROWS" --format "$FORMAT" --out "$DATA" >&2
fi
FILE="$(ls "$DATA"/transactions.* | head -1)"
BYTES=$(stat -c %s "$FILE")
echo "== profiling $FILE ($BYTES bytes), -Xmx$HEAP, 1 warm-up + $RUNS runs" >&2
: > "$WORK/times"
for i in $(seq 0 "$RUNS"); do
  SYNTHGEN_JAVA_OPTS="-Xmx$HEAP" /usr/bin/time -f "%e %M %U %S" -o "$WORK/last-time" \
    "$SG" plan --from "$FILE" > "$WORK/plan.json" 2> "$WORK/last-err" || { cat "$WORK/last-err" >&2; exit 1; }
  [[ $i -gt 0 ]] && cat "$WORK/last-time" >> "$WORK/times"
done
MEDIAN=$(awk '{print $1}' "$WORK/times" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
PEAK=$(awk '{ if ($2 > m) m = $2 } END {print m}' "$WORK/times")
CPU=$(awk '{print $3 + $4}' "$WORK/times" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "rows=$ROWS format=$FORMAT bytes=$BYTES heap=$HEAP median_seconds=$MEDIAN median_cpu_seconds=$CPU rows_per_second=$(awk -v r="$ROWS" -v s="$MEDIAN" 'BEGIN {printf "%d", r / s}') peak_rss_mb=$((PEAK / 1024)) load_average=$(cut -d' ' -f1 /proc/loadavg)"
echo "(the plan is in $WORK/plan.json)" >&2
