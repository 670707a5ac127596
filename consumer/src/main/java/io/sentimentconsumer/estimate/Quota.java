package io.sentimentconsumer.estimate;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Bedrock's default on-demand quotas for one model, Region, routing and tier, with where they were read and when. A
 * quota the source does not give is empty: the estimate then says "unknown", never a number of its own.
 *
 * @param tokensPerMinute   input and output tokens together, as Bedrock counts them against the quota
 * @param requestsPerMinute Converse calls
 * @param name              the quota's name in Service Quotas, so it can be looked up for one's own account
 */
public record Quota(OptionalLong tokensPerMinute, OptionalLong requestsPerMinute, String name, String source,
                    LocalDate asOf) {

    public Quota {
        Objects.requireNonNull(tokensPerMinute, "tokensPerMinute");
        Objects.requireNonNull(requestsPerMinute, "requestsPerMinute");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
    }
}
