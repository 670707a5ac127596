package io.sentimentconsumer.report;

import java.math.BigDecimal;

/**
 * Calls already added up by the source, as a Logs Insights row for one hour, model and tier gives them.
 *
 * @param costUsd     the priced calls' cost
 * @param pricedCalls the calls with a cost; the others are unpriced
 * @param latency     the calls' duration percentiles, as Logs Insights computed them
 */
public record CallGroup(long calls, long posts, long inputTokens, long outputTokens, long cacheReadInputTokens,
                        long cacheWriteInputTokens, long totalTokens, BigDecimal costUsd, long pricedCalls,
                        Percentiles latency) {}
