package io.sentimentconsumer.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The finest grain a report keeps: an hour (UTC), a model, a Region and a service tier. A summary's figures sit in
 * a cell without a tier, since a delivery's outcomes are not split by the tier that served its calls.
 *
 * @param region {@link #UNKNOWN} where the source does not say
 * @param tier   {@code null} for figures no tier splits
 */
public record Cell(Instant hour, String modelId, String region, String tier) {

    public static final String UNKNOWN = "unknown";

    public static Cell of(Instant at, String modelId, String region, String tier) {
        return new Cell(at.truncatedTo(ChronoUnit.HOURS), modelId == null ? UNKNOWN : modelId,
                region == null ? UNKNOWN : region, tier);
    }
}
