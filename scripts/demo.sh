#!/usr/bin/env bash
# The run command: from a fresh clone to a finished local run on sample data.
#   scripts/demo.sh
# Builds the jar, generates data/sample when it is missing, ingests it into data/lake (the jobs
# that exist so far) and prints where the results are. Environment: LR_SAMPLE_SCALE (default small), LR_DATA (default data).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
DATA=${LR_DATA:-$ROOT/data}
SAMPLE=$DATA/sample
RUNS=$DATA/runs
LR="$ROOT/scripts/lambda-retail"
start=$(date +%s)

step() { printf '\n== %s\n' "$*" >&2; }

step "build (mvn -DskipTests package)"
mvn -B -q -DskipTests -Dspotless.check.skip -Dcheckstyle.skip package

mkdir -p "$RUNS"
if [[ -f $SAMPLE/users.csv ]]; then
  step "sample data: $SAMPLE exists, keeping it"
else
  step "generate sample data into $SAMPLE (scale ${LR_SAMPLE_SCALE:-small})"
  LR_NO_BUILD=1 "$LR" generate --out "$SAMPLE" --scale "${LR_SAMPLE_SCALE:-small}" --seed 42 \
    --metrics-out "$RUNS/generate.json" >/dev/null
fi

LAKE=$DATA/lake
for source in pdpviews transactions; do
  step "ingest $source into $LAKE/$source (Parquet, bad lines to ${source}_quarantine)"
  LR_NO_BUILD=1 "$LR" ingest --source "$source" --input "$SAMPLE/$source/*.ndjson.xz" \
    --output "$LAKE/$source" --metrics-out "$RUNS/ingest-$source.json" >/dev/null
done

step "summary"
print_sample() {
  for d in pdpviews transactions; do
    printf '  %-13s %4d files  %s\n' "$d" "$(ls "$SAMPLE/$d" | wc -l)" "$(du -sh "$SAMPLE/$d" | cut -f1)"
  done
  for f in users.csv items.csv sales/sales.csv deals/deals.ndjson; do
    printf '  %-19s %9d lines  %s\n' "$f" "$(wc -l < "$SAMPLE/$f")" "$(du -sh "$SAMPLE/$f" | cut -f1)"
  done
}
print_sample
[[ -f $RUNS/generate.json ]] && echo "  generate summary: $RUNS/generate.json"
for source in pdpviews transactions; do
  counts=$(tr -d ' \n' < "$RUNS/ingest-$source.json" | grep -o '"counts":{"input_lines":[0-9]*,"written":[0-9]*,"quarantined":[0-9]*')
  echo "  ingest $source: $(echo "${counts#*\{}" | sed 's/"//g; s/,/, /g') -> $LAKE/$source"
done
echo
echo "Sample data: $SAMPLE"
echo "Lake:        $LAKE"
echo "Done in $(( $(date +%s) - start )) s."
