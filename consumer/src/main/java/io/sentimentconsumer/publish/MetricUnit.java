package io.sentimentconsumer.publish;

/** The CloudWatch units this consumer uses. */
public enum MetricUnit {
    COUNT("Count"), MILLISECONDS("Milliseconds"), NONE("None");

    private final String cloudWatchName;

    MetricUnit(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }
}
