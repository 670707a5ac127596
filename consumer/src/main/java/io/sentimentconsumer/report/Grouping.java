package io.sentimentconsumer.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** The ways a report adds its cells up, each one CSV file and one table: by hour, day, model, Region, tier, or all. */
public enum Grouping {
    HOUR("hour", cell -> Keys.HOUR.format(cell.hour())),
    DAY("day", cell -> Keys.DAY.format(cell.hour())),
    MODEL("model", Cell::modelId),
    REGION("region", Cell::region),
    /** Summaries' figures, which no tier splits, form the row with an empty tier. */
    TIER("tier", cell -> cell.tier() == null ? "" : cell.tier()),
    TOTAL("total", cell -> "all");

    private final String column;
    private final Function<Cell, String> key;

    Grouping(String column, Function<Cell, String> key) {
        this.column = column;
        this.key = key;
    }

    /** The name of the key column, and of the CSV file: {@code by_<column>.csv}. */
    public String column() {
        return column;
    }

    public String keyOf(Cell cell) {
        return key.apply(cell);
    }

    /** The forms of time keys: sortable as text, UTC. */
    private static final class Keys {
        static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00'Z'")
                .withZone(ZoneOffset.UTC);
        static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    }
}
