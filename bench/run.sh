#!/usr/bin/env bash
# Benchmarks synthgen against the DuckDB peer on the workloads W1 and W2 of ../shared/bench, side by side in one
# session (machines are noisy: compare ratios), verifies every output with the shared verifier, and optionally
# runs 100,000,000 rows of W2 with a 1 GB heap.
#
# usage: bench/run.sh [--runs N] [--big] [--only W1|W2] [--industries] [--warm] [--scale] [--scale-runs N]
#                     [--templates ROWS | --templates-largest ROWS] [--profile] [--no-small] [--no-build]
#   --runs N       timed runs per contender and workload after one warm-up (default 3; the median is reported)
#   --big          also generate 100M rows of W2 with -Xmx1g and report time and peak RSS
#   --industries   also time every industry template at its default size
#   --warm         also generate each workload 5 times in one JVM (bench/WarmRuns.java): the first run against the
#                  engine's steady state, with the JIT compilation time of each run
#   --scale        also W2 at 100,000,000 rows (synthgen with -Xmx1g) and W1 at 10,000,000 rows, both contenders,
#                  each output verified with its row count and deleted: wall s, CPU s (user + system), peak RSS and
#                  the DuckDB / synthgen ratios of wall and CPU
#   --scale-runs N runs per contender at those sizes (default 1, no warm-up; the median is reported)
#   --templates ROWS  also every industry template with --rows ROWS (rows of its main table) as a whole process,
#                  and each of its tables alone in a warm JVM (bench/TemplateRuns.java): CPU s per million rows and
#                  per million rows per column, and the ratio of that to retail's main table
#   --templates-largest ROWS  as --templates, each template scaled so that its largest table (its fact table:
#                  retail's line items, iot's readings, ...) has about ROWS rows
#   --profile      with --templates: a JFR recording (settings=profile) of bench/TemplateRuns.java for the template
#                  with the highest CPU per row per column, its samples attributed to column kinds
#                  (bench/JfrKinds.java)
#   --no-small     skip the default W1 1M / W2 10M comparison (for the options above alone)
#   --no-build     use the jar already in server/target instead of building it
# Results are printed and written to bench-results/<date>.md. Needs JDK 17+, Maven (or ./mvnw) and GNU time.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SYNTHGEN_SHARED:-$ROOT/../shared}"
RUNS=3; BIG=0; ONLY=""; INDUSTRIES=0; WARM=0; SCALE=0; SCALE_RUNS=1; TEMPLATE_ROWS=""; TEMPLATE_LARGEST=""; PROFILE=0; SMALL=1; BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2;;
    --big) BIG=1; shift;;
    --only) ONLY="$2"; shift 2;;
    --industries) INDUSTRIES=1; shift;;
    --warm) WARM=1; shift;;
    --scale) SCALE=1; shift;;
    --scale-runs) SCALE_RUNS="$2"; shift 2;;
    --templates) TEMPLATE_ROWS="$2"; shift 2;;
    --templates-largest) TEMPLATE_LARGEST="$2"; TEMPLATE_ROWS="largest"; shift 2;;
    --profile) PROFILE=1; shift;;
    --no-small) SMALL=0; shift;;
    --no-build) BUILD=0; shift;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
[[ -d "$SHARED/bench" ]] || { echo "no $SHARED/bench; set SYNTHGEN_SHARED to the folder that holds bench/" >&2; exit 2; }

WORK="${TMPDIR:-/tmp}/synthgen-bench"
mkdir -p "$WORK"
[[ "$PROFILE" == 0 || -n "$TEMPLATE_ROWS" ]] || { echo "--profile needs --templates ROWS" >&2; exit 2; }
if [[ "$BUILD" == 1 ]]; then
  echo "== building synthgen" >&2
  (cd "$ROOT" && ./mvnw -q -B -DskipTests package) >&2
fi
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
# timed_cpu RUN_LABEL CMD... -> appends "seconds peak_kb cpu_seconds" (user + system) to $WORK/times-RUN_LABEL
timed_cpu() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/last-time" "$@" > "$WORK/last-out" 2>&1 || { cat "$WORK/last-out" >&2; exit 1; }
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$WORK/last-time" >> "$WORK/times-$label"
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
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
  echo "Load average at the start: $(loadavg)."
  if [[ "$SMALL" == 1 ]]; then
    echo "Median of $RUNS whole-process runs after one warm-up, alternating contenders; peak RSS is the largest seen."
    echo
    echo "| workload | rows | DuckDB s | synthgen s | DuckDB / synthgen | synthgen rows/s | synthgen peak RSS | DuckDB peak RSS |"
    echo "|---|---|---|---|---|---|---|---|"
  fi
} > "$REPORT"

for W in W1 W2; do
  [[ "$SMALL" == 0 || ( -n "$ONLY" && "$ONLY" != "$W" ) ]] && continue
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

if [[ "$SCALE" == 1 ]]; then
  # column K of a times file, its median
  col() { awk -v k="$2" '{print $k}' "$WORK/times-$1" | median; }
  { echo; echo "At scale (median of $SCALE_RUNS run(s) per contender, no warm-up; synthgen W2 with -Xmx1g; CPU is user + system):"
    echo
    echo "| workload | rows | DuckDB wall s | synthgen wall s | wall DuckDB / synthgen | DuckDB CPU s | synthgen CPU s | CPU DuckDB / synthgen | synthgen rows/s | synthgen peak RSS | DuckDB peak RSS | load average before |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"; } >> "$REPORT"
  declare -A SCALE_ROWS=([W1]=10000000 [W2]=100000000)
  declare -A SCALE_OPTS=([W1]="" [W2]="-Xmx1g")
  for W in W2 W1; do
    [[ -n "$ONLY" && "$ONLY" != "$W" ]] && continue
    n=${SCALE_ROWS[$W]}
    rm -f "$WORK/times-scale-duck-$W" "$WORK/times-scale-sg-$W"
    load=$(loadavg)
    for ((i = 1; i <= SCALE_RUNS; i++)); do
      echo "== $W x $n rows: run $i of $SCALE_RUNS (DuckDB)" >&2
      timed_cpu "scale-duck-$W" "$WORK/bench/peers/duckdb-sql/run.sh" "$W" "$WORK/scale-duck-$W" "$n"
      "$WORK/bench/verify.sh" "$WORK/scale-duck-$W" "$W" "$n" > "$WORK/verify-scale-duck-$W.txt" \
        || { cat "$WORK/verify-scale-duck-$W.txt"; echo "DuckDB output ($W, $n rows) failed verification" >&2; exit 1; }
      rm -rf "$WORK/scale-duck-$W"
      echo "== $W x $n rows: run $i of $SCALE_RUNS (synthgen ${SCALE_OPTS[$W]})" >&2
      SYNTHGEN_JAVA_OPTS="${SCALE_OPTS[$W]}" timed_cpu "scale-sg-$W" \
        "${SG[@]}" generate "${PLAN[$W]}" --rows "$n" --out "$WORK/scale-sg-$W"
      "$WORK/bench/verify.sh" "$WORK/scale-sg-$W/${TABLE[$W]}.parquet" "$W" "$n" > "$WORK/verify-scale-sg-$W.txt" \
        || { cat "$WORK/verify-scale-sg-$W.txt"; echo "synthgen output ($W, $n rows) failed verification" >&2; exit 1; }
      rm -rf "$WORK/scale-sg-$W"
    done
    dw=$(col "scale-duck-$W" 1); sw=$(col "scale-sg-$W" 1); dc=$(col "scale-duck-$W" 3); sc=$(col "scale-sg-$W" 3)
    dk=$(maxkb < "$WORK/times-scale-duck-$W"); sk=$(maxkb < "$WORK/times-scale-sg-$W")
    awk -v w="$W" -v n="$n" -v dw="$dw" -v sw="$sw" -v dc="$dc" -v sc="$sc" -v dk="$dk" -v sk="$sk" -v l="$load" 'BEGIN {
      printf "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f MB | %.0f MB | %s |\n",
        w, n, dw, sw, dw / sw, dc, sc, dc / sc, n / sw, sk / 1024, dk / 1024, l }' >> "$REPORT"
  done
  echo "Both outputs passed the shared verifier with the row count; load average after: $(loadavg)." >> "$REPORT"
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
# rows_for TEMPLATE -> the --rows (main-table rows) to give it: --templates ROWS, or with --templates-largest the
# main-table rows at which its largest table reaches the count (from the default sizes 'synthgen templates' lists;
# the main table is listed first)
rows_for() {
  if [[ -z "$TEMPLATE_LARGEST" ]]; then echo "$TEMPLATE_ROWS"; return; fi
  "${SG[@]}" templates | awk -v t="$1" -v want="$TEMPLATE_LARGEST" '
    /^[a-z]/ {on = ($1 == t); first = 1; next}
    on { n = $2; gsub(/,/, "", n); if (first) { main = n; first = 0 } if (n + 0 > big) big = n + 0 }
    END { printf "%d\n", (want * main + big - 1) / big }'
}
if [[ -n "$TEMPLATE_ROWS" ]]; then
  # each template as a whole process, then each of its tables alone in a warm JVM (bench/TemplateRuns.java)
  TSV="$WORK/template-tables.tsv"; rm -f "$TSV" "$WORK/template-totals.tsv"
  for t in $("${SG[@]}" templates | awk '/^[a-z]/ {print $1}'); do
    trows=$(rows_for "$t")
    echo "== template $t with --rows $trows: whole process (load average $(loadavg))" >&2
    rm -f "$WORK/times-tpl-$t"
    timed_cpu "tpl-$t" "${SG[@]}" generate "$t" --rows "$trows" --out "$WORK/tpl-$t"
    rows=$(grep -o 'wrote [0-9,]* rows' "$WORK/last-out" | tr -dc 0-9)
    rm -rf "$WORK/tpl-$t"
    read -r ts tk tc < "$WORK/times-tpl-$t"
    echo "$t $rows $ts $tc $tk $(loadavg | tr ' ' /)" >> "$WORK/template-totals.tsv"
    echo "== template $t: each table alone in a warm JVM (load average $(loadavg))" >&2
    java -XX:+UseParallelGC -Xmn256m -cp "$JAR" "$ROOT/bench/TemplateRuns.java" "$t" "$trows" "$WORK/tr-$t" \
      >> "$TSV" 2> "$WORK/tr-$t.log" || { cat "$WORK/tr-$t.log" >&2; exit 1; }
    rm -rf "$WORK/tr-$t"
  done
  if [[ -n "$TEMPLATE_LARGEST" ]]; then scaled="scaled so that its largest table has about $TEMPLATE_LARGEST rows"
  else scaled="with --rows $TEMPLATE_ROWS (rows of its main table)"; fi
  { echo; echo "Every industry template $scaled, as a whole process:"; echo
    echo "| template | total rows | wall s | CPU s | rows/s | peak RSS | load average before |"; echo "|---|---|---|---|---|---|---|"
    awk '{printf "| %s | %d | %.2f | %.2f | %.0f | %.0f MB | %s |\n", $1, $2, $3, $4, $2 / $3, $5 / 1024, $6}' \
      "$WORK/template-totals.tsv"
    echo
    echo "Each table alone in a warm JVM (bench/TemplateRuns.java, after a warm-up at the template's default size;"
    echo "generation, encoding and writing, no validation). CPU is the process CPU time around the table; the ratios"
    echo "compare CPU per million rows per column with retail's main table (customers) and with retail's average"
    echo "(its CPU over its rows x columns). Columns are the output columns; computed columns add the omitted ones,"
    echo "and the last column compares CPU per computed column with retail's average per computed column:"
    echo
    echo "| template | table | rows | columns | wall s | CPU s | CPU s / M rows | CPU s / M rows / column | x retail main | x retail average | computed columns | x retail average per computed column |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
    awk -F'\t' '
      { t[NR] = $2; n[NR] = $3; r[NR] = $4; c[NR] = $5; w[NR] = $6; u[NR] = $7; k[NR] = $9
        if ($2 == "retail") { rc += $7; rrc += $4 * $5; rrk += $4 * $9; if ($8 == 1 && $4 > 0) rmain = $7 / ($4 / 1e6) / $5 } }
      END {
        ravg = rrc > 0 ? rc / (rrc / 1e6) : 0; ravgk = rrk > 0 ? rc / (rrk / 1e6) : 0
        for (i = 1; i <= NR; i++) {
          per = r[i] > 0 ? u[i] / (r[i] / 1e6) : 0; pc = c[i] > 0 ? per / c[i] : 0; pk = k[i] > 0 ? per / k[i] : 0
          printf "| %s | %s | %d | %d | %.2f | %.2f | %.3f | %.4f | %s | %s | %d | %s |\n", t[i], n[i], r[i], c[i], w[i], u[i],
            per, pc, (rmain > 0 ? sprintf("%.2f", pc / rmain) : "-"), (ravg > 0 ? sprintf("%.2f", pc / ravg) : "-"), k[i],
            (ravgk > 0 ? sprintf("%.2f", pk / ravgk) : "-")
        }
      }' "$TSV"
    echo
    echo "Per template (its CPU over its rows x columns):"
    echo
    echo "| template | CPU s / M rows / column | x retail average |"; echo "|---|---|---|"
    awk -F'\t' '{ u[$2] += $7; rc[$2] += $4 * $5; if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
      END { for (i = 1; i <= k; i++) { t = order[i]; printf "| %s | %.4f | %.2f |\n", t, u[t] / (rc[t] / 1e6),
        (u[t] / rc[t]) / (u["retail"] / rc["retail"]) } }' "$TSV"; } >> "$REPORT"
  if [[ "$PROFILE" == 1 ]]; then
    slowest=$(awk -F'\t' '{ u[$2] += $7; rc[$2] += $4 * $5 } END { for (t in u) if (rc[t] > 0 && u[t] / rc[t] > m) { m = u[t] / rc[t]; s = t }; print s }' "$TSV")
    echo "== profiling $slowest (JFR, settings=profile; load average $(loadavg))" >&2
    JFR="$WORK/templates-$slowest.jfr"
    java -XX:+UseParallelGC -Xmn256m -XX:StartFlightRecording=filename="$JFR",settings=profile -cp "$JAR" \
      "$ROOT/bench/TemplateRuns.java" "$slowest" "$(rows_for "$slowest")" "$WORK/tr-$slowest" > /dev/null 2> "$WORK/tr-jfr.log" \
      || { cat "$WORK/tr-jfr.log" >&2; exit 1; }
    rm -rf "$WORK/tr-$slowest"
    { echo; echo "Where $slowest (the highest CPU per row per column) spends its time, per column kind (bench/JfrKinds.java"
      echo "on a JFR recording of bench/TemplateRuns.java at --rows $(rows_for "$slowest"), warm-up included; recording $JFR):"
      java "$ROOT/bench/JfrKinds.java" "$JFR"; } >> "$REPORT"
  fi
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
