#!/usr/bin/env bash
# Benchmarks a change-feed batch against a snapshot of the same rows (issue 12's target: a feed batch within 1.5x
# the snapshot's time). For the retail customers feed and the iot devices feed, with the template scaled to M rows
# of that table and the feed's rows_per_batch = M, it times, each written alone to Parquet (ZSTD) by
# bench/CdcRuns.java:
#   snapshot   the plain table, M rows
#   full_load  feed batch 0: M APPENDs of the same rows (plain format)
#   plain      feed batch B: M operations, plain format (operation, operation_date)
#   delta_cdf  feed batch B in the Delta change data feed format (an UPDATE is two rows)
#   debezium   feed batch B as Debezium envelopes (key, before and after as JSON)
# both as whole processes (JVM start, plan, resolve and the write; median of N, CPU seconds from GNU time, peak RSS)
# and warm (N runs in one JVM after one warm-up; median wall and CPU seconds), and reports each case's ratio to the
# snapshot. A case whose warm ratio is above --limit is profiled with JDK Flight Recorder (4 runs in one JVM) and the
# hottest methods are listed.
#
# usage: bench/cdc.sh [--rows M] [--runs N] [--batch B] [--only retail|iot] [--limit X] [--no-profile]
#   --rows M       rows of the snapshot and operations of a feed batch (default 1000000)
#   --runs N       timed runs per case, whole-process and warm (default 5; medians are reported)
#   --batch B      the batch of the operation cases (default 3; must be < the recipe's 5 batches)
#   --only T       one template (retail or iot)
#   --limit X      the ratio above which a case is profiled (default 1.5)
#   --no-profile   no JFR profiles
# Results are printed and written to bench-results/cdc-<date>.md. Needs JDK 17+ (javac, jfr), ./mvnw and GNU time.
# The machine's load changes the numbers: the load average is recorded before and after.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS=1000000; RUNS=5; BATCH=3; ONLY=""; LIMIT=1.5; PROFILE=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2;;
    --runs) RUNS="$2"; shift 2;;
    --batch) BATCH="$2"; shift 2;;
    --only) ONLY="$2"; shift 2;;
    --limit) LIMIT="$2"; shift 2;;
    --no-profile) PROFILE=0; shift;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
command -v javac > /dev/null || { echo "javac (a JDK 17+) is needed to compile bench/CdcRuns.java" >&2; exit 2; }

WORK="${TMPDIR:-/tmp}/synthgen-bench-cdc"
mkdir -p "$WORK"
JAR="$ROOT/server/target/synthgen.jar"
if [[ ! -f "$JAR" || -n "$(find "$ROOT/generators/src/main" "$ROOT/server/src/main" -newer "$JAR" -print -quit)" ]]; then
  echo "== building synthgen" >&2
  (cd "$ROOT" && ./mvnw -q -B -Dmaven.test.skip=true package) >&2
fi
# the launcher makes its class-data archive on first use; the runs below use it as bin/synthgen does
"$ROOT/bin/synthgen" templates > /dev/null
rm -rf "$WORK/classes"
javac -cp "$JAR" -d "$WORK/classes" "$ROOT/bench/CdcRuns.java"
JSA="$ROOT/server/target/synthgen.jsa"
CDS=(); [[ -f "$JSA" ]] && CDS=(-XX:SharedArchiveFile="$JSA" -Xshare:auto)
# the launcher's JVM settings (bin/synthgen)
JAVA=(java -XX:+UseParallelGC -Xmn256m -XX:+UseCompressedOops -Xlog:disable -Xlog:all=warning:stderr "${CDS[@]}"
  -cp "$JAR:$WORK/classes")

CASES=(snapshot full_load plain delta_cdf debezium)
declare -A TABLE=([retail]=customers [iot]=devices)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
maxkb() { awk '{ if ($1 > m) m = $1 } END {print m}'; }

OUT="$ROOT/bench-results"; mkdir -p "$OUT"
REPORT="$OUT/cdc-$(date -u +%Y-%m-%dT%H%M%SZ).md"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "# synthgen change-feed benchmark, $(date -u +%Y-%m-%d' '%H:%M' UTC')"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1). Load average"
  echo "(1, 5, 15 min) before: $LOAD_BEFORE. M = $ROWS, operation cases at batch $BATCH, medians of $RUNS runs."
  echo
  echo "| template | case | rows written | process s | process CPU s | peak RSS | warm s | warm CPU s | process / snapshot | warm / snapshot |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$REPORT"

for T in retail iot; do
  [[ -n "$ONLY" && "$ONLY" != "$T" ]] && continue
  TAB="${TABLE[$T]}"
  for c in "${CASES[@]}"; do rm -f "$WORK/p-$T-$c" "$WORK/w-$T-$c" "$WORK/rows-$T-$c"; done
  # whole processes, the cases interleaved so that a burst of load spreads over all of them
  for ((i = 1; i <= RUNS; i++)); do
    for c in "${CASES[@]}"; do
      echo "== $T $c: process $i of $RUNS" >&2
      /usr/bin/time -f "%e %M %U %S" -o "$WORK/last-time" "${JAVA[@]}" CdcRuns "$T" "$TAB" "$ROWS" "$c" "$BATCH" 1 \
        "$WORK/out" > "$WORK/last-out" 2>&1 || { cat "$WORK/last-out" >&2; exit 1; }
      awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$WORK/last-time" >> "$WORK/p-$T-$c"
      awk '/^run / {print $8}' "$WORK/last-out" > "$WORK/rows-$T-$c"
    done
  done
  # warm: one JVM per case, a warm-up and N timed runs
  for c in "${CASES[@]}"; do
    echo "== $T $c: $RUNS warm runs after one warm-up" >&2
    /usr/bin/time -f "%M" -o "$WORK/last-time" "${JAVA[@]}" CdcRuns "$T" "$TAB" "$ROWS" "$c" "$BATCH" $((RUNS + 1)) \
      "$WORK/out" > "$WORK/last-out" 2>&1 || { cat "$WORK/last-out" >&2; exit 1; }
    awk '/^run / && $2 > 1 {print $4, $6}' "$WORK/last-out" > "$WORK/w-$T-$c"
    cat "$WORK/last-time" >> "$WORK/wrss-$T-$c"
  done
  ps=$(awk '{print $1}' "$WORK/p-$T-snapshot" | median)
  ws=$(awk '{print $1}' "$WORK/w-$T-snapshot" | median)
  for c in "${CASES[@]}"; do
    p=$(awk '{print $1}' "$WORK/p-$T-$c" | median)
    pc=$(awk '{print $3}' "$WORK/p-$T-$c" | median)
    rss=$( (awk '{print $2}' "$WORK/p-$T-$c"; cat "$WORK/wrss-$T-$c") | maxkb)
    w=$(awk '{print $1}' "$WORK/w-$T-$c" | median)
    wc=$(awk '{print $2}' "$WORK/w-$T-$c" | median)
    awk -v t="$T $TAB" -v c="$c" -v n="$(cat "$WORK/rows-$T-$c")" -v p="$p" -v pc="$pc" -v k="$rss" -v w="$w" \
      -v wc="$wc" -v ps="$ps" -v ws="$ws" 'BEGIN {
      printf "| %s | %s | %d | %.2f | %.2f | %.0f MB | %.2f | %.2f | %.2f | %.2f |\n", t, c, n, p, pc, k / 1024, w, wc,
        p / ps, w / ws }' >> "$REPORT"
    if [[ "$PROFILE" == 1 && "$c" != snapshot ]] && awk -v w="$w" -v ws="$ws" -v l="$LIMIT" 'BEGIN {exit !(w / ws > l)}'; then
      echo "$T $c" >> "$WORK/to-profile"
    fi
  done
  rm -f "$WORK"/wrss-"$T"-*
done
echo >> "$REPORT"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)." >> "$REPORT"

# JFR: where a case above the limit spends its time (execution samples of 4 runs in one JVM, the first included)
if [[ -f "$WORK/to-profile" ]]; then
  while read -r T c; do
    echo "== profiling $T $c" >&2
    rm -f "$WORK/rec.jfr"
    "${JAVA[@]}" -XX:StartFlightRecording=filename="$WORK/rec.jfr",settings=profile \
      CdcRuns "$T" "${TABLE[$T]}" "$ROWS" "$c" "$BATCH" 4 "$WORK/out" > "$WORK/last-out" 2>&1 \
      || { cat "$WORK/last-out" >&2; exit 1; }
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$WORK/rec.jfr" > "$WORK/samples.txt"
    {
      echo
      echo "JFR, $T $c (4 runs in one JVM, samples of all of them): the hottest methods, by samples on top of the stack"
      echo "(self) and by samples anywhere in the stack (inclusive, synthgen's methods only)."
      echo '```'
      awk '
        /jdk.ExecutionSample/ {n++; top = 1; delete seen; next}
        /^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(.*line:/ {
          m = $1; sub(/\(.*/, "", m)
          if (top) {self[m]++; top = 0}
          if (m ~ /^io\.synthgen\./ && !(m in seen)) {seen[m] = 1; incl[m]++}
        }
        END {
          printf "%d samples\nself:\n", n
          for (m in self) printf "%6.1f%%  %s\n", 100 * self[m] / n, m | "sort -rn | head -15"
          close("sort -rn | head -15")
          print "inclusive (io.synthgen):"
          for (m in incl) printf "%6.1f%%  %s\n", 100 * incl[m] / n, m | "sort -rn | head -25"
          close("sort -rn | head -25")
        }' "$WORK/samples.txt"
      echo '```'
    } >> "$REPORT"
  done < "$WORK/to-profile"
  rm -f "$WORK/to-profile"
fi
rm -rf "$WORK/out"
cat "$REPORT"
echo "(written to $REPORT)" >&2
