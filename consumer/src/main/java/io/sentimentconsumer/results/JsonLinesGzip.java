package io.sentimentconsumer.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Rows as gzip JSON Lines: one JSON object per line, each ending in a newline, the whole gzipped. */
final class JsonLinesGzip {

    // Costs are BigDecimal; plain notation keeps 0.00012257 from turning into 1.2257E-4, which neither Athena's
    // decimal nor a reader's eye expects.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private JsonLinesGzip() {}

    static byte[] encode(List<Map<String, Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + rows.size() * 128);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map<String, Object> row : rows) {
                JSON.writeValue(gzip, row);
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode rows", e);
        }
        return bytes.toByteArray();
    }
}
