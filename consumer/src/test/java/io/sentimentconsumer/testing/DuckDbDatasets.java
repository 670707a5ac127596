package io.sentimentconsumer.testing;

import io.sentimentconsumer.events.Column;
import io.sentimentconsumer.events.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The datasets as DuckDB reads them, for SQL over what the sink wrote: a view per {@link Dataset}, named as its
 * table ({@code posts}, {@code calls}), over the gzip JSON Lines below a folder laid out as the bucket
 * ({@link S3Mock#download}), with the dataset's columns and DuckDB types and the partition keys from the paths.
 * Any query written against the tables (the saved {@code DatasetQuery}s included) runs on it as written.
 */
public final class DuckDbDatasets {

    private DuckDbDatasets() {}

    /** An in-memory DuckDB with a view per dataset over {@code dir}; times in UTC, as the rows and partitions. */
    public static Connection open(Path dir) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            for (Dataset dataset : Dataset.values()) {
                statement.execute(view(dataset, dir));
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * The view of one dataset. The partition keys are read as the strings they are (by default DuckDB would guess
     * a DATE for {@code dt}); a dataset with no object yet is an empty view, not an error.
     */
    static String view(Dataset dataset, Path dir) {
        if (!hasObjects(dir.resolve(dataset.prefix()))) {
            return "CREATE VIEW " + dataset.prefix() + " AS SELECT " + Stream.concat(
                    dataset.columns().stream(), Dataset.PARTITION_KEYS.stream())
                    .map(c -> "CAST(NULL AS " + c.type().duckDb() + ") AS " + c.name())
                    .collect(Collectors.joining(", ")) + " WHERE false";
        }
        String partitions = Dataset.PARTITION_KEYS.stream()
                .map(c -> "'" + c.name() + "': " + c.type().duckDb())
                .collect(Collectors.joining(", "));
        String columns = dataset.columns().stream()
                .map(DuckDbDatasets::column)
                .collect(Collectors.joining(", "));
        String glob = dir.resolve(dataset.prefix()).toAbsolutePath() + "/**/*.jsonl.gz";
        return "CREATE VIEW " + dataset.prefix() + " AS SELECT * FROM read_json(['" + glob.replace("'", "''")
                + "'], format = 'newline_delimited', hive_partitioning = true, hive_types = {" + partitions
                + "}, columns = {" + columns + "})";
    }

    private static boolean hasObjects(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".jsonl.gz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String column(Column column) {
        return "'" + column.name() + "': '" + column.type().duckDb() + "'";
    }
}
