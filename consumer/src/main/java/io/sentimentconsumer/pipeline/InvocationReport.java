package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.account.CallTotals;
import io.sentimentconsumer.account.RecordCounts;
import java.util.List;

/** Everything one invocation produced: an outcome per record in input order, and its accounting. */
public record InvocationReport(List<RecordOutcome> outcomes, RecordCounts counts, CallTotals totals,
                               List<CallRecord> calls, int metricsFailures) {

    public InvocationReport {
        outcomes = List.copyOf(outcomes);
        calls = List.copyOf(calls);
    }

    InvocationReport withMetricsFailures(int failures) {
        return new InvocationReport(outcomes, counts, totals, calls, failures);
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
