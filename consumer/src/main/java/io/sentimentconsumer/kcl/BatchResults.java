package io.sentimentconsumer.kcl;

import io.sentimentconsumer.account.CallRecord;
import io.sentimentconsumer.ingest.RecordOrigin;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.pipeline.RecordResult;
import io.sentimentconsumer.results.BilledCall;
import io.sentimentconsumer.results.DeliveryResults;
import io.sentimentconsumer.results.ResultsWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * One shard batch's outcomes as its analyses decide them, and how far their rows are written: the checkpoint may
 * pass a record only once every record up to it has its row. Rows go out for the records up to the first one
 * without an outcome, with every call paid for since the last write; a write that fails is kept, to be retried as
 * it was (same rows, same keys, so a retry overwrites whatever part of it reached the bucket).
 */
final class BatchResults {

    private final List<KinesisClientRecord> batch;
    private final ResultsWriter results;
    private final String stream;
    private final String shardId;
    private final RecordResult[] outcomes;
    /** Calls paid for whose rows are not written yet. */
    private final List<CallRecord> unwrittenCalls = new ArrayList<>();
    /** Every record before this position has its row written. */
    private int written;
    /** A write that failed, to retry as it was; {@code null} when none is waiting. */
    private Write failed;

    /** One write: rows for the records from {@code from} to {@code to}, and calls, under one batch id. */
    private record Write(String batchId, int from, int to, List<CallRecord> calls, Instant processedAt) {}

    BatchResults(List<KinesisClientRecord> batch, ResultsWriter results, String stream, String shardId) {
        this.batch = batch;
        this.results = results;
        this.stream = stream;
        this.shardId = shardId;
        this.outcomes = new RecordResult[batch.size()];
    }

    /** The positions of the records still without a final outcome, in order. */
    List<Integer> pending() {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                pending.add(i);
            }
        }
        return pending;
    }

    /** Keeps the final outcomes of an analysis of {@link #pending()} (one result per record) and its calls. */
    void analysed(InvocationReport report) {
        List<Integer> pending = pending();
        List<RecordResult> records = report.records();
        for (int k = 0; k < pending.size(); k++) {
            if (records.get(k).outcome().kind() != RecordOutcome.Kind.HANDED_BACK) {
                outcomes[pending.get(k)] = records.get(k);
            }
        }
        unwrittenCalls.addAll(report.calls());
    }

    /** Whether a failed write waits to be retried before anything is analysed again. */
    boolean writePending() {
        return failed != null;
    }

    /** Writes the rows that may go out now, or retries the write that failed; returns whether it went through. */
    boolean write() {
        if (!results.keeps()) {
            // No rows to keep: an outcome is final as it is decided.
            written = firstWithoutOutcome();
            unwrittenCalls.clear();
            return true;
        }
        Write write = failed != null ? failed : next();
        if (write == null) {
            return true;
        }
        String first = ShardRecords.id(batch.get(written));
        if (!results.write(() -> rows(write), batch.size() - written, first)) {
            failed = write;
            return false;
        }
        failed = null;
        written = write.to();
        unwrittenCalls.removeAll(write.calls());
        return true;
    }

    /** Every record has its outcome and its row. */
    boolean done() {
        return written == batch.size() && failed == null;
    }

    /** Every record before this position has its row written. */
    int written() {
        return written;
    }

    private int firstWithoutOutcome() {
        int at = written;
        while (at < outcomes.length && outcomes[at] != null) {
            at++;
        }
        return at;
    }

    private Write next() {
        int to = firstWithoutOutcome();
        if (to == written && unwrittenCalls.isEmpty()) {
            return null;
        }
        return new Write(UUID.randomUUID().toString(), written, to, List.copyOf(unwrittenCalls), Instant.now());
    }

    private DeliveryResults rows(Write write) {
        return new DeliveryResults(write.batchId(), origin(batch.get(0)), origin(batch.get(batch.size() - 1)),
                Arrays.asList(outcomes).subList(write.from(), write.to()),
                write.calls().stream().map(call -> new BilledCall(call, write.batchId())).toList(),
                write.processedAt());
    }

    private RecordOrigin origin(KinesisClientRecord record) {
        return ShardRecords.origin(record, stream, shardId);
    }
}
