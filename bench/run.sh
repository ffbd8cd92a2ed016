#!/usr/bin/env bash
# Benchmarks synthgen against the DuckDB peer on the workloads W1 and W2 of ../shared/bench, side by side in one
# session (machines are noisy: compare ratios), verifies every output with the shared verifier, and optionally
# runs 100,000,000 rows of W2 with a 1 GB heap.
#
# usage: bench/run.sh [--runs N] [--big] [--only W1|W2] [--industries] [--warm]
#   --runs N       timed runs per contender and workload after one warm-up (default 3; the median is reported)
#   --big          also generate 100M rows of W2 with -Xmx1g and report time and peak RSS
#   --industries   also time every industry template at its default size
#   --warm         also generate each workload 5 times in one JVM (bench/WarmRuns.java): the first run against the
#                  engine's steady state, with the JIT compilation time of each run
# Results are printed and written to bench-results/<date>.md. Needs JDK 17+, Maven (or ./mvnw) and GNU time.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SYNTHGEN_SHARED:-$ROOT/../shared}"
RUNS=3; BIG=0; ONLY=""; INDUSTRIES=0; WARM=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2;;
    --big) BIG=1; shift;;
    --only) ONLY="$2"; shift 2;;
    --industries) INDUSTRIES=1; shift;;
    --warm) WARM=1; shift;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
[[ -d "$SHARED/bench" ]] || { echo "no $SHARED/bench; set SYNTHGEN_SHARED to the folder that holds bench/" >&2; exit 2; }

WORK="${TMPDIR:-/tmp}/synthgen-bench"
mkdir -p "$WORK"
echo "== building synthgen" >&2
(cd "$ROOT" && ./mvnw -q -B -DskipTests package) >&2
JAR="$ROOT/server/target/synthgen.jar"
SG=("$ROOT/bin/synthgen")

echo "== preparing the DuckDB peer and the verifier (copied to $WORK/bench)" >&2
if [[ ! -d "$WORK/bench" ]]; then cp -r "$SHARED/bench" "$WORK/bench"; chmod -R u+w "$WORK/bench"; fi
[[ -f "$WORK/bench/data/wordlists/first_names.txt" ]] || (cd "$WORK/bench" && tools/wordlists.sh >&2)
[[ -f "$WORK/bench/peers/duckdb-sql/target/cp.txt" ]] || (cd "$WORK/bench" && peers/duckdb-sql/build.sh >&2)

# timed RUN_LABEL CMD... -> appends "seconds peak_kb" to $WORK/times-RUN_LABEL
timed() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/last-time" "$@" > "$WORK/last-out" 2>&1 || { cat "$WORK/last-out" >&2; exit 1; }
  cat "$WORK/last-time" >> "$WORK/times-$label"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
maxkb() { awk '{ if ($2 > m) m = $2 } END {print m}'; }

declare -A PLAN=([W1]="$ROOT/bench/plans/w1-customers.json" [W2]="$ROOT/bench/plans/w2-transactions.json")
declare -A ROWS=([W1]=1000000 [W2]=10000000)
declare -A TABLE=([W1]=customers [W2]=transactions)
OUT="$ROOT/bench-results"; mkdir -p "$OUT"
REPORT="$OUT/$(date -u +%Y-%m-%dT%H%M%SZ).md"
{
  echo "# synthgen benchmark, $(date -u +%Y-%m-%d' '%H:%M' UTC')"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)."
  echo "Median of $RUNS whole-process runs after one warm-up, alternating contenders; peak RSS is the largest seen."
  echo
  echo "| workload | rows | DuckDB s | synthgen s | DuckDB / synthgen | synthgen rows/s | synthgen peak RSS | DuckDB peak RSS |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$REPORT"

for W in W1 W2; do
  [[ -n "$ONLY" && "$ONLY" != "$W" ]] && continue
  rm -f "$WORK/times-duck-$W" "$WORK/times-sg-$W"
  echo "== $W: warm-up" >&2
  "$WORK/bench/peers/duckdb-sql/run.sh" "$W" "$WORK/duck-$W" > /dev/null 2>&1
  "${SG[@]}" generate "${PLAN[$W]}" --out "$WORK/sg-$W" > /dev/null
  for ((i = 1; i <= RUNS; i++)); do
    echo "== $W: run $i of $RUNS" >&2
    timed "duck-$W" "$WORK/bench/peers/duckdb-sql/run.sh" "$W" "$WORK/duck-$W"
    timed "sg-$W" "${SG[@]}" generate "${PLAN[$W]}" --out "$WORK/sg-$W"
  done
  echo "== $W: verifying both outputs" >&2
  "$WORK/bench/verify.sh" "$WORK/duck-$W" "$W" > "$WORK/verify-duck-$W.txt" || { cat "$WORK/verify-duck-$W.txt"; echo "DuckDB output failed verification" >&2; exit 1; }
  "$WORK/bench/verify.sh" "$WORK/sg-$W/${TABLE[$W]}.parquet" "$W" > "$WORK/verify-sg-$W.txt" || { cat "$WORK/verify-sg-$W.txt"; echo "synthgen output failed verification" >&2; exit 1; }
  d=$(median < "$WORK/times-duck-$W"); s=$(median < "$WORK/times-sg-$W")
  dk=$(maxkb < "$WORK/times-duck-$W"); sk=$(maxkb < "$WORK/times-sg-$W")
  awk -v w="$W" -v n="${ROWS[$W]}" -v d="$d" -v s="$s" -v dk="$dk" -v sk="$sk" 'BEGIN {
    printf "| %s | %d | %.2f | %.2f | %.2f | %.0f | %.0f MB | %.0f MB |\n", w, n, d, s, d / s, n / s, sk / 1024, dk / 1024 }' >> "$REPORT"
done

if [[ "$BIG" == 1 ]]; then
  echo "== W2 x 100,000,000 rows with -Xmx1g" >&2
  rm -f "$WORK/times-big"
  SYNTHGEN_JAVA_OPTS="-Xmx1g" timed big "${SG[@]}" generate "${PLAN[W2]}" --rows 100000000 --out "$WORK/sg-big"
  read -r bs bk < "$WORK/times-big"
  rows=$(grep -o 'wrote [0-9,]* rows' "$WORK/last-out" | tr -dc 0-9)
  { echo; echo "100M rows of W2 with -Xmx1g: $bs s, $(awk -v n="$rows" -v s="$bs" 'BEGIN {printf "%.0f", n / s}') rows/s, peak RSS $((bk / 1024)) MB ($rows rows written)."; } >> "$REPORT"
  rm -rf "$WORK/sg-big"
fi

if [[ "$INDUSTRIES" == 1 ]]; then
  { echo; echo "| template (default size) | rows | seconds | rows/s | peak RSS |"; echo "|---|---|---|---|---|"; } >> "$REPORT"
  for t in $("${SG[@]}" templates | awk '/^[a-z]/ {print $1}'); do
    rm -f "$WORK/times-t-$t"
    timed "t-$t" "${SG[@]}" generate "$t" --out "$WORK/sg-$t"
    read -r ts tk < "$WORK/times-t-$t"
    rows=$(grep -o 'wrote [0-9,]* rows' "$WORK/last-out" | tr -dc 0-9)
    awk -v t="$t" -v n="$rows" -v s="$ts" -v k="$tk" 'BEGIN {printf "| %s | %d | %.2f | %.0f | %.0f MB |\n", t, n, s, n / s, k / 1024}' >> "$REPORT"
  done
fi
if [[ "$WARM" == 1 ]]; then
  { echo; echo "In one JVM (bench/WarmRuns.java, launcher's GC settings): run 1 is what a process pays, runs 2-5 the steady state."; } >> "$REPORT"
  for W in W1 W2; do
    [[ -n "$ONLY" && "$ONLY" != "$W" ]] && continue
    echo "== $W: 5 runs in one JVM" >&2
    { echo; echo "$W:"; echo '```'
      java -XX:+UseParallelGC -Xmn256m -cp "$JAR" "$ROOT/bench/WarmRuns.java" "${PLAN[$W]}" 5 "$WORK/warm-$W"
      echo '```'; } >> "$REPORT"
    rm -rf "$WORK/warm-$W"
  done
fi
cat "$REPORT"
echo "(written to $REPORT)" >&2
