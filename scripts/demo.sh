#!/usr/bin/env bash
# The run command: from a fresh clone to a finished local run on sample data.
#   scripts/demo.sh
# Builds the jar, generates data/sample when it is missing, runs the jobs that exist so far and
# prints where the results are. Environment: LR_SAMPLE_SCALE (default small), LR_DATA (default data).
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
echo
echo "Sample data: $SAMPLE"
echo "Done in $(( $(date +%s) - start )) s."
