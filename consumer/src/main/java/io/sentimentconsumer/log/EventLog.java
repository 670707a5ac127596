package io.sentimentconsumer.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;

/**
 * Writes one log line per event. Every line has a human message (the exact text users tail and build metric
 * filters on) and the same figures as fields, so Logs Insights can query them without regexes.
 *
 * <p>{@link Format#JSON} writes {@code {"level":..,"message":..,"event":..,<fields>}}, the shape CloudWatch Logs
 * Insights discovers fields from; {@link Format#TEXT} writes only the message, for a terminal. Lines never carry
 * post text: messages and fields carry ids, counts and reasons only.
 */
public final class EventLog {

    public enum Format { JSON, TEXT }

    // Costs are BigDecimal; plain notation keeps 0.00012257 from turning into 1.2257E-4.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final PrintStream out;
    private final Format format;

    public EventLog(PrintStream out, Format format) {
        this.out = out;
        this.format = format;
    }

    public void write(LogLine line) {
        if (format == Format.TEXT) {
            out.println(line.level() == Level.INFO ? line.message() : line.level() + " " + line.message());
            return;
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("level", line.level().name());
        json.put("message", line.message());
        json.put("event", line.event().id());
        line.fields(new FieldWriter(json));
        try {
            out.println(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log line " + line.event() + " cannot be serialised", e);
        }
    }
}
