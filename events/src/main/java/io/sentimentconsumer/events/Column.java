package io.sentimentconsumer.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a dataset: the key of a JSON Lines row, the Glue table's column, the name the saved queries use.
 * Snake case, because Athena's JSON SerDe lowercases keys and DuckDB matches them as written: one spelling reads the
 * same in both.
 *
 * @param nullable whether a row may leave it {@code null} (the description says when)
 */
public record Column(String name, ColumnType type, boolean nullable, String description) {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");

    public Column {
        Objects.requireNonNull(type, "type");
        if (!SNAKE_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("column names are snake case: " + name);
        }
    }

    static Column required(String name, ColumnType type, String description) {
        return new Column(name, type, false, description);
    }

    static Column optional(String name, ColumnType type, String description) {
        return new Column(name, type, true, description);
    }
}
