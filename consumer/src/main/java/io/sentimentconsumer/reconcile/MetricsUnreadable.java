package io.sentimentconsumer.reconcile;

/** CloudWatch answered, but not with every data point asked for: no comparison can be made from what it gave. */
public final class MetricsUnreadable extends RuntimeException {

    public MetricsUnreadable(String message) {
        super(message);
    }
}
