package io.sentimentconsumer.pipeline;

import static io.sentimentconsumer.events.Field.BY_REASON;
import static io.sentimentconsumer.events.Field.REASON;
import static io.sentimentconsumer.events.Field.RECORDS;
import static io.sentimentconsumer.events.Field.SEQUENCE_NUMBER;
import static io.sentimentconsumer.events.Field.SUB_SEQUENCE_NUMBER;

import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What taking a delivery in found: invalid records, and records an earlier delivery finished. */
public sealed interface IntakeLine extends LogLine {

    /** @param subSequenceNumber the user record's place in its KPL aggregate; {@code null} for a plain record */
    @Line(event = LogEvent.INVALID_RECORD, level = Level.WARN)
    record Invalid(String sequenceNumber, Integer subSequenceNumber, String reason) implements IntakeLine {
        @Override
        public String message() {
            String where = subSequenceNumber == null ? sequenceNumber
                    : sequenceNumber + " (user record " + subSequenceNumber + ")";
            return "Invalid record " + where + ": " + reason;
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(SEQUENCE_NUMBER, sequenceNumber).putIfPresent(SUB_SEQUENCE_NUMBER, subSequenceNumber)
                    .put(REASON, reason);
        }
    }

    /** The invalid records past those logged one by one, counted by reason. */
    @Line(event = LogEvent.INVALID_RECORDS_MORE, level = Level.WARN)
    record MoreInvalid(int records, Map<String, Integer> byReason) implements IntakeLine {
        public MoreInvalid {
            byReason = Collections.unmodifiableMap(new TreeMap<>(byReason));
        }

        @Override
        public String message() {
            return records + " more invalid records, not logged one by one: " + byReason;
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(RECORDS, records).put(BY_REASON, byReason);
        }
    }

    @Line(event = LogEvent.OUTCOMES_REUSED, level = Level.INFO)
    record Reused(int records) implements IntakeLine {
        @Override
        public String message() {
            return records + " records were finished by an earlier delivery to this environment; their outcomes are "
                    + "reused without a model call";
        }

        @Override
        public void fields(FieldWriter fields) {
            fields.put(RECORDS, records);
        }
    }
}
