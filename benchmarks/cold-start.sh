#!/usr/bin/env bash
# Measures the handler's init and first invocation in fresh JVMs on the Lambda jar alone (see docs/benchmarks.md).
# Usage: benchmarks/cold-start.sh [samples]   (after mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-10}
cp="consumer/target/sentiment-consumer-lambda.jar:benchmarks/target/classes"
for _ in $(seq "$samples"); do
  # Region and dummy identity only let the SDK client build; the empty event makes no network call.
  METRICS_SINK=${METRICS_SINK:-emf} java -Daws.region=us-east-1 -Daws.accessKeyId=none -Daws.secretAccessKey=none \
    -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp "$cp" io.sentimentconsumer.benchmarks.ColdStart 2>&1 >/dev/null
done
