#!/usr/bin/env bash
# Measures the evaluation vector size (the engine's hidden --vector-rows; the output is the same bytes for every
# size) on W1, W2 and the industry templates: cold, as whole processes, and warm, in one JVM.
#
# usage: bench/vectors.sh [--sizes 2048,4096,8192,16384,131072] [--runs N] [--template-rows N] [--only W1|W2|TEMPLATE]
#   --sizes S          vector sizes to compare (131072, the chunk size, is the chunk evaluated whole)
#   --runs N           whole-process runs per size and workload (default 3; medians reported)
#   --template-rows N  rows of each template's main table (default 1000000)
#   --only X           one workload: W1, W2 or a template name
# Cold: wall and CPU seconds (GNU time), the JIT's compilation time and the methods compiled on-stack (OSR), both
# from HotSpot's -XX:+CITime, medians over the runs. Warm: bench/VectorRuns.java (a warm-up at every size, then 3
# rounds alternating the sizes; median CPU seconds). Results are printed and written to bench-results/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="2048,4096,8192,16384,131072"; RUNS=3; TROWS=1000000; ONLY=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2;;
    --runs) RUNS="$2"; shift 2;;
    --template-rows) TROWS="$2"; shift 2;;
    --only) ONLY="$2"; shift 2;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
JAR="$ROOT/server/target/synthgen.jar"
if [[ ! -f "$JAR" || -n "$(find "$ROOT/generators/src/main" "$ROOT/server/src/main" -newer "$JAR" -print -quit)" ]]; then
  echo "== building synthgen" >&2
  (cd "$ROOT" && ./mvnw -q -B -Dmaven.test.skip=true package) >&2
fi
SG="$ROOT/bin/synthgen"
WORK="${TMPDIR:-/tmp}/synthgen-bench-vectors"
rm -rf "$WORK"; mkdir -p "$WORK"
OUT="$ROOT/bench-results"; mkdir -p "$OUT"
REPORT="$OUT/vectors-$(date -u +%Y-%m-%dT%H%M%SZ).md"

declare -A PLAN=([W1]="$ROOT/bench/plans/w1-customers.json" [W2]="$ROOT/bench/plans/w2-transactions.json")
WORKLOADS=(W1 W2)
for t in $("$SG" templates | awk '/^[a-z]/ {print $1}'); do
  "$SG" plan "$t" --rows "$TROWS" > "$WORK/$t.json"
  PLAN[$t]="$WORK/$t.json"; WORKLOADS+=("$t")
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

{
  echo "# Vector sizes, $(date -u +%Y-%m-%d' '%H:%M' UTC')"
  echo
  echo "Machine: $(nproc) cores; $(java -version 2>&1 | head -1); load average at the start $(cut -d' ' -f1 /proc/loadavg)."
  echo "Templates at $TROWS rows of their main table. Cold: medians of $RUNS whole processes."
  echo
  echo "| workload | vector rows | cold s | cold CPU s | JIT s | OSR methods | compiled methods | warm CPU s |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$REPORT"

for W in "${WORKLOADS[@]}"; do
  [[ -n "$ONLY" && "$ONLY" != "$W" ]] && continue
  echo "== $W: warm, in one JVM" >&2
  java -XX:+UseParallelGC -Xmn256m -cp "$JAR" "$ROOT/bench/VectorRuns.java" "${PLAN[$W]}" "$SIZES" 3 "$WORK/warm" \
    > "$WORK/warm-$W.txt"
  for V in ${SIZES//,/ }; do
    : > "$WORK/cold"
    for ((i = 1; i <= RUNS; i++)); do
      echo "== $W: vector rows $V, run $i of $RUNS" >&2
      SYNTHGEN_JAVA_OPTS="-XX:+CITime" /usr/bin/time -f "TIME %e %U %S" -o "$WORK/time" \
        "$SG" generate "${PLAN[$W]}" --vector-rows "$V" --out "$WORK/out" > "$WORK/log" 2>&1
      jit=$(awk '/Total compilation time/ {print $5; exit}' "$WORK/log")
      osr=$(awk '/On stack replacement/ && /methods/ {print $5; exit}' "$WORK/log")
      all=$(awk '/Total compiled methods/ {print $5; exit}' "$WORK/log")
      read -r _ e u s < "$WORK/time"
      echo "$e $(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}') $jit $osr $all" >> "$WORK/cold"
    done
    warm=$(awk -v v="$V" -F'|' '{gsub(/[ ,]/, "", $2)} $2 == v {gsub(/ /, "", $4); print $4}' "$WORK/warm-$W.txt")
    printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n" "$W" "$V" \
      "$(cut -d' ' -f1 "$WORK/cold" | median)" "$(cut -d' ' -f2 "$WORK/cold" | median)" \
      "$(cut -d' ' -f3 "$WORK/cold" | median)" "$(cut -d' ' -f4 "$WORK/cold" | median)" \
      "$(cut -d' ' -f5 "$WORK/cold" | median)" "$warm" >> "$REPORT"
  done
  rm -rf "$WORK/out" "$WORK/warm"
done
echo >> "$REPORT"; echo "Load average at the end: $(cut -d' ' -f1 /proc/loadavg)." >> "$REPORT"
cat "$REPORT"
echo "(written to $REPORT)" >&2
