package io.sentimentconsumer.report;

import java.util.Map;
import java.util.TreeMap;

/** Lines or rows a source could not use, by why, for one note in the report rather than a silent gap. */
final class SkipCounter {

    private final Map<String, Long> byReason = new TreeMap<>();

    void skip(String reason) {
        byReason.merge(reason, 1L, Long::sum);
    }

    /** Writes one note per reason, e.g. {@code 3 lines skipped: not JSON events}. */
    void noteTo(ReportData data, String what) {
        byReason.forEach((reason, count) -> data.note(count + " " + what + " skipped: " + reason));
    }
}
