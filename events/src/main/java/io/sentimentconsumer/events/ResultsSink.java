package io.sentimentconsumer.events;

import java.util.Locale;

/**
 * Where the consumer keeps each post's result and each call's cost ({@link Setting#RESULTS_SINK}): the
 * {@link Dataset}s in {@link Setting#RESULTS_BUCKET}, or nowhere. The CDK app makes the bucket, the catalog and the
 * saved queries only for {@link #S3}, and grants the runtimes their writes only then.
 */
public enum ResultsSink {
    /** gzip JSON Lines objects in the results bucket. */
    S3,
    /** No results kept: the logs and metrics are all there is. */
    NONE;

    /** The value as the variable spells it: {@code s3} or {@code none}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
