package io.sentimentconsumer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentimentconsumer.account.ServiceTier;
import io.sentimentconsumer.events.MetricsSink;
import io.sentimentconsumer.events.ResultsSink;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings come from the environment with documented defaults; bad ones fail at start-up, by name. */
class ConsumerConfigTest {

    private static final String PROFILE_ARN =
            "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/abc123def456";

    private static final Map<String, String> EVERY_SETTING = Map.ofEntries(
            Map.entry("BEDROCK_MODEL_ID", "us.amazon.nova-micro-v1:0"),
            Map.entry("BEDROCK_INFERENCE_PROFILE_ARN", PROFILE_ARN), Map.entry("BEDROCK_REGION", "eu-west-1"),
            Map.entry("BEDROCK_SERVICE_TIER", "Flex"),
            Map.entry("BATCH_SIZE", "50"), Map.entry("BEDROCK_CONCURRENCY", "8"), Map.entry("MAX_POST_CHARS", "280"),
            Map.entry("METRICS_SINK", "CloudWatch"), Map.entry("METRICS_NAMESPACE", "Team/Sentiment"),
            Map.entry("ENVIRONMENT", "production"), Map.entry("PRICE_TABLE_FILE", "/opt/prices.json"),
            Map.entry("DEADLINE_MARGIN_MS", "3000"), Map.entry("RESULTS_SINK", "S3"),
            Map.entry("RESULTS_BUCKET", "sentiment-results-production"), Map.entry("RESULTS_INCLUDE_TEXT", "TRUE"));

    @Test
    void hasTheDocumentedDefaults() {
        ConsumerConfig config = ConsumerConfig.fromEnvironment(Map.of());

        assertThat(config.modelId()).isNull();
        assertThat(config.modelIdOrDefault()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(config.bedrockRegion()).isNull();
        assertThat(config.inferenceProfileArn()).isNull();
        assertThat(config.invokedModelId()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(config.serviceTier()).isEqualTo(ServiceTier.DEFAULT);
        assertThat(config.batchSize()).isEqualTo(25);
        assertThat(config.concurrency()).isEqualTo(4);
        assertThat(config.maxPostChars()).isEqualTo(1000);
        assertThat(config.metricsSink()).isEqualTo(MetricsSink.EMF);
        assertThat(config.metricsNamespace()).isEqualTo("SentimentAnalysis/Bedrock");
        assertThat(config.environment()).isEqualTo("dev");
        assertThat(config.priceTableFile()).isNull();
        assertThat(config.deadlineMarginMillis()).isEqualTo(2000);
        assertThat(config.resultsSink()).isEqualTo(ResultsSink.NONE);
        assertThat(config.resultsBucket()).isNull();
        assertThat(config.resultsIncludeText()).isFalse();
        assertThat(ConsumerConfig.defaults()).isEqualTo(config);
    }

    @Test
    void readsEverySetting() {
        ConsumerConfig config = ConsumerConfig.fromEnvironment(EVERY_SETTING);

        assertThat(config).isEqualTo(new ConsumerConfig("us.amazon.nova-micro-v1:0", PROFILE_ARN, "eu-west-1",
                null, ServiceTier.FLEX, 50, 8, 280, MetricsSink.CLOUDWATCH, "Team/Sentiment", "production",
                Path.of("/opt/prices.json"), 3000, ResultsSink.S3, "sentiment-results-production", true));
    }

    @Test
    void blankVariablesCountAsUnset() {
        ConsumerConfig config = ConsumerConfig.fromEnvironment(Map.of("BEDROCK_MODEL_ID", " ", "BATCH_SIZE", "",
                "PRICE_TABLE_FILE", "  ", "DEADLINE_MARGIN_MS", " "));

        assertThat(config).isEqualTo(ConsumerConfig.defaults());
    }

    @Test
    void aRuntimesOwnDefaultGivesWayToTheEnvironmentAndAnOptionToBoth() {
        ConsumerConfig.Builder commandDefaults = ConsumerConfig.builder().metricsSink(MetricsSink.CLOUDWATCH);

        assertThat(commandDefaults.variables(Map.of()).build().metricsSink()).isEqualTo(MetricsSink.CLOUDWATCH);
        ConsumerConfig fromEnvironment = commandDefaults.variables(Map.of("METRICS_SINK", "emf")).build();
        assertThat(fromEnvironment.metricsSink()).isEqualTo(MetricsSink.EMF);
        assertThat(fromEnvironment.toBuilder().metricsSink(MetricsSink.NONE).build().metricsSink())
                .isEqualTo(MetricsSink.NONE);
    }

    @Test
    void anOptionReplacesOneValueAndKeepsTheRest() {
        ConsumerConfig config = ConsumerConfig.fromEnvironment(EVERY_SETTING);

        ConsumerConfig overlaid = config.toBuilder().batchSize(10).modelId("amazon.nova-lite-v1:0").build();

        assertThat(overlaid.batchSize()).isEqualTo(10);
        assertThat(overlaid.modelId()).isEqualTo("amazon.nova-lite-v1:0");
        assertThat(overlaid.concurrency()).isEqualTo(8);
        assertThat(overlaid.priceTableFile()).isEqualTo(Path.of("/opt/prices.json"));
        assertThat(config.toBuilder().build()).isEqualTo(config);
    }

    @Test
    void namesTheVariableAndTheValueWhenASettingIsWrong() {
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("BATCH_SIZE", "lots")))
                .hasMessage("BATCH_SIZE must be an integer; was 'lots'");
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("BATCH_SIZE", "0")))
                .hasMessage("BATCH_SIZE must be from 1 to 200; was 0");
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("BEDROCK_CONCURRENCY", "-2")))
                .hasMessage("BEDROCK_CONCURRENCY must be from 1 to 64; was -2");
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("METRICS_SINK", "prometheus")))
                .hasMessage("METRICS_SINK must be one of emf, cloudwatch, none; was 'prometheus'");
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("ENVIRONMENT", " ")))
                .hasMessage("ENVIRONMENT must not be blank");
    }

    @Test
    void theS3SinkNeedsABucketAndSaysWhereToFindOne() {
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("RESULTS_SINK", "s3")))
                .hasMessage("RESULTS_SINK=s3 needs the bucket to write to: set RESULTS_BUCKET (the stack's "
                        + "ResultsBucketName output), or set RESULTS_SINK=none to keep no results");
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("RESULTS_SINK", "s3", "RESULTS_BUCKET", " ")))
                .hasMessageStartingWith("RESULTS_SINK=s3 needs the bucket to write to");
    }

    @Test
    void anOptionNamesTheBucketTheEnvironmentLeftOut() {
        ConsumerConfig config = ConsumerConfig.builder().variables(Map.of("RESULTS_SINK", "s3"))
                .resultsBucket("from-the-option").build();

        assertThat(config.resultsSink()).isEqualTo(ResultsSink.S3);
        assertThat(config.resultsBucket()).isEqualTo("from-the-option");
    }

    @Test
    void refusesAResultsSettingItCannotRead() {
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("RESULTS_SINK", "dynamodb")))
                .hasMessage("RESULTS_SINK must be one of s3, none; was 'dynamodb'");
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("RESULTS_INCLUDE_TEXT", "yes")))
                .hasMessage("RESULTS_INCLUDE_TEXT must be true or false; was 'yes'");
    }

    @Test
    void anOptionIsCheckedLikeTheVariableItReplaces() {
        assertThatThrownBy(() -> ConsumerConfig.defaults().toBuilder().batchSize(201).build())
                .hasMessage("BATCH_SIZE must be from 1 to 200; was 201");
        assertThatThrownBy(() -> ConsumerConfig.defaults().toBuilder().deadlineMarginMillis(-1).build())
                .hasMessage("DEADLINE_MARGIN_MS must be from 0 to 600000; was -1");
    }

    @Test
    void conversesThroughTheInferenceProfileWhileTheModelIdStaysTheDimension() {
        ConsumerConfig config = ConsumerConfig.fromEnvironment(EVERY_SETTING);

        assertThat(config.invokedModelId()).isEqualTo(PROFILE_ARN);
        assertThat(config.modelIdOrDefault()).isEqualTo("us.amazon.nova-micro-v1:0");
    }

    @Test
    void refusesATierThatIsNotAskedForPerRequest() {
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("BEDROCK_SERVICE_TIER", "reserved")))
                .hasMessageContaining("BEDROCK_SERVICE_TIER must be one of default, flex, priority");
        assertThatThrownBy(() -> ConsumerConfig.fromEnvironment(Map.of("BEDROCK_SERVICE_TIER", "cheap")))
                .hasMessageStartingWith("BEDROCK_SERVICE_TIER: ")
                .hasMessageContaining("was 'cheap'");
    }
}
