package io.sentimentconsumer.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The dashboard, the alarms and the saved queries, checked against what the consumer really emits and logs. */
class ObservabilityTest {

    private static final Path CONSUMER_SOURCE =
            StackParameters.repositoryRoot().resolve("consumer/src/main/java/io/sentimentconsumer");
    private static final String NAMESPACE = "SentimentAnalysis/Bedrock";

    /** One metric in a dashboard widget: namespace, name and dimensions. */
    record DashboardMetric(String namespace, String name, Map<String, String> dimensions) {
    }

    // ---------------------------------------------------------------------------------------------- dashboard

    @Test
    void dashboardShowsEveryMetricTheConsumerEmitsAndOnlyThoseWithItsExactDimensions() throws IOException {
        List<DashboardMetric> metrics = dashboardMetrics(Synth.template(Map.of()));
        Set<String> shown = new LinkedHashSet<>();
        for (DashboardMetric metric : metrics) {
            if (metric.namespace().equals(NAMESPACE)) {
                shown.add(metric.name());
                assertThat(metric.dimensions()).as(metric.name())
                        .containsExactlyInAnyOrderEntriesOf(Map.of("Environment", "dev",
                                "ModelId", "amazon.nova-micro-v1:0"));
            }
        }
        Set<String> emitted = emittedMetricNames();
        assertThat(emitted).contains("TotalTokens", "BedrockCost", "HandedBackRecords", ConsumerMetrics.THROTTLES);
        assertThat(shown).containsExactlyInAnyOrderElementsOf(emitted);
    }

    @Test
    void consumerPublishesWithExactlyTheDimensionsTheStackUses() throws IOException {
        String publisher = Files.readString(CONSUMER_SOURCE.resolve("publish/CloudWatchMetricsPublisher.java"));
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("Dimension\\.builder\\(\\)\\.name\\(\"(\\w+)\"\\)").matcher(publisher);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).containsExactlyElementsOf(ConsumerMetrics.DIMENSIONS);
    }

    @Test
    void dashboardAnswersWhatItCosts() {
        Template t = Synth.template(Map.of());
        String body = dashboardBody(t);
        assertThat(body).doesNotContain("undefined");
        Map<String, Object> dashboard = Cfn.only(t, "AWS::CloudWatch::Dashboard");
        assertThat(dashboard.get("DashboardName")).isEqualTo("SentimentConsumer-dev");
        assertThat(body)
                .contains("1000 * cost / (positive + negative + neutral + unscored)")
                .contains("tokens / (positive + negative + neutral + unscored)")
                .contains("RUNNING_SUM(hourlyCost)")
                .contains("\"stat\":\"p50\"", "\"stat\":\"p90\"", "\"stat\":\"p99\"")
                .contains("Cost per hour", "Tokens by type", "Sentiment mix", "Bedrock latency",
                        "Records without a score", "Throttles", "Iterator age", "Failure queue depth");
        List<DashboardMetric> metrics = dashboardMetrics(t);
        assertThat(metrics).filteredOn(d -> d.namespace().equals("AWS/Lambda")).extracting(DashboardMetric::name)
                .contains("Errors", "Duration", "IteratorAge", "Throttles", "Invocations");
        assertThat(metrics).filteredOn(d -> d.namespace().equals("AWS/SQS")).extracting(DashboardMetric::name)
                .containsOnly("ApproximateNumberOfMessagesVisible");
    }

    @Test
    void everyRowOfTheDashboardFillsItsTwentyFourColumns() throws IOException {
        JsonNode widgets = new ObjectMapper().readTree(dashboardBody(Synth.template(Map.of()))).get("widgets");
        Map<Integer, Integer> widthByRow = new TreeMap<>();
        for (JsonNode widget : widgets) {
            widthByRow.merge(widget.get("y").asInt(), widget.get("width").asInt(), Integer::sum);
        }
        assertThat(widthByRow).hasSizeGreaterThan(5).allSatisfy((y, width) -> assertThat(width).as("row at y=%d", y)
                .isEqualTo(24));
    }

    @Test
    void ourTokensStandNextToBedrocksOwnCountForTheApplicationProfile() {
        Map<String, String> ours = Map.of("Environment", "dev", "ModelId", "us.amazon.nova-micro-v1:0");
        Map<String, String> bedrocks = Map.of("ModelId", "${ApplicationInferenceProfile.InferenceProfileId}");
        Template profile = Synth.template(Map.of("modelId", "us.amazon.nova-micro-v1:0"));
        assertThat(widgetMetrics(profile, "Tokens per hour: ours"))
                .containsExactly(
                        new DashboardMetric(NAMESPACE, "InputTokens", ours),
                        new DashboardMetric("AWS/Bedrock", "InputTokenCount", bedrocks),
                        new DashboardMetric(NAMESPACE, "OutputTokens", ours),
                        new DashboardMetric("AWS/Bedrock", "OutputTokenCount", bedrocks));
        // The daily difference the alarm watches, from the same four metrics, with the alarm's threshold.
        Template t = Synth.template(Map.of("tokenReconciliationPercent", "5"));
        assertThat(widgetMetrics(t, "Ours vs Bedrock's, per day")).extracting(DashboardMetric::name)
                .containsExactlyInAnyOrder("InputTokens", "OutputTokens", "InputTokenCount", "OutputTokenCount");
        assertThat(dashboardBody(t)).contains(
                "IF(bedrock > 0, 100 * ABS(ours - bedrock) / bedrock, IF(ours > 0, 100, 0))",
                "{\"value\":5,\"label\":\"alarm threshold\",\"yAxis\":\"left\"}");
    }

    // ------------------------------------------------------------------------------------------------- alarms

    @Test
    void tokenReconciliationAlarmsWhenOurDailyCountAndBedrocksDifferByThePercentage() {
        Map<String, Object> alarm = alarm(Synth.template(Map.of("tokenReconciliationPercent", "5")),
                "TokenReconciliation");
        assertThat(alarm).containsEntry("Threshold", 5)
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("EvaluationPeriods", 1)
                .containsEntry("TreatMissingData", "notBreaching");
        Map<String, Map<String, Object>> queries = queriesById(alarm);
        assertThat(queries.get("expr_1")).containsEntry("Expression",
                "IF(bedrock > 0, 100 * ABS(ours - bedrock) / bedrock, IF(ours > 0, 100, 0))");
        assertThat(queries.get("ours")).containsEntry("Expression", "FILL(inputTokens, 0) + FILL(outputTokens, 0)")
                .containsEntry("ReturnData", false);
        assertThat(queries.get("bedrock"))
                .containsEntry("Expression", "FILL(inputTokenCount, 0) + FILL(outputTokenCount, 0)");
        assertThat(queries.get("inputTokens").toString()).contains("Namespace=" + NAMESPACE,
                "MetricName=InputTokens", "Name=Environment, Value=dev", "Name=ModelId, Value=amazon.nova-micro-v1:0",
                "Period=86400", "Stat=Sum");
        assertThat(queries.get("outputTokens").toString()).contains("MetricName=OutputTokens", "Period=86400");
        assertThat(queries.get("inputTokenCount").toString()).contains("Namespace=AWS/Bedrock",
                "MetricName=InputTokenCount", "Name=ModelId", "Period=86400", "Stat=Sum");
        assertThat(Cfn.text(dimensionValue(queries.get("outputTokenCount"), "ModelId")))
                .isEqualTo("${ApplicationInferenceProfile.InferenceProfileId}");
        assertThat(Cfn.list(alarm.get("AlarmActions"))).singleElement().asString()
                .startsWith("${ObservabilityAlarmTopic");
    }

    @Test
    void dailySpendAlarmsAt80And95PercentOfTheBudgetsDailyShare() {
        Template t = Synth.template(Map.of("monthlyBudgetUsd", "300"));
        assertThat(alarm(t, "DailySpend80")).containsEntry("Threshold", 8).containsEntry("Period", 86400)
                .containsEntry("Statistic", "Sum").containsEntry("MetricName", "BedrockCost")
                .containsEntry("Namespace", NAMESPACE)
                .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
        assertThat(alarm(t, "DailySpend95")).containsEntry("Threshold", 9.5);
        assertThat((Number) alarm(Synth.template(Map.of()), "DailySpend80").get("Threshold"))
                .satisfies(n -> assertThat(n.doubleValue()).isCloseTo(100.0 / 30 * 0.8, within(1e-6)));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "SentimentConsumer-dev-DailySpend80",
                "Dimensions", List.of(Map.of("Name", "Environment", "Value", "dev"),
                        Map.of("Name", "ModelId", "Value", "amazon.nova-micro-v1:0"))));
    }

    @Test
    void costSpikeUsesAnAnomalyDetectionBandOnFiveMinuteCost() {
        Map<String, Object> spike = alarm(Synth.template(Map.of()), "CostSpike");
        assertThat(spike).containsEntry("ComparisonOperator", "GreaterThanUpperThreshold")
                .containsEntry("ThresholdMetricId", "expr_1").containsEntry("EvaluationPeriods", 3)
                .containsEntry("DatapointsToAlarm", 2);
        String metrics = spike.get("Metrics").toString();
        assertThat(metrics).contains("ANOMALY_DETECTION_BAND(m0, 3)", "MetricName=BedrockCost", "Period=300",
                "Stat=Sum");
    }

    @Test
    void driftLagDeadLettersAndUnpricedCallsAlarm() {
        Template t = Synth.template(Map.of("tokensPerPostThreshold", "80", "iteratorAgeAlarmSeconds", "300"));
        assertThat(alarm(t, "TokensPerPost")).containsEntry("MetricName", "TokensPerPost")
                .containsEntry("Statistic", "Average").containsEntry("Threshold", 80).containsEntry("Period", 900);
        assertThat(alarm(t, "IteratorAge")).containsEntry("MetricName", "IteratorAge")
                .containsEntry("Namespace", "AWS/Lambda").containsEntry("Statistic", "Maximum")
                .containsEntry("Threshold", 300_000);
        assertThat(alarm(t, "FailureQueueNotEmpty")).containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("Threshold", 1);
        // Whoever gets the alarm learns how long they have and what to run.
        assertThat((String) alarm(t, "FailureQueueNotEmpty").get("AlarmDescription"))
                .contains("readable for 162 h at least", "redrive --queue <FailureQueueUrl>");
        assertThat(alarm(t, "UnpricedCalls")).containsEntry("MetricName", "UnpricedCalls")
                .containsEntry("Statistic", "Sum").containsEntry("Threshold", 1);
        assertThat(alarm(Synth.template(Map.of()), "TokensPerPost")).containsEntry("Threshold", 100);
    }

    @Test
    void everyAlarmNotifiesTheEncryptedTopicAndEmailIsOptional() {
        Template t = Synth.template(Map.of());
        Map<String, Map<String, Object>> alarms = t.findResources("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSize(9);
        alarms.values().forEach(a -> assertThat(Cfn.list(Cfn.props(a).get("AlarmActions")))
                .singleElement().asString().startsWith("${ObservabilityAlarmTopic"));
        t.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("DataKey.*"), "Arn"))));
        t.resourceCountIs("AWS::SNS::Subscription", 0);
        // CloudWatch may use the key to publish to the encrypted topic.
        t.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Principal", Map.of("Service", "cloudwatch.amazonaws.com"))))))));

        Synth.template(StreamAndFunctionTest.TUNED_ALARMS).hasResourceProperties("AWS::SNS::Subscription",
                Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
    }

    // ------------------------------------------------------------------------------------------------ queries

    private static final Map<String, List<String>> LOGGED_FIELDS = Map.of(
            "bedrock_call", List.of("modelId", "batch", "followUp", "inputTokens", "outputTokens",
                    "cacheReadInputTokens", "cacheWriteInputTokens", "totalTokens", "posts", "tokensPerPost",
                    "durationMs", "latencyMs", "costUsd", "stopReason", "attempts", "throttles", "estimated"),
            "invocation_summary", List.of("modelId", "recordsIn", "scored", "positive", "negative", "neutral",
                    "unscored", "invalid", "handedBack", "truncated", "inputTokens", "outputTokens", "totalTokens",
                    "apiCalls", "postsAnalyzed", "avgTokensPerPost", "costUsd", "unpricedCalls", "failedCalls",
                    "attempts", "throttles", "metricsFailures", "durationMs"),
            "worker_summary", List.of("modelId", "shardId", "kinesisRecords", "recordsIn", "scored", "positive",
                    "negative", "neutral", "unscored", "invalid", "handedBack", "truncated", "inputTokens",
                    "outputTokens", "totalTokens", "apiCalls", "postsAnalyzed", "avgTokensPerPost", "costUsd",
                    "unpricedCalls", "failedCalls", "attempts", "throttles", "durationMs"),
            "invalid_record", List.of("sequenceNumber", "reason"),
            "batch_handed_back", List.of("batch", "records", "firstSequenceNumber", "error"));

    @Test
    void savedQueriesOnTheFunctionsLogGroupUseOnlyLoggedFields() {
        Template t = Synth.template(Map.of());
        Map<String, String> queries = new LinkedHashMap<>();
        t.findResources("AWS::Logs::QueryDefinition").values().forEach(q -> {
            Map<String, Object> props = Cfn.props(q);
            queries.put((String) props.get("Name"), (String) props.get("QueryString"));
            assertThat(Cfn.list(props.get("LogGroupNames"))).singleElement().asString()
                    .startsWith("${FunctionLogs");
        });
        assertThat(queries).containsOnlyKeys(List.of("Cost by hour", "Top 20 batches by tokens",
                "Tokens per post percentiles", "Invalid records by reason", "Handed-back batches",
                "Comparison by model").stream().map(n -> "SentimentConsumer-dev/" + n).toList());

        assertThat(queries.get("SentimentConsumer-dev/Cost by hour"))
                .contains("filter event = \"bedrock_call\"", "sum(costUsd)", "by bin(1h)");
        assertThat(queries.get("SentimentConsumer-dev/Top 20 batches by tokens"))
                .contains("sort totalTokens desc", "limit 20");
        assertThat(queries.get("SentimentConsumer-dev/Tokens per post percentiles"))
                .contains("pct(tokensPerPost, 50)", "pct(tokensPerPost, 90)", "pct(tokensPerPost, 99)");
        assertThat(queries.get("SentimentConsumer-dev/Invalid records by reason"))
                .contains("filter event = \"invalid_record\"", "by reason");
        assertThat(queries.get("SentimentConsumer-dev/Handed-back batches"))
                .contains("filter event = \"batch_handed_back\"", "firstSequenceNumber", "error");
        assertThat(queries.get("SentimentConsumer-dev/Comparison by model"))
                .contains("filter event in [\"invocation_summary\", \"worker_summary\"]", "by modelId");

        for (String query : queries.values()) {
            Matcher filter = Pattern.compile("filter event (?:= \"\\w+\"|in \\[[^]]+])").matcher(query);
            assertThat(filter.find()).as(query).isTrue();
            Matcher event = Pattern.compile("\"(\\w+)\"").matcher(filter.group());
            int events = 0;
            while (event.find()) {
                events++;
                List<String> fields = LOGGED_FIELDS.get(event.group(1));
                assertThat(fields).as(query).isNotNull();
                for (String used : fieldsUsed(query)) {
                    assertThat(fields).as("field %s of %s in %s", used, event.group(1), query).contains(used);
                }
            }
            assertThat(events).as(query).isPositive();
        }
    }

    @Test
    void workerLogsAreQueriedToo() {
        Synth.template(Map.of("worker", "true")).findResources("AWS::Logs::QueryDefinition").values()
                .forEach(q -> assertThat(Cfn.list(Cfn.props(q).get("LogGroupNames"))).hasSize(2));
    }

    /** The identifiers a query reads from log events: inside functions, fields lists, filters and sorts. */
    private static Set<String> fieldsUsed(String query) {
        Set<String> out = new LinkedHashSet<>();
        Matcher inFunction = Pattern.compile("\\b(?:sum|pct|max|earliest|avg)\\((\\w+)").matcher(query);
        while (inFunction.find()) {
            out.add(inFunction.group(1));
        }
        Matcher fields = Pattern.compile("^fields (.*)$", Pattern.MULTILINE).matcher(query);
        while (fields.find()) {
            for (String f : fields.group(1).split(",\\s*")) {
                if (!f.startsWith("@")) {
                    out.add(f.trim());
                }
            }
        }
        Matcher by = Pattern.compile(" by (\\w+)").matcher(query);
        while (by.find()) {
            if (!by.group(1).equals("bin")) {
                out.add(by.group(1));
            }
        }
        Matcher filter = Pattern.compile("(?:filter|and) (\\w+) [>=]").matcher(query);
        while (filter.find()) {
            if (!filter.group(1).equals("event")) {
                out.add(filter.group(1));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /**
     * The metrics the consumer publishes per call and per delivery, as the events module names them (the consumer's
     * InvocationMetricsTest holds it to exactly these).
     */
    static Set<String> emittedMetricNames() {
        Set<String> names = new LinkedHashSet<>();
        for (io.sentimentconsumer.events.Metric metric : io.sentimentconsumer.events.Metric.values()) {
            if (metric.scope() != io.sentimentconsumer.events.Metric.Scope.WORKER) {
                names.add(metric.id());
            }
        }
        return names;
    }

    private static String dashboardBody(Template t) {
        return Cfn.text(Cfn.only(t, "AWS::CloudWatch::Dashboard").get("DashboardBody"));
    }

    static List<DashboardMetric> dashboardMetrics(Template t) {
        List<DashboardMetric> out = new ArrayList<>();
        for (JsonNode widget : widgets(t)) {
            out.addAll(metricsOf(widget));
        }
        return out;
    }

    /** The metrics of the one widget whose title starts so. */
    static List<DashboardMetric> widgetMetrics(Template t, String titleStart) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode widget : widgets(t)) {
            if (widget.path("properties").path("title").asText().startsWith(titleStart)) {
                found.add(widget);
            }
        }
        assertThat(found).as("widgets titled %s...", titleStart).hasSize(1);
        return metricsOf(found.get(0));
    }

    private static JsonNode widgets(Template t) {
        try {
            return new ObjectMapper().readTree(dashboardBody(t)).get("widgets");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<DashboardMetric> metricsOf(JsonNode widget) {
        List<DashboardMetric> out = new ArrayList<>();
        for (JsonNode metric : widget.path("properties").path("metrics")) {
            if (!metric.get(0).isTextual()) {
                continue; // a math expression; its inputs are listed beside it
            }
            Map<String, String> dims = new LinkedHashMap<>();
            int i = 2;
            for (; i + 1 < metric.size() && metric.get(i).isTextual(); i += 2) {
                dims.put(metric.get(i).asText(), metric.get(i + 1).asText());
            }
            out.add(new DashboardMetric(metric.get(0).asText(), metric.get(1).asText(), dims));
        }
        return out;
    }

    /** An alarm's metric data queries (metric math), by id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> queriesById(Map<String, Object> alarm) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> query : (List<Map<String, Object>>) alarm.get("Metrics")) {
            out.put((String) query.get("Id"), query);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object dimensionValue(Map<String, Object> query, String name) {
        Map<String, Object> stat = (Map<String, Object>) query.get("MetricStat");
        Map<String, Object> metric = (Map<String, Object>) stat.get("Metric");
        return ((List<Map<String, Object>>) metric.get("Dimensions")).stream()
                .filter(d -> name.equals(d.get("Name"))).findFirst().orElseThrow().get("Value");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alarm(Template t, String name) {
        return t.findResources("AWS::CloudWatch::Alarm").values().stream().map(Cfn::props)
                .filter(p -> ("SentimentConsumer-dev-" + name).equals(p.get("AlarmName")))
                .findFirst().orElseThrow(() -> new AssertionError("no alarm " + name));
    }
}
