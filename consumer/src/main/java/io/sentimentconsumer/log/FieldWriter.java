package io.sentimentconsumer.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentimentconsumer.events.Field;

/**
 * Where a {@link LogLine} writes its fields, each by its declared name. Values go to Jackson as they are: numbers,
 * booleans, strings, maps, {@code null}, and BigDecimal costs in plain notation.
 */
public final class FieldWriter {

    private final ObjectNode line;

    FieldWriter(ObjectNode line) {
        this.line = line;
    }

    public FieldWriter put(Field field, Object value) {
        line.putPOJO(field.id(), value);
        return this;
    }

    /** Writes the field only when there is a value; lines leave out what does not apply to them. */
    public FieldWriter putIfPresent(Field field, Object value) {
        return value == null ? this : put(field, value);
    }
}
