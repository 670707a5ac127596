package io.sentimentconsumer.publish;

import static io.sentimentconsumer.events.Field.ERROR;
import static io.sentimentconsumer.events.Field.MEASUREMENTS;

import io.sentimentconsumer.events.LogEvent;
import io.sentimentconsumer.log.FieldWriter;
import io.sentimentconsumer.log.Level;
import io.sentimentconsumer.log.Line;
import io.sentimentconsumer.log.LogLine;

/**
 * A publication that failed. Records never wait on metrics, so this is a warning, written once per failure.
 *
 * @param detail  the error's message
 * @param dropped the measurements a buffered publication dropped; {@code null} for one published at once
 */
@Line(event = LogEvent.METRICS_FAILED, level = Level.WARN)
public record MetricsFailed(Class<? extends Exception> error, String detail, Integer dropped) implements LogLine {

    @Override
    public String message() {
        return "Metrics could not be published (" + error.getSimpleName() + ": " + detail + "); "
                + (dropped == null ? "" : dropped + " measurements dropped, ") + "records are not affected";
    }

    @Override
    public void fields(FieldWriter fields) {
        fields.put(ERROR, error.getName()).putIfPresent(MEASUREMENTS, dropped);
    }
}
