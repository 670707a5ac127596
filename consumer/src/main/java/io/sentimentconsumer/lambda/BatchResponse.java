package io.sentimentconsumer.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The handler's answer to the event source mapping with {@code ReportBatchItemFailures}: the sequence numbers of
 * the records handed back, written as {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}. Lambda resumes
 * the shard from the lowest of them; an empty list means the whole batch is done.
 */
public record BatchResponse(List<String> itemIdentifiers) {

    /** The runtime owns the stream it passes in: writing the answer does not close it. */
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectReader READER = new ObjectMapper().reader();

    public BatchResponse {
        itemIdentifiers = List.copyOf(itemIdentifiers);
    }

    public void writeTo(OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            for (String id : itemIdentifiers) {
                json.writeStartObject();
                json.writeStringField("itemIdentifier", id);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * Reads a response in the shape {@link #writeTo} writes, as the event source mapping reads it: for
     * {@code replay}, which prints the handler's bytes and then follows them.
     */
    public static BatchResponse read(byte[] json) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode failure : READER.readTree(json).required("batchItemFailures")) {
            ids.add(failure.required("itemIdentifier").asText());
        }
        return new BatchResponse(ids);
    }

    /** The JSON document, as {@link #writeTo} writes it. */
    public String toJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
