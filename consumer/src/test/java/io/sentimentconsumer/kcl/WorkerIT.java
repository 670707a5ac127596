package io.sentimentconsumer.kcl;

import io.sentimentconsumer.testing.DynamoDbLocal;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.KinesisLocal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The worker scenarios on engines this machine runs: kinesis-local (from npm, a Node process on a free loopback
 * port) and DynamoDB Local (from Maven Central, in this JVM, in memory).
 */
class WorkerIT extends WorkerScenarios {

    @BeforeAll
    static void startEngines() throws Exception {
        Assumptions.assumeFalse(KinesisLocal.skipped(), "SKIP_KINESIS_LOCAL_TESTS=true");
        kinesis = KinesisLocal.start();
        dynamoDb = DynamoDbLocal.start();
        bedrock = new FakeBedrock();
    }
}
