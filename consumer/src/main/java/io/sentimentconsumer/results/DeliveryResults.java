package io.sentimentconsumer.results;

import io.sentimentconsumer.ingest.RecordOrigin;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.pipeline.RecordResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one delivery writes: a posts row for each record whose outcome is final and that the runtime will not
 * deliver again, and a calls row for each call it paid for.
 *
 * @param invocationId the Lambda request id, or the worker's batch id: names the delivery's calls object
 * @param first        the origin of the delivery's first record: its stream, shard and arrival partition the
 *                     calls object, with {@code last}
 * @param last         the origin of the delivery's last record
 * @param finals       the records to write rows for, in order: each with a final outcome and an origin
 * @param calls        the calls to write rows for, each with the delivery that paid for it: this one's, and an
 *                     earlier one's whose calls could not be written then
 * @param processedAt  when the delivery's analysis ended: every posts row's {@code processed_at}
 */
public record DeliveryResults(String invocationId, RecordOrigin first, RecordOrigin last, List<RecordResult> finals,
                              List<BilledCall> calls, Instant processedAt) {

    public DeliveryResults {
        Objects.requireNonNull(invocationId, "invocationId");
        if (first == null || last == null) {
            throw new IllegalArgumentException("the delivery's first or last record has no origin (stream, shard, "
                    + "arrival time): an event needs eventSourceARN, eventID and kinesis.approximateArrivalTimestamp "
                    + "for its rows to be named");
        }
        Objects.requireNonNull(processedAt, "processedAt");
        finals = List.copyOf(finals);
        calls = List.copyOf(calls);
        for (RecordResult record : finals) {
            if (record.outcome().kind() == RecordOutcome.Kind.HANDED_BACK) {
                throw new IllegalArgumentException("record " + record.outcome().sequenceNumber() + " was handed "
                        + "back: only final outcomes have rows");
            }
            if (record.origin() == null) {
                throw new IllegalArgumentException("record " + record.outcome().sequenceNumber() + " has no "
                        + "origin (stream, shard, arrival time): an event needs eventSourceARN, eventID and "
                        + "kinesis.approximateArrivalTimestamp for its rows to be named");
            }
        }
    }

    /** Whether there is anything to write. */
    public boolean isEmpty() {
        return finals.isEmpty() && calls.isEmpty();
    }
}
