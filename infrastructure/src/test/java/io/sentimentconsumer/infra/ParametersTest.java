package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/** Context parameters: the documented defaults, typed values from cdk.json, and clear errors. */
class ParametersTest {

    @Test
    void defaults() {
        StackParameters p = StackParameters.defaults();
        assertThat(p.environment()).isEqualTo("dev");
        assertThat(p.stackName()).isEqualTo("SentimentConsumer-dev");
        assertThat(p.modelId()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(p.bedrockRegion()).isEmpty();
        assertThat(p.batchSize()).isEqualTo(25);
        assertThat(p.bedrockConcurrency()).isEqualTo(4);
        assertThat(p.metricsSink()).isEqualTo(StackParameters.MetricsSink.EMF);
        assertThat(p.streamCapacity()).isEqualTo(StackParameters.StreamCapacity.ON_DEMAND);
        assertThat(p.memoryMb()).isEqualTo(1024);
        assertThat(p.timeoutSeconds()).isEqualTo(60);
        assertThat(p.reservedConcurrency()).isEmpty();
        assertThat(p.snapStart()).isFalse();
        assertThat(p.maxRetryAttempts()).isEqualTo(5);
        assertThat(p.maxRecordAgeSeconds()).isEqualTo(21_600);
        assertThat(p.streamRetentionHours()).isEqualTo(168);
        assertThat(p.monthlyBudgetUsd()).isEqualTo(100);
        assertThat(p.worker()).isFalse();
        assertThat(p.mappingEnabled()).isTrue();
    }

    @Test
    void aRangeInTheFailureQueueStaysReadableOverAWeekendByDefault() {
        // Sent at 6 h of age at the latest, trimmed at 168 h: 162 h left, more than Friday 18:00 to Monday 09:00.
        assertThat(StackParameters.defaults().redriveWindowHours()).isEqualTo(162).isGreaterThan(63);
        // The old default left 18 h; an age limit in part of an hour still costs the whole hour.
        assertThat(StackParameters.fromContext(Map.<String, Object>of("streamRetentionHours", "24")::get)
                .redriveWindowHours()).isEqualTo(18);
        assertThat(StackParameters.fromContext(Map.<String, Object>of("streamRetentionHours", "24",
                "maxRecordAgeSeconds", "3601")::get).redriveWindowHours()).isEqualTo(22);
    }

    @Test
    void lambdaJarDefaultsToTheConsumersArtifactUnderTheRepositoryRoot() {
        Path root = StackParameters.repositoryRoot();
        assertThat(root.resolve("consumer/pom.xml")).isRegularFile();
        assertThat(root.resolve("infrastructure/pom.xml")).isRegularFile();
        assertThat(StackParameters.defaults().lambdaJar())
                .isEqualTo(root.resolve("consumer/target/sentiment-consumer-lambda.jar"));
    }

    @Test
    void jsonValuesFromCdkJsonAreAcceptedLikeStrings() {
        StackParameters p = StackParameters.fromContext(Map.<String, Object>of(
                "memoryMb", 2048, "snapStart", true, "monthlyBudgetUsd", 250.5, "reservedConcurrency", 3)::get);
        assertThat(p.memoryMb()).isEqualTo(2048);
        assertThat(p.snapStart()).isTrue();
        assertThat(p.monthlyBudgetUsd()).isEqualTo(250.5);
        assertThat(p.reservedConcurrency()).isEqualTo(Optional.of(3));
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("batchSize", "0")::get))
                .hasMessage("context parameter batchSize must be from 1 to 200; was '0'");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("streamMode", "fast")::get))
                .hasMessage("context parameter streamMode must be one of on-demand, provisioned; was 'fast'");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("snapStart", "yes")::get))
                .hasMessageContaining("snapStart must be true or false");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("logRetentionDays", "10")::get))
                .hasMessageContaining("logRetentionDays must be one of CloudWatch Logs' retention values");
        assertThatThrownBy(() -> StackParameters.fromContext(
                Map.<String, Object>of("streamRetentionHours", "24", "maxRecordAgeSeconds", "90000")::get))
                .hasMessageContaining("less than the stream's retention");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("environment", "Prod")::get))
                .hasMessageContaining("environment must be lowercase");
    }

    @Test
    void missingLambdaJarStopsTheSynthWithTheCommandThatBuildsIt() {
        App app = App.Builder.create().context(Map.of("lambdaJar", "/nonexistent/lambda.jar")).build();
        assertThatThrownBy(() -> InfraApp.stack(app))
                .hasMessageContaining("/nonexistent/lambda.jar does not exist")
                .hasMessageContaining("mvn -B -DskipTests package");
    }
}
