package io.sentimentconsumer.pipeline;

import static io.sentimentconsumer.events.Field.CONCURRENCY_LIMIT;
import static io.sentimentconsumer.events.Field.DEADLINE_REACHED;
import static io.sentimentconsumer.events.Field.DURATION_MS;
import static io.sentimentconsumer.events.Field.ERROR;
import static io.sentimentconsumer.events.Field.INVALID_BY_REASON;
import static io.sentimentconsumer.events.Field.KINESIS_RECORDS;
import static io.sentimentconsumer.events.Field.METRICS_FAILURES;
import static io.sentimentconsumer.events.Field.MODEL_ID;
import static io.sentimentconsumer.events.Field.NEWEST_AS_OF;
import static io.sentimentconsumer.events.Field.PRICE_TABLE;
import static io.sentimentconsumer.events.Field.REASON;
import static io.sentimentconsumer.events.Field.RESULTS_WRITE_FAILURES;
import static io.sentimentconsumer.events.Field.RETRY_WAIT_MS;
import static io.sentimentconsumer.events.Field.SLOT_WAIT_MS;

import io.sentimentconsumer.account.SummaryFigures;
import io.sentimentconsumer.account.UsageLines;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;
import java.util.TreeMap;

/** How a pipeline invocation went as a whole: its model's price, its end, its summary. */
public sealed interface InvocationLine extends LogLine {

    /**
     * The model has no price: every cost is unpriced, never $0.
     *
     * @param reason the missing price and the fix; {@code null} when there is nothing more to say
     */
    @Line(event = LogEvent.UNPRICED_MODEL, level = Level.WARN)
    record Unpriced(String modelId, String reason) implements InvocationLine {
        @Override
        public String message() {
            return "No price for model " + modelId + " in the price table: costs are reported as unpriced, "
                    + "BedrockCost is not published and UnpricedCalls counts the calls";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(MODEL_ID, modelId);
            fields.putIfPresent(REASON, reason);
        }
    }

    /** Once at start-up: the price table's newest price is older than its freshness limit. */
    @Line(event = LogEvent.PRICE_TABLE_STALE, level = Level.WARN)
    record PriceTableStale(String warning, String priceTable, String newestAsOf) implements InvocationLine {
        @Override
        public String message() {
            return warning;
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(PRICE_TABLE, priceTable);
            fields.put(NEWEST_AS_OF, newestAsOf);
        }
    }

    @Line(event = LogEvent.INVOCATION_FAILED, level = Level.ERROR)
    record Failed(Class<? extends Throwable> error) implements InvocationLine {
        @Override
        public String message() {
            return "Invocation failed part-way (" + error.getSimpleName() + "); records without an outcome are "
                    + "handed back";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(ERROR, error.getName());
        }
    }

    @Line(event = LogEvent.INVOCATION_INTERRUPTED, level = Level.ERROR)
    record Interrupted() implements InvocationLine {
        @Override
        public String message() {
            return "Invocation interrupted; records without an outcome are handed back";
        }
    }

    /**
     * The summary of one delivery (a Lambda invocation, a replay, a redriven range): its figures, how its calls were
     * paced, and its metrics failures.
     *
     * @param title how the line starts, e.g. "Lambda invocation token summary"
     */
    @Line(event = LogEvent.INVOCATION_SUMMARY, level = Level.INFO)
    record Summary(String title, String modelId, boolean estimated, InvocationReport report, double durationMillis)
            implements InvocationLine {
        public SummaryFigures figures() {
            return new SummaryFigures(modelId, estimated, report.counts(), report.totals());
        }

        @Override
        public String message() {
            return figures().line(title);
        }

        @Override
        public void fields(FieldWriter fields) {
            figures().writeTo(fields);
            InvocationReport.Pacing pacing = report.pacing();
            fields.put(KINESIS_RECORDS, report.kinesisRecords())
                    .put(SLOT_WAIT_MS, UsageLines.hundredths(pacing.slotWaitMillis()))
                    .put(RETRY_WAIT_MS, UsageLines.hundredths(pacing.retryWaitMillis()))
                    .put(CONCURRENCY_LIMIT, UsageLines.hundredths(pacing.concurrencyLimit()))
                    .put(DEADLINE_REACHED, pacing.deadlineReached());
            if (!report.invalidByReason().isEmpty()) {
                fields.put(INVALID_BY_REASON, new TreeMap<>(report.invalidByReason()));
            }
            fields.put(METRICS_FAILURES, report.metricsFailures())
                    .put(RESULTS_WRITE_FAILURES, report.resultsWriteFailures())
                    .put(DURATION_MS, UsageLines.hundredths(durationMillis));
        }
    }
}
