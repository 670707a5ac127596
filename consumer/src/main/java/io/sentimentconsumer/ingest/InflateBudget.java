package io.sentimentconsumer.ingest;

/**
 * The bytes one invocation may inflate from gzip records, all records together. Each record is bounded by
 * {@link PostDecoder#MAX_INFLATED_BYTES}; this bounds their sum, so a delivery of compression bombs that each stay
 * just under the per-record bound costs bounded time and memory. Legitimate posts never reach it: Lambda's largest
 * payload, 6 MB, of gzip posts inflates to a small part of it at ordinary ratios.
 */
public final class InflateBudget {

    /** 64 MiB per invocation. */
    public static final long PER_INVOCATION_BYTES = 64L << 20;

    private long remaining;

    public InflateBudget(long bytes) {
        this.remaining = bytes;
    }

    public static InflateBudget perInvocation() {
        return new InflateBudget(PER_INVOCATION_BYTES);
    }

    long remaining() {
        return remaining;
    }

    void spend(long bytes) {
        remaining -= bytes;
    }
}
