package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import java.util.List;
import java.util.Map;

/**
 * Everything one invocation produced: an outcome per record in input order (with what its results row needs), its
 * accounting, and how its calls were paced.
 *
 * @param records         each user record's outcome, origin and post, in input order
 * @param kinesisRecords  Kinesis records delivered (a KPL aggregate is one, however many user records it holds)
 * @param invalidByReason invalid records of this delivery, by reason without its position
 * @param metricsFailures metrics publications that failed (set by the reporter)
 * @param resultsWriteFailures writes of the delivery's results that failed (set when they are written): then every
 *                        record is handed back, and the figures stay those of the analysis
 */
public record InvocationReport(List<RecordResult> records, RecordCounts counts, CallTotals totals,
                               List<CallRecord> calls, int kinesisRecords, Pacing pacing,
                               Map<String, Integer> invalidByReason, int metricsFailures,
                               int resultsWriteFailures) {

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
        records = List.copyOf(records);
        calls = List.copyOf(calls);
        invalidByReason = Map.copyOf(invalidByReason);
    }

    /** A report of an analysis whose results have not been written (or need none). */
    public InvocationReport(List<RecordResult> records, RecordCounts counts, CallTotals totals, List<CallRecord> calls,
                            int kinesisRecords, Pacing pacing, Map<String, Integer> invalidByReason,
                            int metricsFailures) {
        this(records, counts, totals, calls, kinesisRecords, pacing, invalidByReason, metricsFailures, 0);
    }

    /** Each record's outcome, in input order. */
    public List<RecordOutcome> outcomes() {
        return records.stream().map(RecordResult::outcome).toList();
    }

    InvocationReport withMetricsFailures(int failures) {
        return new InvocationReport(records, counts, totals, calls, kinesisRecords, pacing, invalidByReason,
                failures, resultsWriteFailures);
    }

    /**
     * The report of a delivery whose results could not be written: no outcome is final until its row is, so every
     * record goes back, with {@code why}. The figures stay the analysis's: its calls were made and billed, and the
     * redelivery reuses its outcomes ({@code reused}) rather than counting them again.
     */
    public InvocationReport resultsNotWritten(String why) {
        List<RecordResult> back = records.stream().map(r -> new RecordResult(handedBack(r.outcome(), why),
                r.origin(), r.post())).toList();
        return new InvocationReport(back, counts, totals, calls, kinesisRecords, pacing, invalidByReason,
                metricsFailures, resultsWriteFailures + 1);
    }

    private static RecordOutcome handedBack(RecordOutcome outcome, String why) {
        return outcome.kind() == RecordOutcome.Kind.HANDED_BACK ? outcome
                : new RecordOutcome.HandedBack(outcome.sequenceNumber(), outcome.subSequenceNumber(),
                        outcome.postId(), why);
    }

    /**
     * Sequence numbers of the Kinesis records handed back, in input order, each once (a KPL aggregate goes back
     * whole when any of its user records does).
     */
    public List<String> handedBack() {
        return outcomes().stream()
                .filter(o -> o.kind() == RecordOutcome.Kind.HANDED_BACK)
                .map(RecordOutcome::sequenceNumber)
                .distinct()
                .toList();
    }
}
