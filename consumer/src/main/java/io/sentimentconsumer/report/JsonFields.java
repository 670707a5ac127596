package io.sentimentconsumer.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Values read from one JSON object by name, failing with the name of what is missing. */
final class JsonFields {

    private final JsonNode node;

    JsonFields(JsonNode node) {
        this.node = node;
    }

    long count(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isNumber()) {
            throw new MissingField(name);
        }
        return value.asLong();
    }

    long countOrZero(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? 0 : count(name);
    }

    double decimal(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isNumber()) {
            throw new MissingField(name);
        }
        return value.asDouble();
    }

    /** An exact decimal, or {@code null} where the field is null or absent (an unpriced call). */
    BigDecimal money(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new MissingField(name);
        }
        return value.decimalValue();
    }

    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new MissingField(name);
        }
        return value.asText();
    }

    String textOr(String name, String otherwise) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? otherwise : value.asText();
    }

    /** A line or row without a field the report needs: it is skipped and counted, never read as zero. */
    static final class MissingField extends RuntimeException {
        MissingField(String name) {
            super(name, null, false, false);
        }
    }
}
