"""Daily batch of Lambda Retail: ingest -> train -> recommend -> train-sales.

Each task runs one lambda-retail command through scripts/submit-emr.sh (spark-submit on the
EMR master, or any host configured for the cluster). A command exits 0 on success, 1 when the
run failed and 2 on invalid options or input; BashOperator fails the task on any non-zero exit,
so a failed step stops the steps after it. Each command writes its JSON summary with
--metrics-out, which the next task (or an on-failure callback) can read.

Set the Airflow Variables lambda_retail_home (checkout with the jar built) and lambda_retail_bucket.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.bash import BashOperator

HOME = Variable.get("lambda_retail_home", default_var="/opt/lambda-retail")
BUCKET = Variable.get("lambda_retail_bucket", default_var="s3a://my-bucket")
SUBMIT = f"{HOME}/scripts/submit-emr.sh"
DAY = "{{ ds }}"
SUMMARIES = f"/tmp/lambda-retail/{DAY}"


def step(task_id, command):
    return BashOperator(
        task_id=task_id,
        bash_command=f"mkdir -p {SUMMARIES} && {SUBMIT} {command} --metrics-out {SUMMARIES}/{task_id}.json",
    )


with DAG(
    dag_id="lambda_retail_daily",
    start_date=datetime(2026, 11, 1),
    schedule="0 3 * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["lambda-retail"],
) as dag:
    ingest_views = step(
        "ingest_pdpviews",
        f"ingest --source pdpviews --input '{BUCKET}/dumps/{DAY}/pdpviews*.ndjson.xz'"
        f" --output {BUCKET}/lake/pdpviews --format delta",
    )
    ingest_orders = step(
        "ingest_transactions",
        f"ingest --source transactions --input '{BUCKET}/dumps/{DAY}/transactions*.ndjson.xz'"
        f" --output {BUCKET}/lake/transactions --format delta",
    )
    train_als = step(
        "train_als",
        f"train-als --pdpviews {BUCKET}/lake/pdpviews --transactions {BUCKET}/lake/transactions"
        f" --model-out {BUCKET}/models/als",
    )
    recommend = step(
        "recommend",
        f"recommend --model {BUCKET}/models/als --k 10 --out {BUCKET}/recs/{DAY}"
        " --format ndjson.xz",
    )
    train_sales = step(
        "train_sales",
        f"train-sales {BUCKET}/uploads/sales/ --model-out {BUCKET}/models/sales",
    )

    # the batch views of the day over the speed layer's rows: late events, replays, backfills
    serve = step(
        "serve",
        f"serve --lake {BUCKET}/stream-lake --from {DAY}",
    )

    [ingest_views, ingest_orders] >> train_als >> recommend >> train_sales
    serve
