package io.sentimentconsumer.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentimentconsumer.testing.CliProcess;
import io.sentimentconsumer.testing.FakeBedrock;
import io.sentimentconsumer.testing.Polling;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Scenario (a) of {@link WorkerIT} on LocalStack's Kinesis and DynamoDB, where a Docker engine is available;
 * without one the class is skipped. Only loopback: Testcontainers maps the container's port on this machine.
 */
@Testcontainers(disabledWithoutDocker = true)
class WorkerLocalStackIT {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.4")).withServices(Service.KINESIS, Service.DYNAMODB);

    @Test
    void oneWorkerAnalyzesEveryProducedPostOnLocalStack() throws Exception {
        String endpoint = LOCALSTACK.getEndpoint().toString();
        try (FakeBedrock bedrock = new FakeBedrock();
             KinesisClient kinesis = KinesisClient.builder().endpointOverride(LOCALSTACK.getEndpoint())
                     .region(Region.of(LOCALSTACK.getRegion()))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                             LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                     .build()) {
            kinesis.createStream(r -> r.streamName("posts").shardCount(4));
            Polling.until(Duration.ofSeconds(60), "stream active", () -> kinesis.describeStreamSummary(
                    r -> r.streamName("posts")).streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL_KINESIS", endpoint,
                    "AWS_ENDPOINT_URL_DYNAMODB", endpoint, "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", bedrock.endpoint(),
                    "AWS_REGION", LOCALSTACK.getRegion());
            try (CliProcess produce = CliProcess.run(Duration.ofMinutes(2), env,
                    "produce", "--stream", "posts", "--generate", "1000", "--seed", "7")) {
                assertThat(produce.exitCode()).as(produce.stderr()).isZero();
            }
            try (CliProcess worker = CliProcess.start(env, "worker", "--stream", "posts", "--application", "app",
                    "--metrics", "none", "--test-failover-millis", "2000")) {
                Polling.until(Duration.ofMinutes(3), "1,000 posts scored",
                        () -> bedrock.calls().stream().mapToInt(c -> c.posts().size()).sum() >= 1000);
                assertThat(worker.stop(Duration.ofSeconds(60))).as(worker.stderr()).isZero();
                assertThat(bedrock.calls().stream().mapToInt(c -> c.posts().size()).sum()).isEqualTo(1000);
                assertThat(worker.stderr()).contains("Worker cumulative token summary: Total tokens: "
                        + bedrock.billed().totalTokens());
            }
        }
    }
}
