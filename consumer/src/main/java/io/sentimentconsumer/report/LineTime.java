package io.sentimentconsumer.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a log line was written. The consumer's JSON lines carry no time of their own: CloudWatch Logs stamps each
 * event, and an export or {@code aws logs tail} puts that stamp before the JSON ({@code 2026-12-01T07:00:00.000Z
 * {...}}); a line that was itself wrapped in JSON with a {@code timestamp} or {@code @timestamp} has it there.
 */
final class LineTime {

    private LineTime() {}

    /**
     * @param prefix what comes before the JSON object on the line, trimmed
     * @param json   the line's JSON object
     */
    static Optional<Instant> of(String prefix, JsonNode json) {
        if (!prefix.isEmpty()) {
            Optional<Instant> stamped = parse(prefix.split("\\s+", 2)[0]);
            if (stamped.isPresent()) {
                return stamped;
            }
        }
        for (String field : new String[] {"timestamp", "@timestamp"}) {
            JsonNode value = json.get(field);
            if (value != null && value.isIntegralNumber()) {
                return Optional.of(Instant.ofEpochMilli(value.asLong()));
            }
            if (value != null && value.isTextual()) {
                Optional<Instant> parsed = parse(value.asText());
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException notInstant) {
                return Optional.empty();
            }
        }
    }
}
