#!/usr/bin/env bash
# Cold start of the Lambda jar under Lambda's runtime interface client, as the managed java21 runtime starts it:
# a fresh process per sample, timed to the end of init and to the answers of two events (see docs/benchmarks.md).
# Usage: benchmarks/runtime-cold-start.sh [samples] [jar] [event]   (after mvn -B -DskipTests package; the
# consumer's test classes hold the local Runtime API and the fake Bedrock it uses). RESULTS_SINK=s3 has the function
# write its results too, to a bucket on S3Mock (target/test-engines/s3mock.jar, copied by the test-compile run).
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-10}
jar=${2:-consumer/target/sentiment-consumer-lambda.jar}
event=${3:-test-events/kinesis-150.json}
mvn -B -q -pl consumer test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/test.classpath
java -Ds3mock.jar=consumer/target/test-engines/s3mock.jar -cp "consumer/target/test-classes:consumer/target/classes:$(cat consumer/target/test.classpath)" \
  io.sentimentconsumer.testing.RuntimeColdStart "$jar" "$(cat consumer/target/lambda-runtime.classpath)" \
  "$event" "$samples"
