#!/usr/bin/env bash
# Stream benchmark (issue: speed layer, part 1), results appended to BENCHMARKS.md.
#   scripts/bench-stream.sh [EVENTS]     generated page views in the topic (default 1000000)
#   scripts/bench-stream.sh --serving [EVENTS] [RATE] [SECONDS]
#                                        the same plus Cassandra serving tables and produce ->
#                                        visible latency (speed layer, part 2): runs
#                                        scripts/bench-stream-serving.sh, see there
# Starts its own Kafka broker (ports 39092/39093, state in target/bench-stream), fills topic
# `pdpviews` (4 partitions) with `lambda-retail produce --generate`, then in the same run:
#   (a) a plain Kafka consumer drains the topic (no Spark, no parsing, no writes): the ceiling;
#   (b) `stream --available-now` drains it into raw + typed Delta (local[2]).
# Both timings are from inside their JVM (start-up excluded).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ${1:-} == --serving ]]; then
  shift
  exec "$ROOT/scripts/bench-stream-serving.sh" "$@"
fi
EVENTS=${1:-1000000}
WORK=${LR_BENCH_DIR:-$ROOT/target/bench-stream}
LR="$ROOT/scripts/lambda-retail"
export LR_NO_BUILD=1 LR_DRIVER_MEMORY=${LR_DRIVER_MEMORY:-4g}
export LR_STATE_DIR=$WORK/services LR_KAFKA_PORT=${LR_KAFKA_PORT:-39092}
export LR_KAFKA_CONTROLLER_PORT=${LR_KAFKA_CONTROLLER_PORT:-39093} LR_KAFKA_HEAP=${LR_KAFKA_HEAP:-1g}
BOOTSTRAP=127.0.0.1:$LR_KAFKA_PORT
TOPIC=pdpviews

log() { printf '[bench-stream] %s\n' "$*" >&2; }
json_value() { sed -n "s/.*\"$2\" *: *\\([0-9.]*\\).*/\\1/p" "$1" | tail -n 1; }

(cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip -Dcheckstyle.skip package)
rm -rf "$WORK" && mkdir -p "$WORK"
trap '"$ROOT/scripts/services.sh" stop kafka >&2 || true' EXIT
"$ROOT/scripts/services.sh" start kafka >&2

LR_MAIN_CLASS=io.lambdaretail.bench.KafkaBench "$LR" create-topic "$BOOTSTRAP" "$TOPIC" 4 >&2
log "produce $EVENTS generated page views"
"$LR" produce --bootstrap "$BOOTSTRAP" --topic "$TOPIC" --generate "$EVENTS" > "$WORK/produce.json"
BYTES=$(LR_MAIN_CLASS=io.lambdaretail.bench.KafkaBench "$LR" drain "$BOOTSTRAP" "$TOPIC" | tee "$WORK/warm.json" | sed -n 's/.*"bytes": \([0-9]*\).*/\1/p')

log "(a) plain consumer drain"
LR_MAIN_CLASS=io.lambdaretail.bench.KafkaBench "$LR" drain "$BOOTSTRAP" "$TOPIC" > "$WORK/consumer.json"
A_MS=$(json_value "$WORK/consumer.json" duration_ms)
log "(b) stream --available-now into raw + typed Delta, local[2]"
LR_MASTER='local[2]' "$LR" stream --bootstrap "$BOOTSTRAP" --topics "$TOPIC" --lake "$WORK/lake" \
  --checkpoint "$WORK/checkpoint" --available-now --metrics-out "$WORK/stream.json" > /dev/null
B_S=$(json_value "$WORK/stream.json" seconds)
RAW=$(sed -n 's/.*"raw" *: *\([0-9]*\).*/\1/p' "$WORK/stream.json" | head -n 1)
[[ $RAW == "$EVENTS" ]] || { log "stream wrote $RAW raw rows, expected $EVENTS"; exit 1; }

rate() { awk -v n="$EVENTS" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
A_S=$(awk -v m="$A_MS" 'BEGIN { printf "%.1f", m / 1000 }')
MACHINE="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/{print $2}') GiB"
{
  echo
  echo "## Stream, $(date -u +%Y-%m-%d) ($EVENTS events)"
  echo
  echo "Command: \`scripts/bench-stream.sh $EVENTS\`. Machine: $MACHINE."
  echo "Data: $EVENTS generated page views, $(awk -v b="$BYTES" 'BEGIN{printf "%.0f", b/1e6}') MB of JSON, in topic \`$TOPIC\` (4 partitions) of a local KRaft broker."
  echo "Produce: $(json_value "$WORK/produce.json" records_per_second) records/s (\`lambda-retail produce --generate\`, idempotent producer, acks=all)."
  echo
  echo "| run | cores | seconds | events/s |"
  echo "|---|---|---|---|"
  echo "| (a) plain Kafka consumer, count only (ceiling) | 1 | $A_S | $(rate "$A_S") |"
  echo "| (b) \`stream --available-now\` into raw + typed Delta | 2 | $B_S | $(rate "$B_S") |"
  echo
  echo "Ratio: stream / plain consumer = **$(awk -v a="$A_S" -v b="$B_S" 'BEGIN{printf "%.2f", a / b}')x**."
} | tee -a "$ROOT/BENCHMARKS.md"
