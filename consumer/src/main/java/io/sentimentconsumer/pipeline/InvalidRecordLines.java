package io.sentimentconsumer.pipeline;

import io.sentimentconsumer.log.EventLog;
import java.util.Map;
import java.util.TreeMap;

/**
 * The log lines for an invocation's invalid records, bounded: the first {@link #DETAILED} each get their own line
 * (sequence number, reason), then one line counts the rest by reason. One aggregate of 100,000 empty user records
 * would otherwise write 100,000 lines; the summary carries the counts of all of them.
 */
final class InvalidRecordLines {

    static final int DETAILED = 20;

    private final EventLog log;
    private final Map<String, Integer> notDetailed = new TreeMap<>();
    private int seen;

    InvalidRecordLines(EventLog log) {
        this.log = log;
    }

    void add(String sequenceNumber, Integer subSequenceNumber, String reason) {
        if (++seen > DETAILED) {
            notDetailed.merge(kind(reason), 1, Integer::sum);
            return;
        }
        log.write(new IntakeLine.Invalid(sequenceNumber, subSequenceNumber, reason));
    }

    /** Writes the line for the records past the first {@link #DETAILED}, if there were any. */
    void finish() {
        if (notDetailed.isEmpty()) {
            return;
        }
        log.write(new IntakeLine.MoreInvalid(seen - DETAILED, notDetailed));
    }

    /**
     * A reason without the position it may end with ("data is not JSON (line 1, column 7)"), so that counts by
     * reason stay few.
     */
    static String kind(String reason) {
        int position = reason.indexOf(" (line ");
        return position < 0 ? reason : reason.substring(0, position);
    }
}
