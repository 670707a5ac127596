package io.sentimentconsumer.log;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Map;

/**
 * Writes one log event per line. Every event has a human message (the exact text users tail and build metric
 * filters on) and the same figures as fields, so Logs Insights can query them without regexes.
 *
 * <p>{@link Format#JSON} writes {@code {"level":..,"message":..,<fields>}}, the shape CloudWatch Logs Insights
 * discovers fields from; {@link Format#TEXT} writes only the message, for a terminal. Callers never pass post
 * text: messages and fields carry ids, counts and reasons only.
 */
public final class EventLog {

    public enum Format { JSON, TEXT }

    public enum Level { INFO, WARN, ERROR }

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

    public void info(String message, Map<String, ?> fields) {
        write(Level.INFO, message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        write(Level.WARN, message, fields);
    }

    public void error(String message, Map<String, ?> fields) {
        write(Level.ERROR, message, fields);
    }

    private void write(Level level, String message, Map<String, ?> fields) {
        if (format == Format.TEXT) {
            out.println(level == Level.INFO ? message : level + " " + message);
            return;
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("level", level.name());
        event.put("message", message);
        fields.forEach(event::putPOJO);
        try {
            out.println(JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log event cannot be serialised", e);
        }
    }
}
