package io.sentimentconsumer.infra;

import static io.sentimentconsumer.infra.ConsumerMetrics.ABANDONED_ATTEMPTS;
import static io.sentimentconsumer.infra.ConsumerMetrics.CACHE_READ_INPUT_TOKENS;
import static io.sentimentconsumer.infra.ConsumerMetrics.CACHE_WRITE_INPUT_TOKENS;
import static io.sentimentconsumer.infra.ConsumerMetrics.COST;
import static io.sentimentconsumer.infra.ConsumerMetrics.HANDED_BACK;
import static io.sentimentconsumer.infra.ConsumerMetrics.INPUT_TOKENS;
import static io.sentimentconsumer.infra.ConsumerMetrics.INVALID;
import static io.sentimentconsumer.infra.ConsumerMetrics.LATENCY;
import static io.sentimentconsumer.infra.ConsumerMetrics.NEGATIVE;
import static io.sentimentconsumer.infra.ConsumerMetrics.NEUTRAL;
import static io.sentimentconsumer.infra.ConsumerMetrics.OUTPUT_TOKENS;
import static io.sentimentconsumer.infra.ConsumerMetrics.POSITIVE;
import static io.sentimentconsumer.infra.ConsumerMetrics.REUSED_OUTCOMES;
import static io.sentimentconsumer.infra.ConsumerMetrics.THROTTLES;
import static io.sentimentconsumer.infra.ConsumerMetrics.TOKENS_PER_POST;
import static io.sentimentconsumer.infra.ConsumerMetrics.TOTAL_TOKENS;
import static io.sentimentconsumer.infra.ConsumerMetrics.UNPRICED_CALLS;
import static io.sentimentconsumer.infra.ConsumerMetrics.UNSCORED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AnomalyDetectionAlarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.SingleValueWidget;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.QueryDefinition;
import software.amazon.awscdk.services.logs.QueryString;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * What does this cost: the dashboard, the alarms (to one SNS topic) and the Logs Insights saved queries. Metrics
 * come from {@link ConsumerMetrics}, queries from the consumer's structured log lines (README, "What it logs").
 */
public final class CostObservability extends Construct {

    private static final Duration FIVE_MINUTES = Duration.minutes(5);
    private static final Duration HOUR = Duration.hours(1);
    private static final Duration DAY = Duration.days(1);

    private final Dashboard dashboard;
    private final Topic alarmTopic;
    private final String alarmPrefix;

    public CostObservability(Construct scope, String id, StackParameters p, Function function, Queue failures,
                             Key key, List<LogGroup> logGroups) {
        super(scope, id);
        alarmPrefix = p.stackName() + "-";
        ConsumerMetrics m = new ConsumerMetrics(p.metricsNamespace(), p.environment(), p.modelId());

        alarmTopic = Topic.Builder.create(this, "AlarmTopic")
                .displayName("Sentiment consumer alarms (" + p.environment() + ")")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // CloudWatch alarms publish to the encrypted topic only if the key lets CloudWatch use it.
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        p.alarmEmail().ifPresent(email -> alarmTopic.addSubscription(new EmailSubscription(email)));

        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(p.stackName())
                .defaultInterval(Duration.days(7))
                .widgets(widgets(p, m, function, failures))
                .build();

        alarms(p, m, function, failures);
        queries(p, logGroups);
    }

    // ---------------------------------------------------------------------------------------------- dashboard

    private static List<List<IWidget>> widgets(StackParameters p, ConsumerMetrics m, Function fn, Queue failures) {
        IMetric postsAnalyzed = postsAnalyzed(m, HOUR);
        return List.of(
                List.of(TextWidget.Builder.create()
                        .markdown("## Sentiment consumer: " + p.environment() + ", `" + p.modelId() + "`\n"
                                + "Namespace `" + p.metricsNamespace() + "`, dimensions Environment + ModelId. "
                                + "Costs are the consumer's per-call prices (`BedrockCost`, USD); spend alarms at 80% "
                                + "and 95% of $" + money(p.dailyBudgetUsd()) + " a day (a 30th of the $"
                                + money(p.monthlyBudgetUsd()) + " monthly budget). For month to date, set the "
                                + "range to start on the 1st: the running total's last point is the answer.")
                        .width(24).height(2).build()),
                List.of(
                        singleValue("Spend, last 24 h (USD)", "-PT24H", m.sum(COST, HOUR)),
                        singleValue("Spend, last 30 days (USD)", "-P30D", m.sum(COST, HOUR)),
                        singleValue("Posts analyzed, last 30 days", "-P30D", postsAnalyzed),
                        singleValue("Cost per 1,000 posts, last 30 days (USD)", "-P30D", costPer1000Posts(m, HOUR)),
                        singleValue("Tokens per post, last 30 days", "-P30D", tokensPerPost(m, HOUR))),
                List.of(
                        graph("Tokens by type (per 5 min)", List.of(
                                label(m.sum(INPUT_TOKENS, FIVE_MINUTES), "Input"),
                                label(m.sum(OUTPUT_TOKENS, FIVE_MINUTES), "Output"),
                                label(m.sum(CACHE_READ_INPUT_TOKENS, FIVE_MINUTES), "Cache read"),
                                label(m.sum(CACHE_WRITE_INPUT_TOKENS, FIVE_MINUTES), "Cache write")), true),
                        GraphWidget.Builder.create()
                                .title("Cost per hour, and running total over the range (USD)")
                                .left(List.of(label(m.sum(COST, HOUR), "Cost per hour")))
                                .right(List.of(MathExpression.Builder.create()
                                        .expression("RUNNING_SUM(hourlyCost)")
                                        .usingMetrics(Map.of("hourlyCost", m.sum(COST, HOUR)))
                                        .label("Running total (month to date from the 1st)")
                                        .period(HOUR)
                                        .build()))
                                .width(12).height(6).build()),
                List.of(
                        GraphWidget.Builder.create()
                                .title("Tokens per post")
                                .left(List.of(
                                        label(m.metric(TOKENS_PER_POST, "Average", FIVE_MINUTES),
                                                "TokensPerPost (average per call)"),
                                        tokensPerPost(m, FIVE_MINUTES)))
                                .leftAnnotations(List.of(HorizontalAnnotation.builder()
                                        .value(p.tokensPerPostThreshold()).label("alarm threshold").build()))
                                .width(12).height(6).build(),
                        graph("Cost per 1,000 posts (USD)", List.of(costPer1000Posts(m, HOUR)), false)),
                List.of(
                        graph("Bedrock latency (ms)", List.of(
                                label(m.metric(LATENCY, "p50", FIVE_MINUTES), "p50"),
                                label(m.metric(LATENCY, "p90", FIVE_MINUTES), "p90"),
                                label(m.metric(LATENCY, "p99", FIVE_MINUTES), "p99")), false),
                        graph("Sentiment mix (posts)", List.of(
                                label(m.sum(POSITIVE, HOUR), "Positive"),
                                label(m.sum(NEUTRAL, HOUR), "Neutral"),
                                label(m.sum(NEGATIVE, HOUR), "Negative")), true)),
                List.of(
                        graph("Records without a score", List.of(
                                label(m.sum(INVALID, FIVE_MINUTES), "Invalid"),
                                label(m.sum(UNSCORED, FIVE_MINUTES), "Unscored"),
                                label(m.sum(HANDED_BACK, FIVE_MINUTES), "Handed back"),
                                label(m.sum(REUSED_OUTCOMES, FIVE_MINUTES), "Reused on redelivery")), false),
                        graph("Throttles, abandoned attempts and unpriced calls", List.of(
                                label(m.sum(THROTTLES, FIVE_MINUTES), "Bedrock throttles"),
                                label(m.sum(ABANDONED_ATTEMPTS, FIVE_MINUTES), "Abandoned attempts (maybe billed)"),
                                label(fn.metricThrottles(options("Sum", FIVE_MINUTES)), "Lambda throttles"),
                                label(m.sum(UNPRICED_CALLS, FIVE_MINUTES), "Unpriced calls")), false)),
                List.of(
                        graph("Lambda invocations and errors", List.of(
                                label(fn.metricInvocations(options("Sum", FIVE_MINUTES)), "Invocations"),
                                label(fn.metricErrors(options("Sum", FIVE_MINUTES)), "Errors")), false, 6),
                        graph("Lambda duration (ms)", List.of(
                                label(fn.metricDuration(options("p50", FIVE_MINUTES)), "p50"),
                                label(fn.metricDuration(options("p99", FIVE_MINUTES)), "p99"),
                                label(fn.metricDuration(options("Maximum", FIVE_MINUTES)), "Maximum")), false, 6),
                        graph("Iterator age (ms)", List.of(
                                label(iteratorAge(fn, Duration.minutes(1)), "Maximum")), false, 6),
                        graph("Failure queue depth", List.of(label(failures.metricApproximateNumberOfMessagesVisible(
                                options("Maximum", FIVE_MINUTES)), "Messages")), false, 6)));
    }

    /** Each post once: follow-up calls re-ask posts already counted, so the per-outcome counts are the posts. */
    private static final String POSTS = "(positive + negative + neutral + unscored)";

    private static IMetric postsAnalyzed(ConsumerMetrics m, Duration period) {
        return perPosts(m, period, POSTS, Map.of(), "Posts analyzed");
    }

    private static IMetric costPer1000Posts(ConsumerMetrics m, Duration period) {
        return perPosts(m, period, "1000 * cost / " + POSTS, Map.of("cost", m.sum(COST, period)),
                "Cost per 1,000 posts");
    }

    private static IMetric tokensPerPost(ConsumerMetrics m, Duration period) {
        return perPosts(m, period, "tokens / " + POSTS, Map.of("tokens", m.sum(TOTAL_TOKENS, period)),
                "Total tokens / posts analyzed");
    }

    /** A metric math expression over the posts analyzed ({@link #POSTS}) and the given metrics. */
    private static IMetric perPosts(ConsumerMetrics m, Duration period, String expression,
                                    Map<String, IMetric> others, String label) {
        Map<String, IMetric> using = new LinkedHashMap<>(others);
        using.put("positive", m.sum(POSITIVE, period));
        using.put("negative", m.sum(NEGATIVE, period));
        using.put("neutral", m.sum(NEUTRAL, period));
        using.put("unscored", m.sum(UNSCORED, period));
        return MathExpression.Builder.create()
                .expression(expression).usingMetrics(using).label(label).period(period).build();
    }

    private static Metric iteratorAge(Function fn, Duration period) {
        return fn.metric("IteratorAge", options("Maximum", period));
    }

    private static MetricOptions options(String statistic, Duration period) {
        return MetricOptions.builder().statistic(statistic).period(period).build();
    }

    private static IMetric label(Metric metric, String label) {
        return metric.with(MetricOptions.builder().label(label).build());
    }

    private static SingleValueWidget singleValue(String title, String start, IMetric metric) {
        return SingleValueWidget.Builder.create()
                .title(title).metrics(List.of(metric)).start(start).setPeriodToTimeRange(true)
                .width(24 / 5).height(4).build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics, boolean stacked) {
        return graph(title, metrics, stacked, 12);
    }

    private static GraphWidget graph(String title, List<IMetric> metrics, boolean stacked, int width) {
        return GraphWidget.Builder.create()
                .title(title).left(metrics).stacked(stacked).width(width).height(6).build();
    }

    // ------------------------------------------------------------------------------------------------- alarms

    private void alarms(StackParameters p, ConsumerMetrics m, Function fn, Queue failures) {
        double daily = p.dailyBudgetUsd();
        alarm("DailySpend80", "Bedrock spend in the last 24 h reached 80% of the budget's daily share ($"
                + money(daily) + ")", m.sum(COST, DAY), round(daily * 0.80), 1);
        alarm("DailySpend95", "Bedrock spend in the last 24 h reached 95% of the budget's daily share ($"
                + money(daily) + ")", m.sum(COST, DAY), round(daily * 0.95), 1);
        alarm("TokensPerPost", "Average tokens per post above " + p.tokensPerPostThreshold()
                        + " for 15 minutes: the prompt or the input drifted",
                m.metric(TOKENS_PER_POST, "Average", Duration.minutes(15)), p.tokensPerPostThreshold(), 1);
        alarm("IteratorAge", "The consumer is more than " + p.iteratorAgeAlarmSeconds()
                        + " s behind the stream for 5 minutes",
                iteratorAge(fn, Duration.minutes(1)), p.iteratorAgeAlarmSeconds() * 1000.0, 5);
        alarm("FailureQueueNotEmpty", "The event source mapping gave up on a batch: its shard and sequence range "
                        + "are in the failure queue, readable for " + p.redriveWindowHours() + " h at least. Run "
                        + "sentiment-consumer.jar redrive --queue <FailureQueueUrl> (docs/failure-queue.md)",
                failures.metricApproximateNumberOfMessagesVisible(options("Maximum", FIVE_MINUTES)), 1, 1);
        alarm("UnpricedCalls", "Calls to a model without a price: BedrockCost leaves them out, so spend is "
                + "understated", m.sum(UNPRICED_CALLS, FIVE_MINUTES), 1, 1);
        alarm("FunctionErrors", "The function failed whole invocations (Lambda retries the batch)",
                fn.metricErrors(options("Sum", FIVE_MINUTES)), 1, 1);

        AnomalyDetectionAlarm spike = AnomalyDetectionAlarm.Builder.create(this, "CostSpikeAlarm")
                .alarmName(alarmPrefix + "CostSpike")
                .alarmDescription("Bedrock cost per 5 minutes above its anomaly detection band ("
                        + p.costAnomalyStdDevs() + " standard deviations) for 2 of 3 periods")
                .metric(m.sum(COST, FIVE_MINUTES))
                .stdDevs(p.costAnomalyStdDevs())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD)
                .evaluationPeriods(3)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        spike.addAlarmAction(new SnsAction(alarmTopic));
    }

    private void alarm(String name, String description, IMetric metric, double threshold, int periods) {
        Alarm alarm = Alarm.Builder.create(this, name + "Alarm")
                .alarmName(alarmPrefix + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(alarmTopic));
    }

    // ---------------------------------------------------------------------------------------------- queries

    private void queries(StackParameters p, List<LogGroup> logGroups) {
        query(p, logGroups, "Cost by hour", QueryString.Builder.create()
                .filterStatements(List.of("event = \"bedrock_call\""))
                .statsStatements(List.of("sum(costUsd) as costUsd, sum(totalTokens) as totalTokens, "
                        + "sum(inputTokens) as inputTokens, sum(outputTokens) as outputTokens, count(*) as calls "
                        + "by bin(1h) as hour"))
                .sort("hour desc")
                .build());
        query(p, logGroups, "Top 20 batches by tokens", QueryString.Builder.create()
                .fields(List.of("@timestamp", "@requestId", "modelId", "batch", "followUp", "posts", "totalTokens",
                        "inputTokens", "outputTokens", "tokensPerPost", "costUsd", "stopReason", "attempts"))
                .filterStatements(List.of("event = \"bedrock_call\""))
                .sort("totalTokens desc")
                .limit(20)
                .build());
        query(p, logGroups, "Tokens per post percentiles", QueryString.Builder.create()
                .filterStatements(List.of("event = \"bedrock_call\"", "posts > 0"))
                .statsStatements(List.of("pct(tokensPerPost, 50) as p50, pct(tokensPerPost, 90) as p90, "
                        + "pct(tokensPerPost, 99) as p99, max(tokensPerPost) as maximum, count(*) as calls "
                        + "by bin(1h) as hour"))
                .sort("hour desc")
                .build());
        query(p, logGroups, "Invalid records by reason", QueryString.Builder.create()
                .filterStatements(List.of("event = \"invalid_record\""))
                .statsStatements(List.of("count(*) as records, earliest(sequenceNumber) as firstSequenceNumber "
                        + "by reason"))
                .sort("records desc")
                .build());
        query(p, logGroups, "Handed-back batches", QueryString.Builder.create()
                .fields(List.of("@timestamp", "@requestId", "batch", "records", "firstSequenceNumber", "error"))
                .filterStatements(List.of("event = \"batch_handed_back\""))
                .sort("@timestamp desc")
                .limit(100)
                .build());
        query(p, logGroups, "Comparison by model", QueryString.Builder.create()
                .filterStatements(List.of("event = \"invocation_summary\""))
                .statsStatements(List.of("sum(postsAnalyzed) as posts, sum(totalTokens) as tokens, "
                        + "sum(costUsd) as costUsd, sum(totalTokens) / sum(postsAnalyzed) as tokensPerPost, "
                        + "1000 * sum(costUsd) / sum(postsAnalyzed) as costPer1000Posts, "
                        + "sum(unscored) as unscored, sum(handedBack) as handedBack, sum(throttles) as throttles, "
                        + "sum(apiCalls) as apiCalls by modelId"))
                .sort("costUsd desc")
                .build());
    }

    private void query(StackParameters p, List<LogGroup> logGroups, String name, QueryString query) {
        QueryDefinition.Builder.create(this, name.replaceAll("[^A-Za-z0-9]", "") + "Query")
                .queryDefinitionName(p.stackName() + "/" + name)
                .queryString(query)
                .logGroups(logGroups)
                .build();
    }

    private static double round(double usd) {
        return Math.round(usd * 1_000_000) / 1_000_000.0;
    }

    private static String money(double usd) {
        return String.format(java.util.Locale.ROOT, "%.2f", usd);
    }

    public String dashboardName() {
        return dashboard.getDashboardName();
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }
}
