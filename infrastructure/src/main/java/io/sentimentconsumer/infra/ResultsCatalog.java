package io.sentimentconsumer.infra;

import io.sentimentconsumer.events.Column;
import io.sentimentconsumer.events.Dataset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.constructs.Construct;

/**
 * The Glue database and a table per {@link Dataset}, for Athena: the dataset's columns with their Glue types, the
 * partition keys {@code dt} and {@code hour}, and partition projection instead of a crawler, so that a new hour's
 * objects are queryable the moment they are written and no partition is ever registered.
 *
 * <p>The rows are read by the Hive JSON SerDe: Athena documents that the OpenX SerDe can return more, fewer or null
 * rows non-deterministically and names the Hive SerDe as the way round, which also reads the datasets' timestamps
 * ({@code yyyy-MM-dd HH:mm:ss.SSS}) as they are written. gzip is recognised by the objects' {@code .gz} extension.
 * A partition's location is its {@code hour=HH/} folder; Athena reads every object below it, through the stream and
 * shard folders of the key (docs/results.md, "The tables").
 */
public final class ResultsCatalog extends Construct {

    static final String SERDE = "org.apache.hive.hcatalog.data.JsonSerDe";
    static final String INPUT_FORMAT = "org.apache.hadoop.mapred.TextInputFormat";
    static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    private final CfnDatabase database;
    private final String databaseName;

    public ResultsCatalog(Construct scope, String id, StackParameters p, ResultsBucket results) {
        super(scope, id);
        databaseName = databaseName(p.environment());
        database = CfnDatabase.Builder.create(this, "Database")
                .catalogId(Aws.ACCOUNT_ID)
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(databaseName)
                        .description("sentiment-consumer " + p.environment() + ": one row per post (posts) and per "
                                + "Converse call (calls)")
                        .build())
                .build();
        for (Dataset dataset : Dataset.values()) {
            table(dataset, p, results);
        }
    }

    /** Glue database names are lower case with underscores; Athena would need a hyphen quoted. */
    static String databaseName(String environment) {
        return "sentiment_consumer_" + environment.replace('-', '_');
    }

    private void table(Dataset dataset, StackParameters p, ResultsBucket results) {
        String location = results.location(dataset.prefix());
        CfnTable.Builder.create(this, tableId(dataset))
                .catalogId(Aws.ACCOUNT_ID)
                .databaseName(database.getRef())
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(dataset.prefix())
                        .description("The " + dataset.prefix() + " dataset, projected by dt and hour")
                        .tableType("EXTERNAL_TABLE")
                        .partitionKeys(columns(Dataset.PARTITION_KEYS))
                        .parameters(projection(p, location))
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .columns(columns(dataset.columns()))
                                .location(location)
                                .inputFormat(INPUT_FORMAT)
                                .outputFormat(OUTPUT_FORMAT)
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder().serializationLibrary(SERDE).build())
                                .build())
                        .build())
                .build();
    }

    /**
     * Partition projection over {@code dt=yyyy-MM-dd/hour=HH}. The days projected reach back as far as an object can
     * still exist: it expires {@code resultsRetentionDays} after it was written, and it may have been written as late
     * as the stream's retention after its first record arrived, which is what its {@code dt} says.
     */
    private static Map<String, String> projection(StackParameters p, String location) {
        int days = p.results().retentionDays() + (p.stream().retentionHours() + 23) / 24;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("classification", "json");
        parameters.put("projection.enabled", "true");
        parameters.put("projection.dt.type", "date");
        parameters.put("projection.dt.format", "yyyy-MM-dd");
        parameters.put("projection.dt.range", "NOW-" + days + "DAYS,NOW");
        parameters.put("projection.hour.type", "integer");
        parameters.put("projection.hour.range", "0,23");
        parameters.put("projection.hour.digits", "2");
        parameters.put("storage.location.template", location + "dt=${dt}/hour=${hour}/");
        return parameters;
    }

    private static List<CfnTable.ColumnProperty> columns(List<Column> columns) {
        return columns.stream().map(c -> CfnTable.ColumnProperty.builder()
                .name(c.name()).type(c.type().glue()).comment(c.description()).build()).toList();
    }

    private static String tableId(Dataset dataset) {
        return Character.toUpperCase(dataset.prefix().charAt(0)) + dataset.prefix().substring(1) + "Table";
    }

    public String databaseName() {
        return databaseName;
    }

    /** The database's {@code Ref}, its name, for resources that must come after it. */
    public String databaseRef() {
        return database.getRef();
    }
}
