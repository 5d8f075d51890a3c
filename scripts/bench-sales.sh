#!/usr/bin/env bash
# Sales regression benchmark (issue: sales regression), results appended to BENCHMARKS.md.
#   scripts/bench-sales.sh [CATALOG]   products in the generated catalog (default 20000)
# Generates a sales CSV of 20 stores x min(500, CATALOG) products x 730 days (a row per store,
# product and day with probability 0.4: ~2.9M rows by default, ~1.75M with CATALOG=300, where the
# sales products are the whole catalogue instead of its 500 most popular products). 'generate
# --scale large' gives the 20 stores and 500 sales products; --users 1000 --days 1 keep the event
# files that 'generate' also writes tiny. Then times 'train-sales' on 2 cores
# (local[2]) with the defaults: GBT, 3 holdout months. The job fits two pipelines (ours and the
# original four-stage one, same regressor) and scores three forecasts on the holdout; the time
# reported is the job's own duration_ms (Spark session start excluded) plus the JVM's wall time.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PRODUCTS=${1:-20000}
WORK=${LR_BENCH_DIR:-$ROOT/target/bench-sales}
LR="$ROOT/scripts/lambda-retail"
DATA=$WORK/data-$PRODUCTS
export LR_NO_BUILD=1 LR_DRIVER_MEMORY=${LR_DRIVER_MEMORY:-6g}

log() { printf '[bench-sales] %s\n' "$*" >&2; }
ms_now() { date +%s%3N; }

(cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip -Dcheckstyle.skip package)

CSV=$DATA/sales/sales.csv
if [[ ! -f $CSV ]]; then
  log "generate: 20 stores, a catalogue of $PRODUCTS products, into $DATA"
  "$LR" generate --out "$DATA" --scale large --users 1000 --products "$PRODUCTS" --days 1 \
    --seed 1 --overwrite > /dev/null
fi
ROWS=$(( $(wc -l < "$CSV") - 1 ))
BYTES=$(stat -c %s "$CSV")
log "data: $ROWS rows, $BYTES bytes"

OUT=$WORK/out && rm -rf "$OUT" && mkdir -p "$OUT"
log "train-sales, local[2]"
LOAD=$(cut -d' ' -f1 /proc/loadavg)
t=$(ms_now)
LR_MASTER='local[2]' "$LR" train-sales "$CSV" --model-out "$OUT/model" \
  --metrics-out "$OUT/train.json" > /dev/null
WALL=$(( $(ms_now) - t ))

python3 - "$OUT/train.json" "$ROWS" "$BYTES" "$WALL" "$PRODUCTS" "$LOAD" >> "$ROOT/BENCHMARKS.md" <<'PY'
import json, os, subprocess, sys, datetime
summary = json.load(open(sys.argv[1]))
rows, size, wall, products, load = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
mem = os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30
c = summary['counts']
print()
print(f"## Sales regression, {datetime.date.today().isoformat()} ({rows:,} rows)")
print()
print(f"Command: `scripts/bench-sales.sh {products}`. Machine: {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB;"
      " train-sales with `local[2]` and its defaults (GBT, "
      f"{summary['iterations']} iterations, 3 holdout months); load average {load} when it started"
      " (the cores are shared with other jobs, so times are upper bounds).")
print(f"Data: generated sales CSV, {rows:,} rows ({size / 1e6:.0f} MB), "
      f"{c['monthly_rows']:,} store-product-month rows in complete months "
      f"(partial months left out: {', '.join(summary['partial_months']) or 'none'}); "
      f"training {summary['train_months']['first']}..{summary['train_months']['last']} "
      f"({c['train_rows']:,} rows), holdout {summary['holdout_months']['first']}.."
      f"{summary['holdout_months']['last']} ({c['holdout_rows']:,} rows).")
print()
print(f"Training time: **{summary['duration_ms'] / 1000:.0f} s** inside the job "
      f"(read, clean, aggregate, fit ours and the original pipeline, score, save), "
      f"{wall / 1000:.0f} s for the whole command.")
print()
print("Holdout accuracy (monthly quantity per store and product):")
print()
print("| model | RMSE | MAE | R2 | SMAPE % |")
print("|---|---|---|---|---|")
for name, key in (("ours", "metrics"), ("original four stages, same regressor", "baseline"),
                  ("seasonal naive (same month last year)", "seasonal_naive")):
    m = summary[key]
    print(f"| {name} | {m['rmse']:.3f} | {m['mae']:.3f} | {m['r2']:.4f} | {m['smape']:.2f} |")
PY
log "appended to BENCHMARKS.md"
