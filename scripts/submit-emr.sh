#!/usr/bin/env bash
# Submits one lambda-retail command to a cluster with spark-submit (on the EMR master node, or any
# host with spark-submit configured for the cluster).
#   scripts/submit-emr.sh [--dry-run] COMMAND [ARGS...]
# Environment:
#   LR_JAR            the shaded jar, local path or s3:// (default: target/lambda-retail-*-spark.jar)
#   LR_CONFIG         config file passed as --config (default: conf/emr.properties; with an s3://
#                     jar, ship it with --files and use its base name)
#   LR_DEPLOY_MODE    cluster | client (default: cluster; `stream` SIGTERM handling needs client)
#   LR_PACKAGES       1: take Delta from Maven with --packages instead of EMR's own Delta
#                     (the shaded jar bundles the Kafka source and the Cassandra connector either way)
#   LR_SUBMIT_OPTS    extra spark-submit options, e.g. "--num-executors 10 --executor-memory 8g"
#   LR_MASTER         --master URL, e.g. spark://127.0.0.1:17077 (default: none, the cluster's own,
#                     as on EMR where spark-submit is configured for YARN)
#   SPARK_SUBMIT      the spark-submit to run (default: spark-submit on PATH, else the project's
#                     scripts/spark-submit, which needs no Spark distribution)
# The command's exit code is spark-submit's (0 ok, 1 run failed, 2 invalid input: see README),
# and --metrics-out s3://.../summary.json gives an orchestrator the JSON summary.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DRY_RUN=0
if [[ ${1:-} == --dry-run ]]; then DRY_RUN=1; shift; fi
if [[ $# -lt 1 || ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
DELTA_PACKAGE=io.delta:delta-spark_2.12:3.3.2
JAR=${LR_JAR:-$(ls "$ROOT"/target/lambda-retail-*-spark.jar 2>/dev/null | head -n 1)}
[[ -n $JAR ]] || { echo "error: no shaded jar: run 'mvn -DskipTests package' or set LR_JAR" >&2; exit 2; }
CONFIG=${LR_CONFIG:-$ROOT/conf/emr.properties}
MODE=${LR_DEPLOY_MODE:-cluster}
[[ $MODE == cluster || $MODE == client ]] || { echo "error: LR_DEPLOY_MODE=$MODE: use cluster or client" >&2; exit 2; }
if [[ -n ${SPARK_SUBMIT:-} ]]; then
  SUBMIT=$SPARK_SUBMIT
elif command -v spark-submit >/dev/null; then
  SUBMIT=spark-submit
else
  SUBMIT=$ROOT/scripts/spark-submit
fi
JAVA17_OPTS=$(grep -v '^#' "$ROOT/conf/spark-java17.jvmopts" | tr '\n' ' ')

cmd=("$SUBMIT" --class io.lambdaretail.cli.Main --deploy-mode "$MODE")
if [[ -n ${LR_MASTER:-} ]]; then cmd+=(--master "$LR_MASTER"); fi
cmd+=(
  --conf "spark.driver.extraJavaOptions=$JAVA17_OPTS"
  --conf "spark.executor.extraJavaOptions=$JAVA17_OPTS"
  --conf spark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension
  --conf spark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog)
if [[ ${LR_PACKAGES:-0} == 1 ]]; then cmd+=(--packages "$DELTA_PACKAGE"); fi
if [[ $MODE == cluster && ${LR_MASTER:-} == spark://* ]]; then
  # a standalone cluster's driver runs in a worker's directory, where --files does not put the
  # file: the config must be at the same path on every worker (a shared or identical disk).
  # Wait for the driver, else spark-submit returns as soon as it is submitted.
  cmd+=(--conf spark.standalone.submit.waitAppCompletion=true)
  CONFIG_ARG=$(cd "$(dirname "$CONFIG")" && pwd)/$(basename "$CONFIG")
elif [[ $MODE == cluster ]]; then
  # the driver runs on a cluster node: ship the config file and refer to it by name
  cmd+=(--files "$CONFIG")
  CONFIG_ARG=$(basename "$CONFIG")
else
  CONFIG_ARG=$CONFIG
fi
# shellcheck disable=SC2206 # LR_SUBMIT_OPTS is a list of options on purpose
cmd+=(${LR_SUBMIT_OPTS:-} "$JAR" "$1" --config "$CONFIG_ARG" "${@:2}")
if [[ $DRY_RUN == 1 ]]; then
  printf '%q ' "${cmd[@]}"
  echo
  exit 0
fi
exec "${cmd[@]}"
