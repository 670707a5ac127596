package io.sentimentconsumer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentimentconsumer.events.Column;
import io.sentimentconsumer.events.Dataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** What the results sink wrote, read back: the rows of gzip JSON Lines objects, decimals exact. */
public final class ResultRows {

    private ResultRows() {}

    /** The rows of one object: gunzipped, one JSON document per line, each line ending in a newline. */
    public static List<JsonNode> of(byte[] object) {
        String text;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(object))) {
            text = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip", e);
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the last line of a JSON Lines object ends in a newline");
        }
        return text.lines().map(JsonLines::parse).toList();
    }

    /** The rows of every object whose key starts with {@code dataset}'s prefix, in key order. */
    public static List<JsonNode> of(Map<String, byte[]> objects, Dataset dataset) {
        List<JsonNode> rows = new ArrayList<>();
        objects.forEach((key, bytes) -> {
            if (key.startsWith(dataset.prefix() + "/")) {
                rows.addAll(of(bytes));
            }
        });
        return rows;
    }

    /** A row's keys, in their order. */
    public static List<String> keys(JsonNode row) {
        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The dataset's column names, in their order: what every row's keys must be. */
    public static List<String> columns(Dataset dataset) {
        return dataset.columns().stream().map(Column::name).toList();
    }
}
