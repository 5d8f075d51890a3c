#!/usr/bin/env bash
# Ingest benchmark (issue: batch ingestion), results appended to BENCHMARKS.md.
#   scripts/bench-ingest.sh [SCALE]      SCALE of 'generate' (default medium, ~1.4 GB of page-view JSON)
# Measures, on the same page-view data and the same cores, MB/s of uncompressed JSON into
# event_date-partitioned Snappy Parquet for:
#   (a) our ingest of the .ndjson.xz files (local[2]);
#   (b) Spark's own JSON reader on the same data gzip-compressed, (c) the same data plain;
#   one multi-block .xz file (all the data, xz -T2 --block-size 8MiB) with local[1] vs local[2];
#   and `xz -dc > /dev/null` of that file as the single-core decompression limit.
# Durations are measured inside each JVM (Spark session start excluded, the same for all).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCALE=${1:-medium}
WORK=${LR_BENCH_DIR:-$ROOT/target/bench-ingest}
LR="$ROOT/scripts/lambda-retail"
DATA=$WORK/data-$SCALE
export LR_NO_BUILD=1 LR_DRIVER_MEMORY=${LR_DRIVER_MEMORY:-6g}

log() { printf '[bench-ingest] %s\n' "$*" >&2; }
ms_now() { date +%s%3N; }
duration_of() { sed -n 's/.*"duration_ms" *: *\([0-9]*\).*/\1/p' "$1" | tail -n 1; }

(cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip -Dcheckstyle.skip package)

if [[ ! -f $DATA/users.csv ]]; then
  log "generate --scale $SCALE into $DATA"
  "$LR" generate --out "$DATA" --scale "$SCALE" --seed 1 --overwrite > /dev/null
fi
if [[ ! -f $DATA/.prepared ]]; then
  log "decompress to plain, gzip, and one multi-block xz file of everything"
  rm -rf "$DATA/plain" "$DATA/gz" "$DATA/single" && mkdir -p "$DATA/plain" "$DATA/gz" "$DATA/single"
  ls "$DATA"/pdpviews/*.ndjson.xz | xargs -P "$(nproc)" -I{} sh -c \
    'b=$(basename {} .xz); xz -dc {} > "$0/plain/$b" && gzip -c "$0/plain/$b" > "$0/gz/$b.gz"' "$DATA"
  cat "$DATA"/plain/*.ndjson | xz -T"$(nproc)" -1 --block-size=8MiB > "$DATA/single/pdpviews.ndjson.xz"
  touch "$DATA/.prepared"
fi
BYTES=$(cat "$DATA"/plain/*.ndjson | wc -c)
SINGLE_BLOCKS=$(xz --robot -l "$DATA/single/pdpviews.ndjson.xz" | awk '$1=="totals"{print $3}')
log "data: $BYTES bytes of JSON in $(ls "$DATA"/plain | wc -l) files; single file $(stat -c %s "$DATA/single/pdpviews.ndjson.xz") bytes, $SINGLE_BLOCKS blocks"

OUT=$WORK/out && rm -rf "$OUT" && mkdir -p "$OUT"
ingest() { # master input name
  LR_MASTER=$1 "$LR" ingest --source pdpviews --input "$2" --output "$OUT/$3" \
    --metrics-out "$OUT/$3.json" > /dev/null
  duration_of "$OUT/$3.json"
}
baseline() { # input name
  LR_MASTER='local[2]' LR_MAIN_CLASS=io.lambdaretail.bench.SparkJsonBaseline "$LR" "$1" "$OUT/$2" \
    > "$OUT/$2.json"
  duration_of "$OUT/$2.json"
}

log "(a) ingest .xz files, local[2]";        A=$(ingest 'local[2]' "$DATA/pdpviews/*.ndjson.xz" xz-files)
log "(b) Spark JSON reader, .gz, local[2]";  B=$(baseline "$DATA/gz/*.ndjson.gz" spark-gz)
log "(c) Spark JSON reader, plain, local[2]"; C=$(baseline "$DATA/plain/*.ndjson" spark-plain)
log "single .xz file, local[1]";             S1=$(ingest 'local[1]' "$DATA/single/pdpviews.ndjson.xz" single-1)
log "single .xz file, local[2]";             S2=$(ingest 'local[2]' "$DATA/single/pdpviews.ndjson.xz" single-2)
log "xz -dc > /dev/null";                    t=$(ms_now); xz -dc "$DATA/single/pdpviews.ndjson.xz" > /dev/null; X=$(( $(ms_now) - t ))

rate() { awk -v b="$BYTES" -v ms="$1" 'BEGIN { printf "%.1f", b / 1e6 / (ms / 1000) }'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", y / x }'; }
MACHINE="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/{print $2}') GiB"
{
  echo
  echo "## Ingest, $(date -u +%Y-%m-%d) (scale $SCALE)"
  echo
  echo "Command: \`scripts/bench-ingest.sh $SCALE\`. Machine: $MACHINE."
  echo "Data: $(awk -v b="$BYTES" 'BEGIN{printf "%.2f", b/1e9}') GB of page-view JSON ($(ls "$DATA"/plain | wc -l) files; the single file has $SINGLE_BLOCKS xz blocks)."
  echo "Rates are MB/s of uncompressed JSON into event_date-partitioned Snappy Parquet, timed inside each JVM."
  echo
  echo "| run | cores | seconds | MB/s |"
  echo "|---|---|---|---|"
  echo "| (a) \`ingest\`, .ndjson.xz files | 2 | $(awk -v m="$A" 'BEGIN{printf "%.1f", m/1000}') | $(rate "$A") |"
  echo "| (b) Spark JSON reader, .gz files | 2 | $(awk -v m="$B" 'BEGIN{printf "%.1f", m/1000}') | $(rate "$B") |"
  echo "| (c) Spark JSON reader, plain files | 2 | $(awk -v m="$C" 'BEGIN{printf "%.1f", m/1000}') | $(rate "$C") |"
  echo "| \`ingest\`, one multi-block .xz file | 1 | $(awk -v m="$S1" 'BEGIN{printf "%.1f", m/1000}') | $(rate "$S1") |"
  echo "| \`ingest\`, one multi-block .xz file | 2 | $(awk -v m="$S2" 'BEGIN{printf "%.1f", m/1000}') | $(rate "$S2") |"
  echo "| \`xz -dc > /dev/null\`, that file | 1 | $(awk -v m="$X" 'BEGIN{printf "%.1f", m/1000}') | $(rate "$X") |"
  echo
  echo "Ratios: .xz ingest / plain JSON = **$(ratio "$A" "$C")x** (target >= 0.9); .xz ingest / gzip JSON = $(ratio "$A" "$B")x;"
  echo "one file, 2 cores / 1 core = **$(ratio "$S2" "$S1")x** (target >= 1.7)."
} | tee -a "$ROOT/BENCHMARKS.md"
