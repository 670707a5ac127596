package io.sentimentconsumer.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A stream that collects what production code prints, read back one JSON document per line. Decimals are read as
 * {@link java.math.BigDecimal} so that money can be compared exactly.
 */
public final class JsonLines {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    public PrintStream stream() {
        return stream;
    }

    /** The raw lines printed so far. */
    public List<String> text() {
        stream.flush();
        String all = bytes.toString(StandardCharsets.UTF_8);
        return all.isEmpty() ? List.of() : all.lines().toList();
    }

    /** Every line printed so far, each parsed as one JSON document; fails on a line that is not one. */
    public List<JsonNode> documents() {
        return text().stream().map(JsonLines::parse).toList();
    }

    public static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a JSON document: " + line, e);
        }
    }
}
