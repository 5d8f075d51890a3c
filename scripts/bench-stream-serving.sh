#!/usr/bin/env bash
# Stream benchmark, serving side (issue: speed layer, part 2), results appended to BENCHMARKS.md.
#   scripts/bench-stream-serving.sh [EVENTS] [RATE] [SECONDS]
#     EVENTS   generated page views pre-filled in the topic (default 1000000)
#     RATE     page views/s sent for the latency run (default 200), for SECONDS (default 60)
# Starts its own Kafka broker and Cassandra node (ports 39192/39193, 39142/37100; state in
# target/bench-stream-serving), fills topic `pdpviews` (4 partitions) with
# `lambda-retail produce --generate`, then in the same run:
#   (a) a plain Kafka consumer drains the topic (no Spark, no parsing, no writes): the ceiling;
#   (b) `stream --available-now` drains it into raw + typed Delta (local[2]);
#   (c) the same plus Cassandra: per-topic table, item_activity_by_hour, sessions_by_user;
#   (d) latency: `stream --trigger 1s` with Cassandra runs while page views are sent at RATE/s;
#       each view's product id carries its send time; produce -> visible in item_activity_by_hour
#       (Cassandra WRITETIME) p50/p99.
# Timings (a)-(c) are from inside their JVM (start-up excluded).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EVENTS=${1:-1000000}
RATE=${2:-200}
SECONDS_LAT=${3:-60}
WORK=${LR_BENCH_DIR:-$ROOT/target/bench-stream-serving}
LR="$ROOT/scripts/lambda-retail"
export LR_NO_BUILD=1 LR_DRIVER_MEMORY=${LR_DRIVER_MEMORY:-3g}
export LR_STATE_DIR=$WORK/services LR_KAFKA_PORT=${LR_KAFKA_PORT:-39192}
export LR_KAFKA_CONTROLLER_PORT=${LR_KAFKA_CONTROLLER_PORT:-39193} LR_KAFKA_HEAP=${LR_KAFKA_HEAP:-512m}
export LR_CASSANDRA_PORT=${LR_CASSANDRA_PORT:-39142} LR_CASSANDRA_STORAGE_PORT=${LR_CASSANDRA_STORAGE_PORT:-37100}
BOOTSTRAP=127.0.0.1:$LR_KAFKA_PORT
TOPIC=pdpviews
BENCH() { LR_MAIN_CLASS=io.lambdaretail.bench.ServingBench "$LR" "$@"; }

log() { printf '[bench-stream-serving] %s\n' "$*" >&2; }
json_value() { sed -n "s/.*\"$2\" *: *\\([0-9.]*\\).*/\\1/p" "$1" | tail -n 1; }

(cd "$ROOT" && mvn -B -q -o -DskipTests -Dspotless.check.skip -Dcheckstyle.skip package)
rm -rf "$WORK" && mkdir -p "$WORK"
STREAM_PID=
cleanup() {
  [[ -n $STREAM_PID ]] && kill "$STREAM_PID" 2>/dev/null || true
  "$ROOT/scripts/services.sh" stop kafka cassandra >&2 || true
}
trap cleanup EXIT
"$ROOT/scripts/services.sh" start kafka cassandra >&2
CASSANDRA=(--cassandra-host 127.0.0.1 --cassandra-port "$LR_CASSANDRA_PORT")

BENCH create-topic "$BOOTSTRAP" "$TOPIC" 4 >&2
log "produce $EVENTS generated page views"
"$LR" produce --bootstrap "$BOOTSTRAP" --topic "$TOPIC" --generate "$EVENTS" > "$WORK/produce.json"
BENCH drain "$BOOTSTRAP" "$TOPIC" > "$WORK/warm.json"
BYTES=$(sed -n 's/.*"bytes": \([0-9]*\).*/\1/p' "$WORK/warm.json")

log "(a) plain consumer drain"
BENCH drain "$BOOTSTRAP" "$TOPIC" > "$WORK/consumer.json"
A_MS=$(json_value "$WORK/consumer.json" duration_ms)
log "(b) stream --available-now into raw + typed Delta, local[2]"
LR_MASTER='local[2]' "$LR" stream --bootstrap "$BOOTSTRAP" --topics "$TOPIC" --lake "$WORK/lake-b" \
  --checkpoint "$WORK/checkpoint-b" --available-now --metrics-out "$WORK/stream-b.json" > /dev/null
B_S=$(json_value "$WORK/stream-b.json" seconds)
log "(c) the same plus the Cassandra serving tables"
LR_MASTER='local[2]' "$LR" stream --bootstrap "$BOOTSTRAP" --topics "$TOPIC" --lake "$WORK/lake-c" \
  --checkpoint "$WORK/checkpoint-c" --available-now "${CASSANDRA[@]}" --keyspace bench_drain \
  --metrics-out "$WORK/stream-c.json" > /dev/null
C_S=$(json_value "$WORK/stream-c.json" seconds)
for f in stream-b stream-c; do
  RAW=$(sed -n 's/.*"raw" *: *\([0-9]*\).*/\1/p' "$WORK/$f.json" | head -n 1)
  [[ $RAW == "$EVENTS" ]] || { log "$f wrote $RAW raw rows, expected $EVENTS"; exit 1; }
done

log "(d) latency at $RATE views/s for $SECONDS_LAT s, trigger 1s"
LR_MASTER='local[2]' "$LR" stream --bootstrap "$BOOTSTRAP" --topics "$TOPIC" --lake "$WORK/lake-d" \
  --checkpoint "$WORK/checkpoint-d" --trigger 1s --starting-offsets latest "${CASSANDRA[@]}" \
  --keyspace bench_latency > "$WORK/stream-d.json" 2> "$WORK/stream-d.log" &
STREAM_PID=$!
until grep -q "batch 0:" "$WORK/stream-d.log"; do
  kill -0 "$STREAM_PID" || { log "latency stream died, see $WORK/stream-d.log"; exit 1; }
  sleep 1
done
BENCH latency "$BOOTSTRAP" "$TOPIC" "$RATE" "$SECONDS_LAT" 127.0.0.1 "$LR_CASSANDRA_PORT" \
  bench_latency > "$WORK/latency.json"
kill "$STREAM_PID"; wait "$STREAM_PID" || true; STREAM_PID=

rate() { awk -v n="$EVENTS" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
A_S=$(awk -v m="$A_MS" 'BEGIN { printf "%.1f", m / 1000 }')
MACHINE="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/{print $2}') GiB"
{
  echo
  echo "## Stream into Cassandra serving tables, $(date -u +%Y-%m-%d) ($EVENTS events)"
  echo
  echo "Command: \`scripts/bench-stream-serving.sh $EVENTS $RATE $SECONDS_LAT\`. Machine: $MACHINE; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Data: $EVENTS generated page views, $(awk -v b="$BYTES" 'BEGIN{printf "%.0f", b/1e6}') MB of JSON, in topic \`$TOPIC\` (4 partitions) of a local KRaft broker; a local Cassandra 5.0 node (512 MB heap)."
  echo
  echo "| run | cores | seconds | events/s |"
  echo "|---|---|---|---|"
  echo "| (a) plain Kafka consumer, count only (ceiling) | 1 | $A_S | $(rate "$A_S") |"
  echo "| (b) \`stream --available-now\` into raw + typed Delta | 2 | $B_S | $(rate "$B_S") |"
  echo "| (c) (b) + Cassandra: \`pdpviews\` table, \`item_activity_by_hour\`, \`sessions_by_user\` | 2 | $C_S | $(rate "$C_S") |"
  echo
  echo "Ratios: (c) / (a) = **$(awk -v a="$A_S" -v c="$C_S" 'BEGIN{printf "%.2f", a / c}')x**, (c) / (b) = **$(awk -v b="$B_S" -v c="$C_S" 'BEGIN{printf "%.2f", b / c}')x**."
  echo
  echo "Latency, \`stream --trigger 1s\` with Cassandra, $RATE page views/s for $SECONDS_LAT s, produce time to visible in \`item_activity_by_hour\` (its WRITETIME):"
  echo "p50 **$(json_value "$WORK/latency.json" p50_ms) ms**, p99 **$(json_value "$WORK/latency.json" p99_ms) ms**, max $(json_value "$WORK/latency.json" max_ms) ms ($(json_value "$WORK/latency.json" visible) of $(json_value "$WORK/latency.json" sent) seen)."
} | tee -a "$ROOT/BENCHMARKS.md"
