package io.sentimentconsumer.account;

import io.sentimentconsumer.log.EventLog;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The per-call ledger of one invocation (the seed called it TokenMetricsTracker): every model call with its tokens
 * of each kind, tokens per post, latency and exact cost.
 * Each call is logged as it is recorded; totals and the call list come out in batch order whatever order the
 * concurrent calls finished in, so accounting is deterministic. Thread-safe.
 */
public final class CallLedger {

    private static final Comparator<CallRecord> BATCH_ORDER =
            Comparator.comparingInt(CallRecord::batch).thenComparing(CallRecord::followUp);

    private final String modelId;
    private final CallPricing pricing;
    private final boolean estimated;
    private final EventLog log;

    private final List<CallRecord> calls = new ArrayList<>();
    private int callsWithoutUsage;
    private int failedCalls;
    /** The attempts of calls without a record: failed ones and those answered without usage. */
    private Attempts unrecordedAttempts = Attempts.NONE;

    public CallLedger(String modelId, CallPricing pricing, boolean estimated, EventLog log) {
        this.modelId = modelId;
        this.pricing = pricing;
        this.estimated = estimated;
        this.log = log;
    }

    /**
     * Records a call that returned usage and logs its line.
     *
     * @param batch    the batch's position in its invocation, from 1
     * @param followUp whether the call re-asked posts the batch's first answer left without a score
     * @param posts    posts in the call
     */
    public CallRecord record(int batch, boolean followUp, int posts, CallReceipt receipt) {
        if (!receipt.hasUsage()) {
            throw new IllegalArgumentException("a call without usage goes to recordWithoutUsage");
        }
        TokenUsage usage = receipt.usage();
        double durationMillis = receipt.durationMillis();
        Long latencyMillis = receipt.latencyMillis();
        String stopReason = receipt.stopReason();
        Attempts attempts = receipt.attempts();
        CallPricing.Priced priced = pricing.priceFor(receipt.servedTier());
        BigDecimal cost = priced.lookup().found().flatMap(p -> p.cost(usage)).orElse(null);
        // A random id: unique across deliveries and execution environments without coordination, and made at the
        // call, never during init, so a SnapStart snapshot holds none of them.
        Instant sentAt = Instant.now().minus(Duration.ofNanos((long) (durationMillis * 1e6)));
        CallRecord call = new CallRecord(batch, followUp, posts, usage, cost, durationMillis, latencyMillis,
                stopReason, attempts, priced.tier(), UUID.randomUUID().toString(), sentAt);
        synchronized (this) {
            calls.add(call);
        }
        log.write(new CallLine.Answered(modelId, call, estimated));
        return call;
    }

    /** Records a call the service answered without usage: billed, but its tokens cannot be counted. */
    public void recordWithoutUsage(int batch, Attempts attempts) {
        synchronized (this) {
            callsWithoutUsage++;
            unrecordedAttempts = unrecordedAttempts.plus(attempts);
        }
        log.write(new CallLine.WithoutUsage(modelId, batch));
    }

    /** Records a call that failed after its retries; its attempts still count. */
    public synchronized void recordFailure(Attempts attempts) {
        failedCalls++;
        unrecordedAttempts = unrecordedAttempts.plus(attempts);
    }

    public synchronized List<CallRecord> calls() {
        List<CallRecord> ordered = new ArrayList<>(calls);
        ordered.sort(BATCH_ORDER);
        return List.copyOf(ordered);
    }

    public synchronized CallTotals totals() {
        TokenUsage usage = TokenUsage.ZERO;
        int posts = 0;
        int unpriced = 0;
        Attempts attempts = unrecordedAttempts;
        BigDecimal cost = BigDecimal.ZERO;
        Map<String, TierTotals> byTier = new TreeMap<>();
        for (CallRecord call : calls) {
            byTier.merge(call.servedTier() == null ? TierTotals.UNKNOWN_TIER : call.servedTier(),
                    TierTotals.of(call), TierTotals::plus);
            usage = usage.plus(call.usage());
            if (!call.followUp()) {
                posts += call.posts();
            }
            if (call.priced()) {
                cost = cost.add(call.costUsd());
            } else {
                unpriced++;
            }
            attempts = attempts.plus(call.attempts());
        }
        return CallTotals.builder().usage(usage).apiCalls(calls.size()).postsAnalyzed(posts)
                .costUsd(unpriced == 0 ? cost : null).unpricedCalls(unpriced).callsWithoutUsage(callsWithoutUsage)
                .failedCalls(failedCalls).attempts(attempts).byTier(byTier).build();
    }

    public String modelId() {
        return modelId;
    }

    public boolean estimated() {
        return estimated;
    }
}
