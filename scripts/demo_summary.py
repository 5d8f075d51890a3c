"""Prints the end of scripts/demo.sh: counts, model metrics against baselines, where outputs are."""
import json
import os
import sys

runs, data = sys.argv[1], sys.argv[2]


def load(name):
    path = os.path.join(runs, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def num(v):
    return f"{v:.4f}" if isinstance(v, float) else str(v)


print("Ingested (Delta):")
for source in ("pdpviews", "transactions"):
    s = load("ingest-" + source)
    if s:
        c = s.get("counts", {})
        print(f"  {source:13s} {c.get('written')} rows, {c.get('quarantined')} quarantined -> {s.get('output')}")

print("\nModels (holdout metrics, ours vs baselines):")
for name, keys in (("train-als", ("precision@10", "ndcg@10", "auc")),
                   ("train-hybrid", ("precision@10", "ndcg@10", "auc")),
                   ("train-sales", ("rmse", "mae", "smape"))):
    s = load(name)
    if not s:
        print(f"  {name}: no summary")
        continue
    print(f"  {name}: model in {s.get('model_out', s.get('model', '?'))}")
    sections = []
    for k, v in s.items():
        if not isinstance(v, dict):
            continue
        if any(m in v for m in keys):
            sections.append((k, v))
            continue
        # train-hybrid nests its models: metrics.hybrid, metrics.als, cold_start.metrics.hybrid
        nested = v.get("metrics", v)
        for model, values in nested.items():
            if isinstance(values, dict) and any(m in values for m in keys):
                sections.append((f"{k}.{model}", values))
    for section, values in sections:
        print(f"    {section:16s} " + "  ".join(f"{m} {num(values[m])}" for m in keys if m in values))

s = load("predict-sales")
if s:
    print(f"\nSales forecast: {json.dumps({k: v for k, v in s.items() if k not in ('command', 'status')})}")
s = load("recommend")
if s:
    print(f"\nRecommendations: {json.dumps({k: v for k, v in s.items() if k not in ('command', 'status')})}")

s = load("stream")
if s:
    print("\nStream (rows written this run):")
    for table, n in s.get("tables", {}).items():
        print(f"  {table:16s} {n}")
    for k in ("cassandra", "serving"):
        if k in s:
            print(f"  cassandra: {json.dumps(s[k])}")
s = load("catalog")
if s:
    print(f"\nDelta tables in {s.get('lake')}:")
    for t in s.get("tables", []):
        print(f"  {t['table']:16s} {t['rows']:>9} rows  {t['path']}")

print(f"\nOutputs under {data}: sample/ (generated), lake/ (ingested), models/ (with report.html),")
print("  recs/ (ndjson.xz), predictions/, stream-lake/ (raw, topics/*, dead_letters, sessions),")
print(f"  runs/ (every command's JSON summary), checkpoints/ (the stream's)")
