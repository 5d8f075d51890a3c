#!/usr/bin/env bash
# Hybrid (LightFM-style) training benchmark (issue: hybrid recommender), appended to BENCHMARKS.md.
#   scripts/bench-hybrid.sh [USERS] [PER_USER] [EPOCHS]   (default 60000 x 20 = ~1.2M interactions, 3 epochs)
# Generated data (io.lambdaretail.bench.HybridBench): USERS users with PER_USER interactions each over
# 20000 items in 20 categories, a user's country fixing a favourite category; identity + category
# (+ brand for items) features; default hyper-parameters (32 components, Adagrad 0.05, max-sampled 10).
# Runs WARP and BPR on local[1] and local[2] (tasks = cores) and reports seconds per epoch (mean of
# the epochs, measured inside the JVM after the interactions are partitioned and cached) and
# interactions per second.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
USERS=${1:-60000}
PER_USER=${2:-20}
EPOCHS=${3:-3}
ITEMS=20000
OUT=${LR_BENCH_DIR:-$ROOT/target/bench-hybrid}
export LR_NO_BUILD=1 LR_DRIVER_MEMORY=${LR_DRIVER_MEMORY:-4g}
mkdir -p "$OUT"
log() { printf '[bench-hybrid] %s\n' "$*" >&2; }

(cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip -Dcheckstyle.skip package)

declare -A RESULT
for loss in warp bpr; do
  for cores in 1 2; do
    log "$loss, local[$cores]"
    LR_MASTER="local[$cores]" LR_MAIN_CLASS=io.lambdaretail.bench.HybridBench \
      "$ROOT/scripts/lambda-retail" "$loss" "$USERS" "$ITEMS" "$PER_USER" "$EPOCHS" \
      > "$OUT/$loss-$cores.json" 2> "$OUT/$loss-$cores.log"
    RESULT[$loss-$cores]=$(tail -n 1 "$OUT/$loss-$cores.json")
    log "${RESULT[$loss-$cores]}"
  done
done

field() { sed -n "s/.*\"$2\": *\([^,}]*\).*/\1/p" <<< "${RESULT[$1]}"; }
INTERACTIONS=$(field warp-1 interactions)
CPU=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
MEM=$(free -g | awk '/^Mem:/{print $2}')
{
  echo
  echo "## Hybrid training, $(date -u +%Y-%m-%d)"
  echo
  echo "Command: \`scripts/bench-hybrid.sh $USERS $PER_USER $EPOCHS\`. Machine: $(nproc) cores ($CPU), ${MEM} GiB."
  echo "Data: $INTERACTIONS distinct generated interactions ($USERS users x $PER_USER draws, $ITEMS items),"
  echo "identity + attribute features, 32 components, Adagrad; mean of $EPOCHS epochs timed inside the JVM"
  echo "(broadcast, partition-local SGD, delta shuffle and merge included; partitioning and caching not)."
  echo
  echo "| loss | master | seconds/epoch | interactions/s |"
  echo "|---|---|---|---|"
  for loss in warp bpr; do
    for cores in 1 2; do
      echo "| $loss | local[$cores] | $(field $loss-$cores seconds_per_epoch) | $(field $loss-$cores interactions_per_second) |"
    done
  done
  echo
  for loss in warp bpr; do
    awk -v a="$(field $loss-1 seconds_per_epoch)" -v b="$(field $loss-2 seconds_per_epoch)" -v l="$loss" \
      'BEGIN { printf "%s: local[2] / local[1] speed-up = **%.2fx**. ", l, a / b }'
  done
  echo
  echo "Load average when the run ended: $(cut -d' ' -f1-3 /proc/loadavg) (other jobs share these cores)."
} >> "$ROOT/BENCHMARKS.md"
log "appended to BENCHMARKS.md"
