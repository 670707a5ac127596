package io.sentimentconsumer.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sentimentconsumer.events.Column;
import io.sentimentconsumer.events.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local copy of the calls dataset ({@link Dataset#CALLS}): gzip JSON Lines under {@code calls/dt=.../hour=.../},
 * a row per call, read by the dataset's own column names. Each row gives a call, dated by {@code called_at}, and its
 * throttles and abandoned attempts; the dataset has no outcomes (they are in the posts dataset and the summaries).
 */
public final class CallsDataset {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final String CALLED_AT = column("called_at");
    private static final String MODEL_ID = column("model_id");
    private static final String REGION = column("region");
    private static final String SERVED_TIER = column("served_tier");
    private static final String POSTS = column("posts");
    private static final String INPUT_TOKENS = column("input_tokens");
    private static final String OUTPUT_TOKENS = column("output_tokens");
    private static final String CACHE_READ = column("cache_read_input_tokens");
    private static final String CACHE_WRITE = column("cache_write_input_tokens");
    private static final String TOTAL_TOKENS = column("total_tokens");
    private static final String DURATION_MS = column("duration_ms");
    private static final String COST_USD = column("cost_usd");
    private static final String PRICED = column("priced");
    private static final String THROTTLES = column("throttles");
    private static final String ABANDONED_ATTEMPTS = column("abandoned_attempts");

    /**
     * @param dir the local copy of the {@code calls/} prefix, or of the bucket holding it
     */
    public ReportData read(Path dir) throws IOException {
        Path root = Files.isDirectory(dir.resolve(Dataset.CALLS.prefix())) ? dir.resolve(Dataset.CALLS.prefix()) : dir;
        List<Path> objects;
        try (Stream<Path> files = Files.walk(root)) {
            objects = files.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("no calls objects (*.jsonl.gz) under " + dir + ": give a local copy "
                    + "of the results bucket's " + Dataset.CALLS.prefix() + "/ prefix, e.g. aws s3 sync s3://BUCKET/"
                    + Dataset.CALLS.prefix() + " " + dir);
        }
        ReportData data = new ReportData();
        SkipCounter skipped = new SkipCounter();
        for (Path object : objects) {
            try (BufferedReader rows = new BufferedReader(
                    new InputStreamReader(LogFiles.open(object), StandardCharsets.UTF_8))) {
                for (String row = rows.readLine(); row != null; row = rows.readLine()) {
                    if (!row.isBlank()) {
                        read(row, data, skipped);
                    }
                }
            }
        }
        data.note(objects.size() + " calls objects read under " + root);
        skipped.noteTo(data, "calls-dataset rows");
        return data;
    }

    private static void read(String row, ReportData data, SkipCounter skipped) {
        JsonNode node;
        try {
            node = JSON.readTree(row);
        } catch (IOException notJson) {
            skipped.skip("not JSON");
            return;
        }
        JsonFields fields = new JsonFields(node);
        try {
            Instant at = ZonedDateTime.parse(fields.text(CALLED_AT), Dataset.TIMESTAMP_FORMAT).toInstant();
            String model = fields.text(MODEL_ID);
            String region = fields.textOr(REGION, null);
            String tier = fields.textOr(SERVED_TIER, Cell.UNKNOWN);
            BigDecimal cost = fields.money(COST_USD);
            if (node.path(PRICED).asBoolean(false) != (cost != null)) {
                skipped.skip("priced and cost_usd disagree");
                return;
            }
            data.add(new CallFact(at, model, region, tier, fields.count(POSTS), fields.count(INPUT_TOKENS),
                    fields.count(OUTPUT_TOKENS), fields.count(CACHE_READ), fields.count(CACHE_WRITE),
                    fields.count(TOTAL_TOKENS), cost, fields.decimal(DURATION_MS)));
            data.add(new DeliveryFact(at, model, region, tier, null, fields.count(THROTTLES),
                    fields.count(ABANDONED_ATTEMPTS)));
        } catch (JsonFields.MissingField missing) {
            skipped.skip("without a value of the right type in " + missing.getMessage());
        } catch (DateTimeParseException badTime) {
            skipped.skip(CALLED_AT + " not in the form yyyy-MM-dd HH:mm:ss.SSS");
        }
    }

    /** The column's name as the dataset declares it: a renamed column fails here, not as a silent zero. */
    private static String column(String name) {
        return Dataset.CALLS.column(name).map(Column::name)
                .orElseThrow(() -> new IllegalStateException("the calls dataset has no column " + name));
    }
}
