package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import java.util.List;
import java.util.Map;

/**
 * Everything one invocation produced: an outcome per record in input order, its accounting, and how its calls
 * were paced.
 *
 * @param kinesisRecords  Kinesis records delivered (a KPL aggregate is one, however many user records it holds)
 * @param invalidByReason invalid records of this delivery, by reason without its position
 * @param metricsFailures metrics publications that failed (set by the reporter)
 */
public record InvocationReport(List<RecordOutcome> outcomes, RecordCounts counts, CallTotals totals,
                               List<CallRecord> calls, int kinesisRecords, Pacing pacing,
                               Map<String, Integer> invalidByReason, int metricsFailures) {

    /**
     * How the invocation's calls went through the gate.
     *
     * @param slotWaitMillis   time calls waited for a concurrency slot
     * @param retryWaitMillis  time the SDK waited between attempts
     * @param concurrencyLimit the adaptive limit at the end
     * @param deadlineReached  whether a batch stopped because no call could finish before the deadline
     */
    public record Pacing(double slotWaitMillis, double retryWaitMillis, double concurrencyLimit,
                         boolean deadlineReached) {}

    public InvocationReport {
        outcomes = List.copyOf(outcomes);
        calls = List.copyOf(calls);
        invalidByReason = Map.copyOf(invalidByReason);
    }

    InvocationReport withMetricsFailures(int failures) {
        return new InvocationReport(outcomes, counts, totals, calls, kinesisRecords, pacing, invalidByReason,
                failures);
    }

    /**
     * Sequence numbers of the Kinesis records handed back, in input order, each once (a KPL aggregate goes back
     * whole when any of its user records does).
     */
    public List<String> handedBack() {
        return outcomes.stream()
                .filter(o -> o.kind() == RecordOutcome.Kind.HANDED_BACK)
                .map(RecordOutcome::sequenceNumber)
                .distinct()
                .toList();
    }
}
