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
import static io.sentimentconsumer.infra.ConsumerMetrics.RESULTS_WRITE_FAILURES;
import static io.sentimentconsumer.infra.ConsumerMetrics.REUSED_OUTCOMES;
import static io.sentimentconsumer.infra.ConsumerMetrics.THROTTLES;
import static io.sentimentconsumer.infra.ConsumerMetrics.TOKENS_PER_POST;
import static io.sentimentconsumer.infra.ConsumerMetrics.TOTAL_TOKENS;
import static io.sentimentconsumer.infra.ConsumerMetrics.UNPRICED_CALLS;
import static io.sentimentconsumer.infra.ConsumerMetrics.UNSCORED;
import static io.sentimentconsumer.infra.ConsumerMetrics.usd;

import io.sentimentconsumer.events.BedrockMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
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
import software.constructs.Construct;

/**
 * What does this cost, at a glance: the CloudWatch dashboard named after the stack. Spend and cost per post, tokens
 * (ours next to Bedrock's own count, with the application inference profile), Bedrock latency, the sentiment mix,
 * records without a score, and the function's and failure queue's health.
 */
public final class CostDashboard extends Construct {

    /** A CloudWatch dashboard's width. */
    private static final int COLUMNS = 24;
    private static final Duration FIVE_MINUTES = Duration.minutes(5);
    private static final Duration HOUR = Duration.hours(1);

    /** Each post once: follow-up calls re-ask posts already counted, so the per-outcome counts are the posts. */
    private static final String POSTS = "(positive + negative + neutral + unscored)";

    private final Dashboard dashboard;

    public CostDashboard(Construct scope, String id, StackParameters p, ConsumerMetrics m, FunctionMetrics fn,
                         Optional<TokenReconciliation> reconciliation) {
        super(scope, id);
        List<List<IWidget>> rows = new ArrayList<>(List.of(header(p), totals(m), tokensAndCost(m)));
        reconciliation.ifPresent(r -> rows.add(oursAndBedrocks(p, m, r)));
        rows.addAll(List.of(
                perPost(p, m),
                latencyAndSentiment(m),
                recordsWithoutAScoreAndThrottles(m, fn),
                function(fn)));
        // The dashboard is this construct's one resource: as its default child it takes this construct's logical id.
        dashboard = Dashboard.Builder.create(this, "Default")
                .dashboardName(p.stackName())
                .defaultInterval(Duration.days(7))
                .widgets(rows)
                .build();
    }

    public String dashboardName() {
        return dashboard.getDashboardName();
    }

    private static List<IWidget> header(StackParameters p) {
        return List.of(TextWidget.Builder.create()
                .markdown("## Sentiment consumer: " + p.environment() + ", `" + p.consumer().modelId() + "`\n"
                        + "Namespace `" + p.consumer().metricsNamespace() + "`, dimensions Environment + ModelId. "
                        + "Costs are the consumer's per-call prices (`BedrockCost`, USD); spend alarms at 80% "
                        + "and 95% of $" + usd(p.alarms().dailyBudgetUsd()) + " a day (a 30th of the $"
                        + usd(p.alarms().monthlyBudgetUsd()) + " monthly budget). For month to date, set the "
                        + "range to start on the 1st: the running total's last point is the answer.")
                .width(COLUMNS).height(2).build());
    }

    private static List<IWidget> totals(ConsumerMetrics m) {
        return fullRow(List.of(
                singleValue("Spend, last 24 h (USD)", "-PT24H", m.sum(COST, HOUR)),
                singleValue("Spend, last 30 days (USD)", "-P30D", m.sum(COST, HOUR)),
                singleValue("Posts analyzed, last 30 days", "-P30D", postsAnalyzed(m, HOUR)),
                singleValue("Cost per 1,000 posts, last 30 days (USD)", "-P30D", costPer1000Posts(m, HOUR)),
                singleValue("Tokens per post, last 30 days", "-P30D", tokensPerPost(m, HOUR))));
    }

    private static List<IWidget> tokensAndCost(ConsumerMetrics m) {
        return List.of(
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
                        .width(12).height(6).build());
    }

    /** Our count of the tokens next to Bedrock's own for the calls through the application inference profile. */
    private static List<IWidget> oursAndBedrocks(StackParameters p, ConsumerMetrics m, TokenReconciliation r) {
        return List.of(
                graph("Tokens per hour: ours and Bedrock's (application inference profile)", List.of(
                        label(m.sum(INPUT_TOKENS, HOUR), "Input (ours)"),
                        label(r.bedrockSum(BedrockMetric.INPUT_TOKEN_COUNT, HOUR), "Input (Bedrock)"),
                        label(m.sum(OUTPUT_TOKENS, HOUR), "Output (ours)"),
                        label(r.bedrockSum(BedrockMetric.OUTPUT_TOKEN_COUNT, HOUR), "Output (Bedrock)")),
                        false),
                GraphWidget.Builder.create()
                        .title("Ours vs Bedrock's, per day (%)")
                        .left(List.of(r.dailyDifferencePercent()))
                        .leftAnnotations(List.of(HorizontalAnnotation.builder()
                                .value(p.alarms().tokenReconciliationPercent()).label("alarm threshold").build()))
                        .width(12).height(6).build());
    }

    private static List<IWidget> perPost(StackParameters p, ConsumerMetrics m) {
        return List.of(
                GraphWidget.Builder.create()
                        .title("Tokens per post")
                        .left(List.of(
                                label(m.metric(TOKENS_PER_POST, "Average", FIVE_MINUTES),
                                        "TokensPerPost (average per call)"),
                                tokensPerPost(m, FIVE_MINUTES)))
                        .leftAnnotations(List.of(HorizontalAnnotation.builder()
                                .value(p.alarms().tokensPerPostThreshold()).label("alarm threshold").build()))
                        .width(12).height(6).build(),
                graph("Cost per 1,000 posts (USD)", List.of(costPer1000Posts(m, HOUR)), false));
    }

    private static List<IWidget> latencyAndSentiment(ConsumerMetrics m) {
        return List.of(
                graph("Bedrock latency (ms)", List.of(
                        label(m.metric(LATENCY, "p50", FIVE_MINUTES), "p50"),
                        label(m.metric(LATENCY, "p90", FIVE_MINUTES), "p90"),
                        label(m.metric(LATENCY, "p99", FIVE_MINUTES), "p99")), false),
                graph("Sentiment mix (posts)", List.of(
                        label(m.sum(POSITIVE, HOUR), "Positive"),
                        label(m.sum(NEUTRAL, HOUR), "Neutral"),
                        label(m.sum(NEGATIVE, HOUR), "Negative")), true));
    }

    private static List<IWidget> recordsWithoutAScoreAndThrottles(ConsumerMetrics m, FunctionMetrics fn) {
        return List.of(
                graph("Records without a score", List.of(
                        label(m.sum(INVALID, FIVE_MINUTES), "Invalid"),
                        label(m.sum(UNSCORED, FIVE_MINUTES), "Unscored"),
                        label(m.sum(HANDED_BACK, FIVE_MINUTES), "Handed back"),
                        label(m.sum(REUSED_OUTCOMES, FIVE_MINUTES), "Reused on redelivery"),
                        label(m.sum(RESULTS_WRITE_FAILURES, FIVE_MINUTES), "Results write failures")), false),
                graph("Throttles, abandoned attempts and unpriced calls", List.of(
                        label(m.sum(THROTTLES, FIVE_MINUTES), "Bedrock throttles"),
                        label(m.sum(ABANDONED_ATTEMPTS, FIVE_MINUTES), "Abandoned attempts (maybe billed)"),
                        label(fn.throttles(), "Lambda throttles"),
                        label(m.sum(UNPRICED_CALLS, FIVE_MINUTES), "Unpriced calls")), false));
    }

    private static List<IWidget> function(FunctionMetrics fn) {
        return List.of(
                graph("Lambda invocations and errors", List.of(
                        label(fn.invocations(), "Invocations"),
                        label(fn.errors(), "Errors")), false, 6),
                graph("Lambda duration (ms)", List.of(
                        label(fn.duration("p50"), "p50"),
                        label(fn.duration("p99"), "p99"),
                        label(fn.duration("Maximum"), "Maximum")), false, 6),
                graph("Iterator age (ms)", List.of(label(fn.iteratorAge(), "Maximum")), false, 6),
                graph("Failure queue depth", List.of(label(fn.failureQueueDepth(), "Messages")), false, 6));
    }

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

    private static IMetric label(Metric metric, String label) {
        return metric.with(MetricOptions.builder().label(label).build());
    }

    private static SingleValueWidget.Builder singleValue(String title, String start, IMetric metric) {
        return SingleValueWidget.Builder.create()
                .title(title).metrics(List.of(metric)).start(start).setPeriodToTimeRange(true).height(4);
    }

    /** The widgets side by side over all the dashboard's columns; where they do not divide, the first are wider. */
    private static List<IWidget> fullRow(List<SingleValueWidget.Builder> widgets) {
        int n = widgets.size();
        List<IWidget> row = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            row.add(widgets.get(i).width(COLUMNS / n + (i < COLUMNS % n ? 1 : 0)).build());
        }
        return row;
    }

    private static GraphWidget graph(String title, List<IMetric> metrics, boolean stacked) {
        return graph(title, metrics, stacked, 12);
    }

    private static GraphWidget graph(String title, List<IMetric> metrics, boolean stacked, int width) {
        return GraphWidget.Builder.create()
                .title(title).left(metrics).stacked(stacked).width(width).height(6).build();
    }
}
