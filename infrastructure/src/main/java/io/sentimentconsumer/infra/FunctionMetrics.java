package io.sentimentconsumer.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * The consumer function's and its failure queue's metrics, as the dashboard graphs them and the alarms watch them:
 * one definition each, so that an alarm watches the series its graph shows.
 */
public record FunctionMetrics(Function function, Queue failures) {

    private static final Duration FIVE_MINUTES = Duration.minutes(5);

    public Metric invocations() {
        return function.metricInvocations(stat("Sum", FIVE_MINUTES));
    }

    public Metric errors() {
        return function.metricErrors(stat("Sum", FIVE_MINUTES));
    }

    public Metric throttles() {
        return function.metricThrottles(stat("Sum", FIVE_MINUTES));
    }

    public Metric duration(String statistic) {
        return function.metricDuration(stat(statistic, FIVE_MINUTES));
    }

    /** How far behind the stream the function is: the oldest record of a batch, per minute. */
    public Metric iteratorAge() {
        return function.metric("IteratorAge", stat("Maximum", Duration.minutes(1)));
    }

    /** Batch descriptions the event source mapping gave up on, waiting for a redrive. */
    public Metric failureQueueDepth() {
        return failures.metricApproximateNumberOfMessagesVisible(stat("Maximum", FIVE_MINUTES));
    }

    private static MetricOptions stat(String statistic, Duration period) {
        return MetricOptions.builder().statistic(statistic).period(period).build();
    }
}
