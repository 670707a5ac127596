package io.sentimentconsumer.events;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The datasets as DuckDB sees them: a view per {@link Dataset}, named as its Glue table, over the gzip JSON Lines
 * below a folder laid out as the bucket is ({@code <prefix>/dt=.../hour=.../<stream>/<shard>/<first>-<last>
 * .jsonl.gz}), with the Glue table's columns and types.
 */
final class DuckDbDatasets {

    private DuckDbDatasets() {
    }

    /** An in-memory DuckDB with the views over {@code root}; dates in UTC, as Athena's and the partitions' are. */
    static Connection open(Path root) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            for (Dataset dataset : Dataset.values()) {
                statement.execute(view(dataset, root));
            }
        }
        return connection;
    }

    /**
     * The view of one dataset. The partition keys are read as the strings they are: by default DuckDB would guess
     * their types from their values and read {@code dt} as a DATE, where Athena reads the declared string.
     */
    static String view(Dataset dataset, Path root) {
        String partitionTypes = Dataset.PARTITION_KEYS.stream()
                .map(c -> "'" + c.name() + "': " + c.type().duckDb())
                .collect(Collectors.joining(", "));
        String columns = dataset.columns().stream()
                .map(c -> "'" + c.name() + "': '" + c.type().duckDb() + "'")
                .collect(Collectors.joining(", "));
        return "CREATE VIEW " + dataset.prefix() + " AS SELECT * FROM read_json('"
                + root.resolve(dataset.prefix()) + "/**/*.jsonl.gz', format = 'newline_delimited', "
                + "hive_partitioning = true, hive_types = {" + partitionTypes + "}, columns = {" + columns + "})";
    }

    /** Every {@code .jsonl} file below {@code from}, gzipped to the same place below {@code to} as {@code .jsonl.gz}. */
    static void copyGzipped(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                Path target = to.resolve(from.relativize(file).toString() + ".gz");
                Files.createDirectories(target.getParent());
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
                    Files.copy(file, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of a query, each cell as text: exact decimals without trailing zeros, whole numbers as digits
     * whatever their width, timestamps as the datasets write them, {@code null} as null.
     */
    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(cell(result.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String cell(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Timestamp t) {
            return Dataset.TIMESTAMP_FORMAT.format(t.toLocalDateTime());
        }
        return value == null ? null : value.toString();
    }
}
