package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentimentconsumer.events.MetricsSink;
import io.sentimentconsumer.events.ResultsSink;
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
        assertThat(p.consumer().modelId()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(p.consumer().bedrockRegion()).isEmpty();
        assertThat(p.consumer().batchSize()).isEqualTo(25);
        assertThat(p.consumer().bedrockConcurrency()).isEqualTo(4);
        assertThat(p.function().metricsSink()).isEqualTo(MetricsSink.EMF);
        assertThat(p.stream().capacity()).isEqualTo(StackParameters.StreamCapacity.ON_DEMAND);
        assertThat(p.function().memoryMb()).isEqualTo(1024);
        assertThat(p.function().timeoutSeconds()).isEqualTo(60);
        assertThat(p.function().reservedConcurrency()).isEmpty();
        assertThat(p.function().snapStart()).isFalse();
        assertThat(p.mapping().maxRetryAttempts()).isEqualTo(5);
        assertThat(p.mapping().maxRecordAgeSeconds()).isEqualTo(21_600);
        assertThat(p.stream().retentionHours()).isEqualTo(168);
        assertThat(p.alarms().monthlyBudgetUsd()).isEqualTo(100);
        assertThat(p.alarms().tokenReconciliationPercent()).isEqualTo(2);
        assertThat(p.worker().enabled()).isFalse();
        assertThat(p.mapping().enabled()).isTrue();
        assertThat(p.results()).isEqualTo(new StackParameters.Results(ResultsSink.S3, 400, 1000, false));
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
        assertThat(StackParameters.defaults().function().lambdaJar())
                .isEqualTo(root.resolve("consumer/target/sentiment-consumer-lambda.jar"));
    }

    @Test
    void jsonValuesFromCdkJsonAreAcceptedLikeStrings() {
        StackParameters p = StackParameters.fromContext(Map.<String, Object>of(
                "memoryMb", 2048, "snapStart", true, "monthlyBudgetUsd", 250.5, "reservedConcurrency", 3)::get);
        assertThat(p.function().memoryMb()).isEqualTo(2048);
        assertThat(p.function().snapStart()).isTrue();
        assertThat(p.alarms().monthlyBudgetUsd()).isEqualTo(250.5);
        assertThat(p.function().reservedConcurrency()).isEqualTo(Optional.of(3));
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
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("memoryMb", "lots")::get))
                .hasMessage("context parameter memoryMb must be an integer; was 'lots'");
    }

    @Test
    void aFunctionMustPublishItsMetricsForTheDashboardAndAlarms() {
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("metricsSink", "none")::get))
                .hasMessage("context parameter metricsSink must be one of emf, cloudwatch; was 'none'");
        assertThat(StackParameters.fromContext(Map.<String, Object>of("metricsSink", "CloudWatch")::get)
                .function().metricsSink()).isEqualTo(MetricsSink.CLOUDWATCH);
    }

    @Test
    void theConsumersRangesAreTheConsumersOwn() {
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("serviceTier", "reserved")::get))
                .hasMessage("context parameter serviceTier must be default, flex, priority; was 'reserved'");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("bedrockConcurrency", "65")::get))
                .hasMessage("context parameter bedrockConcurrency must be from 1 to 64; was '65'");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("maxPostChars", "100001")::get))
                .hasMessage("context parameter maxPostChars must be from 1 to 100000; was '100001'");
        assertThat(StackParameters.fromContext(Map.<String, Object>of("batchSize", "200")::get).consumer()
                .batchSize()).isEqualTo(200);
    }

    @Test
    void eachGroupChecksItsOwnValues() {
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("workerCpu", "300")::get))
                .hasMessage("context parameter workerCpu must be a Fargate CPU value (256, 512, 1024, 2048, 4096); "
                        + "was '300'");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("alarmEmail", "ops")::get))
                .hasMessage("context parameter alarmEmail must be an e-mail address; was 'ops'");
        assertThatThrownBy(() -> StackParameters.fromContext(
                Map.<String, Object>of("parallelizationFactor", "11")::get))
                .hasMessage("context parameter parallelizationFactor must be from 1 to 10; was '11'");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("shardCount", "0")::get))
                .hasMessage("context parameter shardCount must be from 1 to 10000; was '0'");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("timeoutSeconds", "5")::get))
                .hasMessage("context parameter timeoutSeconds must be from 10 to 900; was '5'");
        // Built directly, as well as from context.
        assertThatThrownBy(() -> new StackParameters.Alarms(0, 100, 600, 3, Optional.empty(), 2))
                .hasMessage("context parameter monthlyBudgetUsd must be a positive amount; was '0.0'");
    }

    @Test
    void theResultsParametersCheckTheirOwnValues() {
        StackParameters.Results results = StackParameters.fromContext(Map.<String, Object>of("resultsSink", "none",
                "resultsRetentionDays", "3650", "resultsScanLimitMb", "10", "resultsIncludeText", true)::get).results();
        assertThat(results).isEqualTo(new StackParameters.Results(ResultsSink.NONE, 3650, 10, true));
        assertThat(results.enabled()).isFalse();
        assertThat(results.scanLimitBytes()).isEqualTo(10_000_000L);

        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("resultsSink", "dynamodb")::get))
                .hasMessage("context parameter resultsSink must be one of s3, none; was 'dynamodb'");
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("resultsRetentionDays", "0")::get))
                .hasMessage("context parameter resultsRetentionDays must be from 1 to 3650; was '0'");
        assertThatThrownBy(() -> new StackParameters.Results(ResultsSink.S3, 3651, 1000, false))
                .hasMessage("context parameter resultsRetentionDays must be from 1 to 3650; was '3651'");
        // Athena refuses a per-query cutoff under 10,000,000 bytes.
        assertThatThrownBy(() -> StackParameters.fromContext(Map.<String, Object>of("resultsScanLimitMb", "9")::get))
                .hasMessage("context parameter resultsScanLimitMb must be from 10 to 10000000; was '9'");
    }

    @Test
    void tokenReconciliationPercentIsAPercentageAboveZero() {
        assertThat(StackParameters.fromContext(Map.<String, Object>of("tokenReconciliationPercent", "0.5")::get)
                .alarms().tokenReconciliationPercent()).isEqualTo(0.5);
        assertThatThrownBy(() -> StackParameters.fromContext(
                Map.<String, Object>of("tokenReconciliationPercent", "0")::get))
                .hasMessage("context parameter tokenReconciliationPercent must be a percentage above 0, at most 100; "
                        + "was '0.0'");
        assertThatThrownBy(() -> StackParameters.fromContext(
                Map.<String, Object>of("tokenReconciliationPercent", "150")::get))
                .hasMessageContaining("tokenReconciliationPercent must be a percentage above 0, at most 100");
        assertThatThrownBy(() -> StackParameters.fromContext(
                Map.<String, Object>of("tokenReconciliationPercent", "two")::get))
                .hasMessage("context parameter tokenReconciliationPercent must be a number; was 'two'");
    }

    @Test
    void theMappingPollsUnlessTheWorkerConsumesOrItIsSetExplicitly() {
        assertThat(StackParameters.fromContext(Map.<String, Object>of("worker", "true")::get).mapping().enabled())
                .isFalse();
        assertThat(StackParameters.fromContext(Map.<String, Object>of("worker", "true", "mappingEnabled", "true")::get)
                .mapping().enabled()).isTrue();
    }

    @Test
    void missingLambdaJarStopsTheSynthWithTheCommandThatBuildsIt() {
        App app = App.Builder.create().context(Map.of("lambdaJar", "/nonexistent/lambda.jar")).build();
        assertThatThrownBy(() -> InfraApp.stack(app))
                .hasMessageContaining("/nonexistent/lambda.jar does not exist")
                .hasMessageContaining("mvn -B -DskipTests package");
    }
}
