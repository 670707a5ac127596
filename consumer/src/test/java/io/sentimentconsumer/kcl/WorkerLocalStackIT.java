package io.sentimentconsumer.kcl;

import io.sentimentconsumer.testing.DynamoDbLocal;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.KinesisLocal;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The same worker scenarios on LocalStack's Kinesis and DynamoDB, where a Docker engine is available; without one
 * the class is skipped. Only loopback: Testcontainers maps the container's port on this machine.
 */
@Testcontainers(disabledWithoutDocker = true)
class WorkerLocalStackIT extends WorkerScenarios {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.4")).withServices(Service.KINESIS, Service.DYNAMODB);

    @BeforeAll
    static void connectEngines() {
        kinesis = KinesisLocal.connect(LOCALSTACK.getEndpoint().toString());
        dynamoDb = DynamoDbLocal.connect(LOCALSTACK.getEndpoint().toString());
        bedrock = new FakeBedrock();
    }
}
