package io.sentimentconsumer.report;

import java.time.Instant;

/**
 * What a source counts per delivery rather than per call: a summary line's outcomes, throttles and abandoned
 * attempts (which include those of calls that returned no usage), or a calls-dataset row's throttles and abandoned
 * attempts, which has no outcomes.
 *
 * @param tier     the service tier, or {@code null} for a summary, whose figures no tier splits
 * @param outcomes the records' outcomes, or {@code null} where the source has none (the calls dataset)
 */
public record DeliveryFact(Instant at, String modelId, String region, String tier, Outcomes outcomes,
                           long throttles, long abandonedAttempts) {}
