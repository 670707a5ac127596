package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The stream, the function, its log group and the event source mapping, with defaults and with parameters. */
class StreamAndFunctionTest {

    private static final Map<String, Object> TUNED = Map.of(
            "environment", "production", "streamMode", "provisioned", "shardCount", "3", "snapStart", "true",
            "reservedConcurrency", "6", "memoryMb", "2048", "timeoutSeconds", "120", "startingPosition",
            "trim_horizon", "parallelizationFactor", "4", "bedrockRegion", "us-west-2");
    static final Map<String, Object> TUNED_ALARMS = Map.of("alarmEmail", "ops@example.com");
    private static final Map<String, Object> TUNED_MAPPING = Map.ofEntries(
            Map.entry("maxRetryAttempts", "2"), Map.entry("maxRecordAgeSeconds", "3600"),
            Map.entry("logRetentionDays", "90"), Map.entry("streamRetentionHours", "48"),
            Map.entry("streamKey", "customer-managed"), Map.entry("batchSize", "50"),
            Map.entry("bedrockConcurrency", "6"), Map.entry("maxPostChars", "500"),
            Map.entry("metricsNamespace", "Team/Sentiment"), Map.entry("retainData", "true"),
            Map.entry("serviceTier", "flex"));

    @Test
    void streamIsOnDemandAndEncryptedWithKmsByDefault() {
        Template t = Synth.template(Map.of());
        t.hasResourceProperties("AWS::Kinesis::Stream", Map.of(
                "Name", "sentiment-posts-dev",
                "StreamModeDetails", Map.of("StreamMode", "ON_DEMAND"),
                "StreamEncryption", Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis"),
                "RetentionPeriodHours", 168));
        assertThat(Cfn.only(t, "AWS::Kinesis::Stream")).doesNotContainKey("ShardCount");
        t.hasResource("AWS::Kinesis::Stream", Map.of("DeletionPolicy", "Delete"));
    }

    @Test
    void provisionedStreamUnderTheStacksKeyWhenAsked() {
        Template t = Synth.template(TUNED);
        t.hasResourceProperties("AWS::Kinesis::Stream", Map.of(
                "StreamModeDetails", Map.of("StreamMode", "PROVISIONED"), "ShardCount", 3));
        Template keyed = Synth.template(TUNED_MAPPING);
        keyed.hasResourceProperties("AWS::Kinesis::Stream", Map.of(
                "StreamEncryption", Map.of("EncryptionType", "KMS",
                        "KeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("DataKey.*"), "Arn"))),
                "RetentionPeriodHours", 48));
        keyed.hasResource("AWS::Kinesis::Stream", Map.of("DeletionPolicy", "Retain"));
    }

    @Test
    void keyRotatesAndFailureQueueIsEncryptedWithItAndTlsOnly() {
        Template t = Synth.template(Map.of());
        t.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        t.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("DataKey.*"), "Arn")),
                "MessageRetentionPeriod", 14 * 24 * 3600));
        t.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void functionRunsTheLambdaJarOnJava21Arm64WithDefaultsForBatchesOf150() {
        Template t = Synth.template(Map.of());
        t.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "sentiment-consumer-dev",
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "Handler", "io.sentimentconsumer.lambda.KinesisSentimentHandler::handleRequest",
                "MemorySize", 1024,
                "Timeout", 60,
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("FunctionLogs.*")))));
        Map<String, Object> fn = Cfn.only(t, "AWS::Lambda::Function");
        assertThat(fn).doesNotContainKeys("ReservedConcurrentExecutions", "SnapStart");
        assertThat(t.findResources("AWS::Lambda::Version")).isEmpty();
        assertThat(t.findResources("AWS::Lambda::Alias")).isEmpty();
    }

    @Test
    void everySettingOfTheConsumerIsSet() {
        Template t = Synth.template(Map.of());
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Map.of(
                "BEDROCK_MODEL_ID", "amazon.nova-micro-v1:0",
                "BATCH_SIZE", "25",
                "BEDROCK_CONCURRENCY", "4",
                "MAX_POST_CHARS", "1000",
                "METRICS_SINK", "emf",
                "METRICS_NAMESPACE", "SentimentAnalysis/Bedrock",
                "BEDROCK_SERVICE_TIER", "default",
                "ENVIRONMENT", "dev"))));

        Template tuned = Synth.template(TUNED_MAPPING);
        tuned.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Map.of(
                "BATCH_SIZE", "50", "BEDROCK_CONCURRENCY", "6", "MAX_POST_CHARS", "500",
                "METRICS_NAMESPACE", "Team/Sentiment", "BEDROCK_SERVICE_TIER", "flex"))));
        Synth.template(TUNED).hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Environment", Map.of("Variables", Map.of("BEDROCK_REGION", "us-west-2", "ENVIRONMENT", "production")),
                "MemorySize", 2048, "Timeout", 120, "ReservedConcurrentExecutions", 6));
    }

    @Test
    void logGroupIsExplicitWithRetention() {
        Synth.template(Map.of()).hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/lambda/sentiment-consumer-dev", "RetentionInDays", 30));
        Synth.template(TUNED_MAPPING).hasResourceProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
    }

    @Test
    void mappingHasTheIssuesSettingsAndBoundedRetries() {
        Template t = Synth.template(Map.of());
        t.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Posts.*"), "Arn")),
                "FunctionName", Map.of("Ref", Match.stringLikeRegexp("Function.*")),
                "BatchSize", 150,
                "MaximumBatchingWindowInSeconds", 5,
                "StartingPosition", "LATEST",
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 5,
                "MaximumRecordAgeInSeconds", 21600,
                "ParallelizationFactor", 1));
        t.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of("Enabled", true, "DestinationConfig", Map.of("OnFailure",
                Map.of("Destination", Map.of("Fn::GetAtt",
                        List.of(Match.stringLikeRegexp("MappingFailures.*"), "Arn"))))));
    }

    @Test
    void mappingParameters() {
        Synth.template(TUNED).hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "StartingPosition", "TRIM_HORIZON", "ParallelizationFactor", 4));
        Synth.template(TUNED_MAPPING).hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "MaximumRetryAttempts", 2, "MaximumRecordAgeInSeconds", 3600));
    }

    @Test
    void snapStartPublishesAVersionAndTheMappingInvokesItThroughTheAlias() {
        Template t = Synth.template(TUNED);
        t.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "SnapStart", Map.of("ApplyOn", "PublishedVersions")));
        t.resourceCountIs("AWS::Lambda::Version", 1);
        t.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live",
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FunctionCurrentVersion.*"),
                        "Version"))));
        // The alias's function name and ":live": Lambda invokes the alias's version, the one with the snapshot.
        assertThat(Cfn.text(Cfn.only(t, "AWS::Lambda::EventSourceMapping").get("FunctionName")))
                .contains("Ref=LiveAlias").endsWith(":live");
    }
}
