package io.sentimentconsumer.events;

/**
 * The type of a dataset column, as the Glue table declares it for Athena and as DuckDB reads the same JSON. Times
 * are written {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC, the form both the Hive JSON SerDe and DuckDB read as a
 * timestamp; money is an exact decimal written as a plain JSON number.
 */
public enum ColumnType {
    STRING("string", "VARCHAR"),
    BIGINT("bigint", "BIGINT"),
    DOUBLE("double", "DOUBLE"),
    BOOLEAN("boolean", "BOOLEAN"),
    TIMESTAMP("timestamp", "TIMESTAMP"),
    /** US dollars: up to 10 integer and 14 fractional digits, enough for a per-million-token price times one token. */
    USD("decimal(24,14)", "DECIMAL(24,14)"),
    STRINGS("array<string>", "VARCHAR[]");

    private final String glue;
    private final String duckDb;

    ColumnType(String glue, String duckDb) {
        this.glue = glue;
        this.duckDb = duckDb;
    }

    /** The type in a Glue table (Athena's Hive DDL). */
    public String glue() {
        return glue;
    }

    /** The type DuckDB's {@code read_json} is told to read the column as. */
    public String duckDb() {
        return duckDb;
    }
}
