package io.sentimentconsumer.results;

import io.sentimentconsumer.aws.AwsClients;
import io.sentimentconsumer.events.Dataset;
import io.sentimentconsumer.log.EventLog;
import io.sentimentconsumer.pipeline.ConsumerConfig;
import io.sentimentconsumer.pipeline.InvocationReport;
import io.sentimentconsumer.pipeline.RecordOutcome;
import io.sentimentconsumer.pipeline.RecordResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes deliveries' results to the sink and says whether they stand: a record's outcome is final only once its
 * row is written. A failure is logged once per delivery ({@code results_write_failed}) and the delivery's records
 * go back to the runtime.
 *
 * <p>A redelivery that reuses the outcomes it was handed back with pays for no call, so the calls of a delivery
 * whose calls object could not be written would never be written at all: they are kept here, and go out with the
 * next delivery's calls (each row still names the delivery that paid for it). Bounded: past
 * {@value #MOST_UNWRITTEN_CALLS} calls the oldest are left to their {@code bedrock_call} log lines.
 */
public final class ResultsWriter {

    static final int MOST_UNWRITTEN_CALLS = 10_000;

    private final ResultsSink sink;
    private final EventLog log;
    /** Calls paid for by earlier deliveries whose calls object could not be written, oldest first. */
    private final List<BilledCall> unwrittenCalls = new ArrayList<>();

    public ResultsWriter(ResultsSink sink, EventLog log) {
        this.sink = sink;
        this.log = log;
    }

    /**
     * The configured writer: to the results bucket, for {@code modelId}'s rows, or to nowhere. Its S3 client is
     * built here, once per process.
     */
    public static ResultsWriter configured(ConsumerConfig config, String modelId, EventLog log) {
        ResultsSink sink = switch (config.resultsSink()) {
            case S3 -> new S3ResultsSink(AwsClients.s3(), config.resultsBucket(), modelId,
                    config.billingRegion().orElse(null), config.resultsIncludeText());
            case NONE -> ResultsSink.NONE;
        };
        return new ResultsWriter(sink, log);
    }

    /** A writer that keeps nothing: every delivery stands as analysed, and nothing is ever logged. */
    public static ResultsWriter none() {
        return new ResultsWriter(ResultsSink.NONE, null);
    }

    /**
     * Writes a delivery that the runtime resumes from its lowest handed-back record (Lambda, {@code replay}): rows
     * for the records before the first one handed back, which will not come again, and every call it paid for.
     *
     * @return the report as analysed; or, when the rows could not be written, with every record handed back
     */
    public synchronized InvocationReport finish(InvocationReport analysed, String invocationId,
                                                Instant processedAt) {
        List<RecordResult> records = analysed.records();
        if (!keeps() || records.isEmpty()) {
            return analysed;
        }
        List<BilledCall> calls = new ArrayList<>(unwrittenCalls);
        analysed.calls().forEach(call -> calls.add(new BilledCall(call, invocationId)));
        String first = records.get(0).outcome().sequenceNumber();
        try {
            sink.write(new DeliveryResults(invocationId, records.get(0).origin(),
                    records.get(records.size() - 1).origin(), beforeFirstHandedBack(records), calls, processedAt));
            unwrittenCalls.clear();
            return analysed;
        } catch (RuntimeException e) {
            // The calls object goes first: only a failed posts object leaves the calls written.
            boolean callsWritten = e instanceof ResultsWriteException w && w.dataset() == Dataset.POSTS;
            unwrittenCalls.clear();
            if (!callsWritten) {
                unwrittenCalls.addAll(calls.subList(Math.max(0, calls.size() - MOST_UNWRITTEN_CALLS), calls.size()));
            }
            failed(e, analysed.kinesisRecords(), first);
            return analysed.resultsNotWritten("results not written: " + e.getMessage());
        }
    }

    /** Whether results are kept at all: with none, every outcome is final as it is decided. */
    public boolean keeps() {
        return sink != ResultsSink.NONE;
    }

    /**
     * Writes rows the runtime has set apart itself (the KCL worker, which retries a failed write while its shard
     * waits).
     *
     * @param rows                the rows, made here so that rows that cannot be made (a record without an origin)
     *                            fail like a write
     * @param records             the records that wait for the write
     * @param firstSequenceNumber where the runtime resumes if the write fails
     * @return whether the rows were written; a failure is logged
     */
    public boolean write(Supplier<DeliveryResults> rows, int records, String firstSequenceNumber) {
        if (!keeps()) {
            return true;
        }
        try {
            DeliveryResults results = rows.get();
            if (!results.isEmpty()) {
                sink.write(results);
            }
            return true;
        } catch (RuntimeException e) {
            failed(e, records, firstSequenceNumber);
            return false;
        }
    }

    /**
     * The records before the first one handed back. The runtime resumes there and delivers everything from it on
     * again, finished or not (a KPL aggregate whole, since its user records share one sequence number), so their
     * rows are the redelivery's to write: written now, they would be written twice.
     */
    static List<RecordResult> beforeFirstHandedBack(List<RecordResult> records) {
        for (int i = 0; i < records.size(); i++) {
            RecordOutcome outcome = records.get(i).outcome();
            if (outcome.kind() == RecordOutcome.Kind.HANDED_BACK) {
                int cut = i;
                while (cut > 0 && records.get(cut - 1).outcome().sequenceNumber().equals(outcome.sequenceNumber())) {
                    cut--;
                }
                return records.subList(0, cut);
            }
        }
        return records;
    }

    private void failed(RuntimeException e, int records, String firstSequenceNumber) {
        Throwable cause = e instanceof ResultsWriteException && e.getCause() != null ? e.getCause() : e;
        String bucket = e instanceof ResultsWriteException w ? w.bucket() : null;
        String key = e instanceof ResultsWriteException w ? w.key() : null;
        log.write(new ResultsLine.WriteFailed(bucket, key, records, firstSequenceNumber, cause.getClass().getName(),
                e.getMessage()));
    }
}
