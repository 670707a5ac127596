package io.sentimentconsumer.infra;

import static io.sentimentconsumer.infra.ConsumerMetrics.COST;
import static io.sentimentconsumer.infra.ConsumerMetrics.TOKENS_PER_POST;
import static io.sentimentconsumer.infra.ConsumerMetrics.UNPRICED_CALLS;
import static io.sentimentconsumer.infra.ConsumerMetrics.usd;

import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AnomalyDetectionAlarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alarms on spend, drift, lag, given-up batches, unpriced calls, function errors and (with the application
 * inference profile) a token count that disagrees with Bedrock's, each named
 * {@code <stack>-<alarm>}, and the encrypted SNS topic they all notify.
 */
public final class CostAlarms extends Construct {

    private static final Duration FIVE_MINUTES = Duration.minutes(5);

    private final Topic topic;
    private final String namePrefix;

    public CostAlarms(Construct scope, String id, StackParameters p, ConsumerMetrics m, FunctionMetrics fn,
                      Optional<TokenReconciliation> reconciliation, Key key) {
        super(scope, id);
        namePrefix = p.stackName() + "-";
        topic = Topic.Builder.create(this, "AlarmTopic")
                .displayName("Sentiment consumer alarms (" + p.environment() + ")")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // CloudWatch alarms publish to the encrypted topic only if the key lets CloudWatch use it.
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        p.alarms().email().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));

        double daily = p.alarms().dailyBudgetUsd();
        alarm("DailySpend80", "Bedrock spend in the last 24 h reached 80% of the budget's daily share ($"
                + usd(daily) + ")", m.sum(COST, Duration.days(1)), round(daily * 0.80), 1);
        alarm("DailySpend95", "Bedrock spend in the last 24 h reached 95% of the budget's daily share ($"
                + usd(daily) + ")", m.sum(COST, Duration.days(1)), round(daily * 0.95), 1);
        alarm("TokensPerPost", "Average tokens per post above " + p.alarms().tokensPerPostThreshold()
                        + " for 15 minutes: the prompt or the input drifted",
                m.metric(TOKENS_PER_POST, "Average", Duration.minutes(15)), p.alarms().tokensPerPostThreshold(), 1);
        alarm("IteratorAge", "The consumer is more than " + p.alarms().iteratorAgeSeconds()
                        + " s behind the stream for 5 minutes",
                fn.iteratorAge(), p.alarms().iteratorAgeSeconds() * 1000.0, 5);
        alarm("FailureQueueNotEmpty", "The event source mapping gave up on a batch: its shard and sequence range "
                        + "are in the failure queue, readable for " + p.redriveWindowHours() + " h at least. Run "
                        + "sentiment-consumer.jar redrive --queue <FailureQueueUrl> (docs/failure-queue.md)",
                fn.failureQueueDepth(), 1, 1);
        alarm("UnpricedCalls", "Calls to a model without a price: BedrockCost leaves them out, so spend is "
                + "understated", m.sum(UNPRICED_CALLS, FIVE_MINUTES), 1, 1);
        alarm("FunctionErrors", "The function failed whole invocations (Lambda retries the batch)",
                fn.errors(), 1, 1);
        costSpike(p, m);
        // Missing data is not breaching: with no calls all day neither side counts anything, and nothing is wrong.
        // A day on which only one side counted reads 100% (TokenReconciliation), so that case still alarms.
        reconciliation.ifPresent(r -> alarm("TokenReconciliation", "Our input + output tokens over 24 h differ "
                        + "from Bedrock's own count for the application inference profile by "
                        + p.alarms().tokenReconciliationPercent() + "% or more: calls whose usage never reached us "
                        + "(AbandonedAttempts), metrics that failed to publish (metrics_failed), or calls that "
                        + "bypass the profile (docs/observability.md, \"Reconciling with Bedrock's count\")",
                r.dailyDifferencePercent(), p.alarms().tokenReconciliationPercent(), 1));
    }

    /** The topic every alarm notifies. */
    public Topic topic() {
        return topic;
    }

    private void alarm(String name, String description, IMetric metric, double threshold, int periods) {
        Alarm.Builder.create(this, name + "Alarm")
                .alarmName(namePrefix + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(new SnsAction(topic));
    }

    /** Five-minute cost above its anomaly detection band: a spike no fixed threshold would fit. */
    private void costSpike(StackParameters p, ConsumerMetrics m) {
        AnomalyDetectionAlarm.Builder.create(this, "CostSpikeAlarm")
                .alarmName(namePrefix + "CostSpike")
                .alarmDescription("Bedrock cost per 5 minutes above its anomaly detection band ("
                        + p.alarms().costAnomalyStdDevs() + " standard deviations) for 2 of 3 periods")
                .metric(m.sum(COST, FIVE_MINUTES))
                .stdDevs(p.alarms().costAnomalyStdDevs())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD)
                .evaluationPeriods(3)
                .datapointsToAlarm(2)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(new SnsAction(topic));
    }

    private static double round(double usd) {
        return Math.round(usd * 1_000_000) / 1_000_000.0;
    }
}
