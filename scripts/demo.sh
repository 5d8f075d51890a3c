#!/usr/bin/env bash
# The run command: the whole Lambda flow on generated sample data, from a fresh clone.
#   scripts/demo.sh
# Batch:   generate -> ingest -> train-als, train-hybrid -> recommend (Cassandra recs_by_user)
#          -> train-sales -> predict-sales (Cassandra sales_forecast_by_store)
# Speed:   sample events produced into Kafka -> stream --available-now -> Delta lake + Cassandra,
#          then serve: the same serving tables recomputed from the lake (the batch views)
# Serving: what a website would read back from Cassandra.
# Starts local Kafka and Cassandra when they are not running and stops what it started.
# Environment: LR_SAMPLE_SCALE (default tiny; small for more realistic metrics, ~3x longer), LR_DATA (default data), LR_KEYSPACE (lambda_retail).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${LR_DATA:-$ROOT/data}
SAMPLE=$DATA/sample
RUNS=$DATA/runs
LAKE=$DATA/lake
STREAM_LAKE=$DATA/stream-lake
MODELS=$DATA/models
KEYSPACE=${LR_KEYSPACE:-lambda_retail}
LR="$ROOT/scripts/lambda-retail"
SERVICES="$ROOT/scripts/services.sh"
export LR_NO_BUILD=1
start=$(date +%s)

step() { printf '\n== [%3d s] %s\n' "$(( $(date +%s) - start ))" "$*" >&2; }
run() { # NAME COMMAND ARGS...: runs a command, its summary to $RUNS/NAME.json
  local name=$1; shift
  "$LR" "$@" --metrics-out "$RUNS/$name.json" > /dev/null
}

step "build (mvn -DskipTests package)"
LR_NO_BUILD= mvn -B -q -DskipTests -Dspotless.check.skip -Dcheckstyle.skip package
mkdir -p "$RUNS"

STARTED=()
stop_started() {
  if ((${#STARTED[@]})); then
    step "stop the services this run started: ${STARTED[*]}"
    "$SERVICES" stop "${STARTED[@]}" >&2 || true
  fi
}
trap stop_started EXIT
for svc in kafka cassandra; do
  if ! "$SERVICES" status "$svc" > /dev/null 2>&1; then STARTED+=("$svc"); fi
done
if ((${#STARTED[@]})); then
  step "start ${STARTED[*]} (scripts/services.sh, in the background)"
  "$SERVICES" start "${STARTED[@]}" >&2
fi
ENDPOINTS=${LR_STATE_DIR:-$ROOT/target/services}/endpoints.properties
prop() { sed -n "s/^$1=//p" "$ENDPOINTS" | tail -n 1; }
BOOTSTRAP=$(prop kafka.bootstrap)
CASSANDRA_HOST=$(prop cassandra.host)
CASSANDRA_PORT=$(prop cassandra.port)
CASSANDRA=(--cassandra-host "$CASSANDRA_HOST" --cassandra-port "$CASSANDRA_PORT" --keyspace "$KEYSPACE")

if [[ -f $SAMPLE/users.csv ]]; then
  step "sample data: $SAMPLE exists, keeping it"
else
  step "generate sample data into $SAMPLE (scale ${LR_SAMPLE_SCALE:-tiny})"
  run generate generate --out "$SAMPLE" --scale "${LR_SAMPLE_SCALE:-tiny}" --seed 42
fi

for source in pdpviews transactions; do
  step "ingest $source -> $LAKE/$source (Delta; bad lines to ${source}_quarantine)"
  run "ingest-$source" ingest --source "$source" --input "$SAMPLE/$source/*.ndjson.xz" \
    --output "$LAKE/$source" --format delta
done

# tiny data covers 7 days: hold out the last 2 rather than all of them
TEST_DAYS=7
if [[ ${LR_SAMPLE_SCALE:-tiny} == tiny ]]; then TEST_DAYS=2; fi
step "train-als -> $MODELS/als (ALS vs popularity on the last $TEST_DAYS days)"
run train-als train-als --pdpviews "$LAKE/pdpviews" --transactions "$LAKE/transactions" \
  --test-days "$TEST_DAYS" --model-out "$MODELS/als"
step "train-hybrid -> $MODELS/hybrid (user and item features; hybrid vs ALS vs popularity)"
run train-hybrid train-hybrid --pdpviews "$LAKE/pdpviews" --transactions "$LAKE/transactions" \
  --user-features "$SAMPLE/users.csv" --item-features "$SAMPLE/items.csv" --test-days "$TEST_DAYS" \
  --model-out "$MODELS/hybrid"

# the hybrid model is served: it beats ALS and popularity on the same split (see the summary)
step "recommend top 10 per user (hybrid model) -> $DATA/recs (ndjson.xz) and Cassandra $KEYSPACE.recs_by_user"
run recommend recommend --model "$MODELS/hybrid" --k 10 --out "$DATA/recs/hybrid" --format ndjson.xz \
  "${CASSANDRA[@]}"

step "train-sales -> $MODELS/sales (holdout: last 3 months)"
run train-sales train-sales "$SAMPLE/sales/sales.csv" --model-out "$MODELS/sales"
step "predict-sales for the month after the data -> $DATA/predictions and Cassandra"
{
  echo "store_id,product_id,date"
  awk -F, 'NR > 1 { if ($7 > last) last = $7; pair[$4 "," $1] = 1 }
    END { split(last, d, "-"); y = d[1]; m = d[2] + 1; if (m > 12) { m = 1; y++ }
          for (p in pair) printf "%s,%04d-%02d-01\n", p, y, m }' "$SAMPLE/sales/sales.csv" | sort
} > "$RUNS/next-month.csv"
run predict-sales predict-sales --model "$MODELS/sales" --input "$RUNS/next-month.csv" \
  --output "$DATA/predictions/sales" --format csv "${CASSANDRA[@]}"

step "speed layer: produce sample events into Kafka ($BOOTSTRAP)"
first_day=$(ls "$SAMPLE/pdpviews" | head -n 1 | sed 's/pdpviews-\(.*\)-[0-9]*\.ndjson\.xz/\1/')
for f in "$SAMPLE"/pdpviews/pdpviews-"$first_day"-*.ndjson.xz; do
  run "produce-$(basename "$f" .ndjson.xz)" produce --bootstrap "$BOOTSTRAP" --topic pdpviews --input "$f"
done
for f in "$SAMPLE"/transactions/transactions-"$first_day"-*.ndjson.xz; do
  run "produce-$(basename "$f" .ndjson.xz)" produce --bootstrap "$BOOTSTRAP" --topic transactions --input "$f"
done
run produce-deals produce --bootstrap "$BOOTSTRAP" --topic deals --input "$SAMPLE/deals/deals.ndjson"
step "stream --available-now -> $STREAM_LAKE (Delta) and Cassandra serving tables"
run stream stream --bootstrap "$BOOTSTRAP" --topics pdpviews,transactions,deals \
  --lake "$STREAM_LAKE" --checkpoint "$DATA/checkpoints/stream" --available-now \
  --item-categories "$SAMPLE/items.csv" "${CASSANDRA[@]}"
step "serve: the batch views of $first_day recomputed from the lake over the speed layer's rows"
run serve serve --lake "$STREAM_LAKE" --from "$first_day" \
  --item-categories "$SAMPLE/items.csv" "${CASSANDRA[@]}"
run catalog catalog --lake "$STREAM_LAKE" tables

step "summary"
python3 "$ROOT/scripts/demo_summary.py" "$RUNS" "$DATA"
echo
echo "Three users' recommendations, read back from Cassandra $KEYSPACE.recs_by_user:"
LR_MAIN_CLASS=io.lambdaretail.demo.RecsPeek "$LR" "$CASSANDRA_HOST" "$CASSANDRA_PORT" "$KEYSPACE" 3 2> /dev/null
echo
echo "Done in $(( $(date +%s) - start )) s."
