package io.sentimentconsumer.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Everything a report adds up for one group of calls and deliveries. Cost is the exact sum of the priced calls;
 * unpriced calls are counted apart and add nothing to it, so a group's cost is never understated as a figure of
 * every call: {@link #unpricedCalls()} says how many it leaves out.
 */
public final class Tally {

    private long calls;
    private long posts;
    private long pricedCalls;
    /** Posts of priced calls; {@code -1} once a group mixing priced and unpriced calls hides them. */
    private long pricedPosts;
    private long inputTokens;
    private long outputTokens;
    private long cacheReadInputTokens;
    private long cacheWriteInputTokens;
    private long totalTokens;
    private BigDecimal costUsd = BigDecimal.ZERO;
    private final LatencyTally latency = new LatencyTally();
    private long throttles;
    private long abandonedAttempts;
    private long deliveries;
    private Outcomes outcomes;
    /** Whether any delivery figure (throttles, abandoned attempts) reached this group. */
    private boolean attemptsCounted;

    void add(CallFact call) {
        calls++;
        posts += call.posts();
        inputTokens += call.inputTokens();
        outputTokens += call.outputTokens();
        cacheReadInputTokens += call.cacheReadInputTokens();
        cacheWriteInputTokens += call.cacheWriteInputTokens();
        totalTokens += call.totalTokens();
        if (call.priced()) {
            pricedCalls++;
            costUsd = costUsd.add(call.costUsd());
            addPricedPosts(call.posts());
        }
        latency.add(call.durationMs());
    }

    void add(CallGroup group) {
        calls += group.calls();
        posts += group.posts();
        inputTokens += group.inputTokens();
        outputTokens += group.outputTokens();
        cacheReadInputTokens += group.cacheReadInputTokens();
        cacheWriteInputTokens += group.cacheWriteInputTokens();
        totalTokens += group.totalTokens();
        pricedCalls += group.pricedCalls();
        costUsd = costUsd.add(group.costUsd());
        if (group.pricedCalls() == group.calls()) {
            addPricedPosts(group.posts());
        } else if (group.pricedCalls() > 0) {
            pricedPosts = -1;
        }
        if (group.latency() != null) {
            latency.add(group.latency());
        }
    }

    void add(DeliveryFact delivery) {
        attemptsCounted = true;
        throttles += delivery.throttles();
        abandonedAttempts += delivery.abandonedAttempts();
        if (delivery.outcomes() != null) {
            deliveries++;
            outcomes = outcomes == null ? delivery.outcomes() : outcomes.plus(delivery.outcomes());
        }
    }

    void add(Tally other) {
        calls += other.calls;
        posts += other.posts;
        pricedCalls += other.pricedCalls;
        if (other.pricedPosts < 0) {
            pricedPosts = -1;
        } else {
            addPricedPosts(other.pricedPosts);
        }
        inputTokens += other.inputTokens;
        outputTokens += other.outputTokens;
        cacheReadInputTokens += other.cacheReadInputTokens;
        cacheWriteInputTokens += other.cacheWriteInputTokens;
        totalTokens += other.totalTokens;
        costUsd = costUsd.add(other.costUsd);
        latency.add(other.latency);
        attemptsCounted |= other.attemptsCounted;
        throttles += other.throttles;
        abandonedAttempts += other.abandonedAttempts;
        deliveries += other.deliveries;
        if (other.outcomes != null) {
            outcomes = outcomes == null ? other.outcomes : outcomes.plus(other.outcomes);
        }
    }

    private void addPricedPosts(long value) {
        if (pricedPosts >= 0) {
            pricedPosts += value;
        }
    }

    public long calls() {
        return calls;
    }

    public long posts() {
        return posts;
    }

    public long pricedCalls() {
        return pricedCalls;
    }

    public long unpricedCalls() {
        return calls - pricedCalls;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public long cacheReadInputTokens() {
        return cacheReadInputTokens;
    }

    public long cacheWriteInputTokens() {
        return cacheWriteInputTokens;
    }

    public long totalTokens() {
        return totalTokens;
    }

    /** The priced calls' exact cost; empty when no call of the group is priced (not $0). */
    public Optional<BigDecimal> costUsd() {
        return pricedCalls == 0 ? Optional.empty() : Optional.of(costUsd);
    }

    /** Total tokens over posts sent in calls (a post a follow-up re-asks counts again), to two decimals. */
    public Optional<BigDecimal> tokensPerPost() {
        return posts == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(totalTokens).divide(BigDecimal.valueOf(posts), 2, RoundingMode.HALF_UP));
    }

    /**
     * The priced calls' cost per 1,000 of their posts, to ten decimals; empty without priced posts, or where the
     * source added priced and unpriced calls up together (a Logs Insights row mixing both).
     */
    public Optional<BigDecimal> costPer1000Posts() {
        if (pricedCalls == 0 || pricedPosts <= 0) {
            return Optional.empty();
        }
        return Optional.of(costUsd.multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(pricedPosts), 10, RoundingMode.HALF_UP));
    }

    public Optional<Percentiles> latency() {
        return latency.percentiles();
    }

    /**
     * Attempts Bedrock throttled; empty for a group no delivery figure reached (a tier's row from log lines, whose
     * summaries count throttles for the whole delivery).
     */
    public Optional<Long> throttles() {
        return attemptsCounted ? Optional.of(throttles) : Optional.empty();
    }

    /** Attempts sent without an answer, which Bedrock may have billed; empty as {@link #throttles()}. */
    public Optional<Long> abandonedAttempts() {
        return attemptsCounted ? Optional.of(abandonedAttempts) : Optional.empty();
    }

    /** Summaries added up: Lambda invocations, replays, redriven ranges, the worker's batches. */
    public long deliveries() {
        return deliveries;
    }

    /** The records' outcomes; empty where the source has no summaries (the calls dataset). */
    public Optional<Outcomes> outcomes() {
        return Optional.ofNullable(outcomes);
    }
}
