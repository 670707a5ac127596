package io.sentimentconsumer.results;

import static io.sentimentconsumer.events.Field.BUCKET;
import static io.sentimentconsumer.events.Field.ERROR;
import static io.sentimentconsumer.events.Field.FIRST_SEQUENCE_NUMBER;
import static io.sentimentconsumer.events.Field.KEY;
import static io.sentimentconsumer.events.Field.RECORDS;

import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;

/** What became of a delivery's results. */
public sealed interface ResultsLine extends LogLine {

    /**
     * A delivery's rows could not be written: its records go back to the runtime, to come again.
     *
     * @param bucket              {@code null} when the rows failed before any object was named
     * @param key                 the object that failed; {@code null} as for {@code bucket}
     * @param records             the records handed back
     * @param firstSequenceNumber where the runtime resumes
     * @param error               the error's class
     * @param detail              the error's message
     */
    @Line(event = LogEvent.RESULTS_WRITE_FAILED, level = Level.ERROR)
    record WriteFailed(String bucket, String key, int records, String firstSequenceNumber, String error,
                       String detail) implements ResultsLine {
        @Override
        public String message() {
            return "Results not written (" + detail + "): " + records + " records from sequence number "
                    + firstSequenceNumber + " are handed back and will be delivered again. Fix: let the runtime's "
                    + "role put objects in the bucket (and use its KMS key), or check that the bucket exists";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.putIfPresent(BUCKET, bucket).putIfPresent(KEY, key).put(RECORDS, records)
                    .put(FIRST_SEQUENCE_NUMBER, firstSequenceNumber).put(ERROR, error);
        }
    }
}
