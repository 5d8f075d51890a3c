#!/usr/bin/env bash
# Stream benchmark, serving side (issue: speed layer v2), results appended to BENCHMARKS.md.
#   scripts/bench-stream-serving.sh [EVENTS] [RATE] [SECONDS] [RATE2] [SOAK_SECONDS]
#     EVENTS        generated page views pre-filled in the topic and so in the lake (default 1000000)
#     RATE, RATE2   page views/s of the two latency runs (default 200 and 2000), SECONDS each (60)
#     SOAK_SECONDS  length of the soak at RATE2 (default 600; 0 skips it)
# Starts its own Kafka broker and Cassandra node (ports 39192/39193, 39142/37100; state in
# target/bench-stream-serving), fills topic `pdpviews` (4 partitions) with
# `lambda-retail produce --generate`, then in the same run:
#   (a) a plain Kafka consumer drains the topic (no Spark, no parsing, no writes): the ceiling;
#   (b) `stream --available-now` drains it into raw + typed Delta (local[2]);
#   (c) the same plus Cassandra: per-topic table, and the speed layer's query (item_activity_by_hour,
#       sessions_by_user) beside the lake query;
#   (c') (c) with --cassandra-topic-tables none: the serving tables only;
#   (d) latency: `stream --trigger 1s --lake-trigger LAKE_TRIGGER` (env, default 10s) with Cassandra,
#       on the lake (c) filled (EVENTS views already
#       in it), while page views are sent at RATE/s and then RATE2/s (10,000 products, 5,000
#       visitors); every tenth view is a tracer, of a product of its own named after its send time:
#       produce -> visible in item_activity_by_hour (Cassandra WRITETIME) p50/p99 over the tracers,
#       measured after WARMUP (env, default 30) seconds of views at the same rate, whose tracers are
#       not counted: a stream pays its cold start (JIT, first state loads) once, not all day;
#   (e) a soak at RATE2 for SOAK_SECONDS: latency per minute, drawn in bench-stream-soak.svg.
# Timings (a)-(c) are from inside their JVM (start-up excluded).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EVENTS=${1:-1000000}
RATE=${2:-200}
SECONDS_LAT=${3:-60}
RATE2=${4:-2000}
SOAK=${5:-600}
LAKE_TRIGGER=${LAKE_TRIGGER:-10s}
WARMUP=${WARMUP:-30}
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
# "minute p50 p99" lines of a latency JSON's per_minute array
per_minute() {
  grep -o '{"minute": [0-9]*, "p50_ms": -*[0-9]*, "p99_ms": -*[0-9]*}' "$1" \
    | sed -E 's/.*"minute": (-?[0-9]+), "p50_ms": (-?[0-9]+), "p99_ms": (-?[0-9]+).*/\1 \2 \3/'
}
# the per-minute p50 and p99 as an SVG line chart (no scripts, no external files)
soak_svg() {
  awk -v title="Soak: produce to visible latency per minute ($RATE2 views/s, $(date -u +%Y-%m-%d))" '
    { m[NR] = $1; p50[NR] = $2; p99[NR] = $3; if ($3 > max) max = $3 }
    END {
      w = 640; h = 320; l = 60; r = 20; t = 40; b = 40; n = NR; if (max <= 0) max = 1
      printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", w, h
      printf "<text x=\"%d\" y=\"20\">%s</text>\n", l, title
      printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", l, h - b, w - r, h - b
      printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", l, t, l, h - b
      printf "<text x=\"5\" y=\"%d\">%d ms</text><text x=\"5\" y=\"%d\">0</text>\n", t + 4, max, h - b
      printf "<text x=\"%d\" y=\"%d\">minute</text>\n", (w - r) - 50, h - 10
      split("p50 p99", names, " "); split("#1f77b4 #d62728", colours, " ")
      for (s = 1; s <= 2; s++) {
        pts = ""
        for (i = 1; i <= n; i++) {
          x = l + (n == 1 ? 0 : (i - 1) * (w - l - r) / (n - 1)); v = (s == 1 ? p50[i] : p99[i])
          pts = pts sprintf("%.1f,%.1f ", x, (h - b) - v * (h - t - b) / max)
          if (s == 1) printf "<text x=\"%.1f\" y=\"%d\">%d</text>\n", x - 3, h - b + 15, m[i]
        }
        printf "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", colours[s], pts
        printf "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", w - r - 60, t + 15 * s, colours[s], names[s]
      }
      print "</svg>"
    }'
}
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
log "(c') the serving tables only: --cassandra-topic-tables none"
LR_MASTER='local[2]' "$LR" stream --bootstrap "$BOOTSTRAP" --topics "$TOPIC" --lake "$WORK/lake-c2" \
  --checkpoint "$WORK/checkpoint-c2" --available-now "${CASSANDRA[@]}" --keyspace bench_drain2 \
  --cassandra-topic-tables none --metrics-out "$WORK/stream-c2.json" > /dev/null
C2_S=$(json_value "$WORK/stream-c2.json" seconds)
rm -rf "$WORK/lake-c2"
for f in stream-b stream-c stream-c2; do
  RAW=$(sed -n 's/.*"raw" *: *\([0-9]*\).*/\1/p' "$WORK/$f.json" | head -n 1)
  [[ $RAW == "$EVENTS" ]] || { log "$f wrote $RAW raw rows, expected $EVENTS"; exit 1; }
done

# one latency run: a stream on the filled lake (c) with its own checkpoint and keyspace
latency_run() { # NAME RATE SECONDS
  local name=$1 rate=$2 secs=$3
  log "($name) latency at $rate views/s for $secs s, trigger 1s, lake holding $EVENTS views"
  LR_MASTER='local[2]' "$LR" stream --bootstrap "$BOOTSTRAP" --topics "$TOPIC" --lake "$WORK/lake-c" \
    --checkpoint "$WORK/checkpoint-$name" --trigger 1s --lake-trigger "$LAKE_TRIGGER" \
    --starting-offsets latest "${CASSANDRA[@]}" \
    --keyspace "bench_$name" > "$WORK/stream-$name.json" 2> "$WORK/stream-$name.log" &
  STREAM_PID=$!
  # both queries have run a batch: the lake's ("batch 0:") and the speed layer's (its progress)
  until grep -q "batch 0:" "$WORK/stream-$name.log" && grep -q "(lambda-retail-serving)" "$WORK/stream-$name.log"; do
    kill -0 "$STREAM_PID" || { log "latency stream died, see $WORK/stream-$name.log"; exit 1; }
    sleep 1
  done
  BENCH latency "$BOOTSTRAP" "$TOPIC" "$rate" "$secs" 127.0.0.1 "$LR_CASSANDRA_PORT" \
    "bench_$name" "$WARMUP" > "$WORK/latency-$name.json"
  kill "$STREAM_PID"; wait "$STREAM_PID" || true; STREAM_PID=
}
latency_run d1 "$RATE" "$SECONDS_LAT"
latency_run d2 "$RATE2" "$SECONDS_LAT"
if (( SOAK > 0 )); then
  latency_run soak "$RATE2" "$SOAK"
fi

rate() { awk -v n="$EVENTS" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
A_S=$(awk -v m="$A_MS" 'BEGIN { printf "%.1f", m / 1000 }')
MACHINE="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/{print $2}') GiB"
{
  echo
  echo "## Stream into Cassandra serving tables, speed layer v2, $(date -u +%Y-%m-%d) ($EVENTS events)"
  echo
  echo "Command: \`LAKE_TRIGGER=$LAKE_TRIGGER WARMUP=$WARMUP scripts/bench-stream-serving.sh $EVENTS $RATE $SECONDS_LAT $RATE2 $SOAK\` at commit $(git -C "$ROOT" rev-parse --short HEAD). Machine: $MACHINE; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Data: $EVENTS generated page views, $(awk -v b="$BYTES" 'BEGIN{printf "%.0f", b/1e6}') MB of JSON, in topic \`$TOPIC\` (4 partitions) of a local KRaft broker; a local Cassandra 5.0 node (512 MB heap)."
  echo
  echo "| run | cores | seconds | events/s |"
  echo "|---|---|---|---|"
  echo "| (a) plain Kafka consumer, count only (ceiling) | 1 | $A_S | $(rate "$A_S") |"
  echo "| (b) \`stream --available-now\` into raw + typed Delta | 2 | $B_S | $(rate "$B_S") |"
  echo "| (c) (b) + Cassandra: \`pdpviews\` table, and the speed layer's query: \`item_activity_by_hour\`, \`sessions_by_user\` | 2 | $C_S | $(rate "$C_S") |"
  echo "| (c') (c) with \`--cassandra-topic-tables none\`: the serving tables only | 2 | $C2_S | $(rate "$C2_S") |"
  echo
  echo "Ratios: (c) / (a) = **$(awk -v a="$A_S" -v c="$C_S" 'BEGIN{printf "%.3f", a / c}')x**, (c) / (b) = **$(awk -v b="$B_S" -v c="$C_S" 'BEGIN{printf "%.2f", b / c}')x**, (c') / (b) = **$(awk -v b="$B_S" -v c="$C2_S" 'BEGIN{printf "%.2f", b / c}')x**."
  echo
  for run in d1:$RATE d2:$RATE2; do
    f="$WORK/latency-${run%%:*}.json"
    echo "Latency, \`stream --trigger 1s --lake-trigger $LAKE_TRIGGER\` with Cassandra on a lake already holding $EVENTS page views, ${run#*:} page views/s for $SECONDS_LAT s after $WARMUP s at that rate (not counted), produce time to visible in \`item_activity_by_hour\` (its WRITETIME):"
    echo "p50 **$(json_value "$f" p50_ms) ms**, p99 **$(json_value "$f" p99_ms) ms**, max $(json_value "$f" max_ms) ms ($(json_value "$f" visible) of $(json_value "$f" tracers) tracers seen, one view in ten; $(json_value "$f" sent) views sent)."
    echo
  done
  if (( SOAK > 0 )); then
    f="$WORK/latency-soak.json"
    echo "Soak: $RATE2 page views/s for $SOAK s after $WARMUP s of warm-up, latency per minute of sending (chart: [bench-stream-soak.svg](bench-stream-soak.svg)):"
    echo
    echo "| minute | p50 ms | p99 ms |"
    echo "|---|---|---|"
    per_minute "$f" | awk '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
    echo
    echo "Last minute's p99 over the first's: $(per_minute "$f" | awk 'NR==1{f=$3} {l=$3} END{ printf "%.2f", l / f }')x."
  fi
} | tee -a "$ROOT/BENCHMARKS.md"
if (( SOAK > 0 )); then
  per_minute "$WORK/latency-soak.json" | soak_svg > "$ROOT/bench-stream-soak.svg"
fi
