#!/usr/bin/env bash
# Top-N for all users of a saved ALS model: MLlib's recommendForAllUsers vs our blocked sgemm
# (TopN), in one JVM on local[2]; appends the figures to BENCHMARKS.md.
#   scripts/bench-topn.sh MODEL_DIR [k] [repeats]
# Example (generated small data):
#   scripts/lambda-retail generate --out /tmp/b/data --scale small
#   scripts/lambda-retail ingest --source pdpviews --input '/tmp/b/data/pdpviews/*.ndjson.xz' --output /tmp/b/lake/pdpviews
#   scripts/lambda-retail ingest --source transactions --input '/tmp/b/data/transactions/*.ndjson.xz' --output /tmp/b/lake/transactions
#   scripts/lambda-retail train-als --pdpviews /tmp/b/lake/pdpviews --transactions /tmp/b/lake/transactions --model-out /tmp/b/als
#   scripts/bench-topn.sh /tmp/b/als
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODEL=${1:?usage: bench-topn.sh MODEL_DIR [k] [repeats]}
K=${2:-10}
REPEATS=${3:-3}
LINE=$(LR_MASTER='local[2]' LR_MAIN_CLASS=io.lambdaretail.bench.TopNBench \
  "$ROOT/scripts/lambda-retail" "$MODEL" "$K" "$REPEATS" | tail -n 1)
echo "$LINE"
{
  echo
  echo "## Top-N for all users, $(date -u +%Y-%m-%d)"
  echo
  echo "Command: \`scripts/bench-topn.sh $MODEL $K $REPEATS\` (local[2]). Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB."
  echo "Both write every user's top-$K to Spark's noop sink, no exclusions; both models' factors loaded before the timers; best of $REPEATS runs in one JVM."
  echo
  echo "$LINE"
} >> "$ROOT/BENCHMARKS.md"
