package io.sentimentconsumer.pipeline;

import static io.sentimentconsumer.events.Field.BATCH;
import static io.sentimentconsumer.events.Field.ERROR;
import static io.sentimentconsumer.events.Field.FIRST_SEQUENCE_NUMBER;
import static io.sentimentconsumer.events.Field.RECORDS;
import static io.sentimentconsumer.events.Field.STOPPED_BATCH;

import io.sentimentconsumer.analyze.BatchAnalyzer.Stop;
import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;

/** A batch that stopped before every post had a result, and what that did to the batches after it. */
public sealed interface BatchLine extends LogLine {

    /**
     * A batch that stopped early, once per stop, with what to do about it.
     *
     * @param records             the batch's records handed back
     * @param firstSequenceNumber the first of them; {@code null} when none was
     */
    record Stopped(Stop stop, int batch, long records, String firstSequenceNumber) implements BatchLine {
        @Override
        public LogEvent event() {
            return switch (stop.reason()) {
                case CONFIGURATION -> LogEvent.MODEL_CONFIGURATION_ERROR;
                case DEADLINE -> LogEvent.DEADLINE_REACHED;
                case CALL_FAILED -> LogEvent.BATCH_HANDED_BACK;
            };
        }

        @Override
        public Level level() {
            return stop.reason() == Stop.Reason.CONFIGURATION ? Level.ERROR : Level.WARN;
        }

        @Override
        public String message() {
            String handedBack = "handing back " + records + " records from sequence number " + firstSequenceNumber;
            return switch (stop.reason()) {
                case CONFIGURATION -> stop.message() + " All records are handed back until it is fixed.";
                case DEADLINE -> "Batch " + batch + ": no time left for another model call before the deadline; "
                        + handedBack;
                case CALL_FAILED -> "Batch " + batch + " failed after retries; " + handedBack + ": " + stop.message();
            };
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(BATCH, batch).put(RECORDS, records)
                    .put(FIRST_SEQUENCE_NUMBER, String.valueOf(firstSequenceNumber)).put(ERROR, stop.message());
        }
    }

    /** A defect while analysing a batch, not a model failure: the batch is handed back. */
    @Line(event = LogEvent.BATCH_ERROR, level = Level.ERROR)
    record Failed(int batch, Class<? extends Throwable> cause) implements BatchLine {
        @Override
        public String message() {
            return "Batch " + batch + " failed unexpectedly (" + cause.getName() + "); handing its records back";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(BATCH, batch);
        }
    }

    /** Records of later batches left unsent because {@code stoppedBatch} stopped. */
    @Line(event = LogEvent.BATCHES_NOT_SENT, level = Level.WARN)
    record NotSent(int records, int stoppedBatch) implements BatchLine {
        @Override
        public String message() {
            return records + " records of later batches were not sent to the model because batch " + stoppedBatch
                    + " stopped; they are handed back";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(RECORDS, records).put(STOPPED_BATCH, stoppedBatch);
        }
    }
}
