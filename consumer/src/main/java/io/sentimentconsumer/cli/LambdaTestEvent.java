package io.sentimentconsumer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sentimentconsumer.lambda.KinesisEventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what {@code replay} and {@code produce} read into the bytes Lambda would hand the handler: a Lambda Kinesis
 * test event ({@code {"Records":[...]}} with base64 data, as the console's template and {@code sam local
 * generate-event} write it) is passed on as it is, byte for byte; JSON Lines of posts become such an event, each
 * non-blank line one record whose sequence number is its line number and whose data are the line's bytes exactly
 * (invalid UTF-8 included, so the decoder rejects it as it would on the stream). The handler then reads either with
 * {@link io.sentimentconsumer.lambda.KinesisEventJson}, the one parser Lambda's invocations go through too.
 *
 * <p>JSON Lines come from no stream: their records play stream {@code replay}, shard {@code shardId-000000000000},
 * and arrived when the file was last modified, which is where their results rows go (docs/results.md).
 */
final class LambdaTestEvent {

    private static final JsonFactory JSON = new JsonFactory();
    /** The stream JSON Lines play: one shard, so that a redelivery of a line is known as one. */
    static final String JSON_LINES_STREAM = "arn:aws:kinesis:local:000000000000:stream/replay";
    static final String JSON_LINES_SHARD = "shardId-000000000000";

    private LambdaTestEvent() {}

    static byte[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return isEvent(bytes) ? bytes : fromJsonLines(bytes, Files.getLastModifiedTime(file).toInstant());
    }

    /** The file's records as the handler reads them; what is wrong with the file is reported with its name. */
    static List<KinesisEventJson.Record> records(Path file) throws IOException {
        byte[] event = read(file);
        try {
            return KinesisEventJson.read(new ByteArrayInputStream(event));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** A single JSON object whose first field is {@code Records}, as every Lambda Kinesis event starts. */
    private static boolean isEvent(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            return parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && "Records".equals(parser.currentName());
        } catch (IOException notJson) {
            return false;
        }
    }

    private static byte[] fromJsonLines(byte[] bytes, Instant arrival) {
        List<byte[]> lines = lines(bytes);
        List<KinesisEventJson.Record> records = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (!isBlank(lines.get(i))) {
                String sequenceNumber = Integer.toString(i + 1);
                records.add(new KinesisEventJson.Record(sequenceNumber, lines.get(i), null,
                        JSON_LINES_SHARD + ":" + sequenceNumber, JSON_LINES_STREAM, arrival));
            }
        }
        return KinesisEventJson.write(records);
    }

    /** The file's lines as bytes, split at LF with a CR before it dropped. */
    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                lines.add(Arrays.copyOfRange(bytes, start, end));
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
