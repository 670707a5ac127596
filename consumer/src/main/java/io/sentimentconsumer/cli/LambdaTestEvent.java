package io.sentimentconsumer.cli;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Reads what {@code replay} runs: a Lambda Kinesis test event ({@code {"Records":[...]}} with base64 data, as the
 * console's template and {@code sam local generate-event} write it), or JSON Lines of posts, each line one record
 * whose sequence number is its line number.
 */
final class LambdaTestEvent {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private LambdaTestEvent() {}

    static KinesisEvent read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root = null;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException notOneJsonDocument) {
            // JSON Lines, or malformed lines that the pipeline will report as invalid records.
        }
        if (root != null && root.isObject() && root.has("Records")) {
            return fromEvent(root, file);
        }
        return fromJsonLines(new String(bytes, StandardCharsets.UTF_8));
    }

    private static KinesisEvent fromEvent(JsonNode root, Path file) {
        JsonNode records = root.get("Records");
        if (!records.isArray()) {
            throw new IllegalArgumentException(file + ": \"Records\" is not an array");
        }
        List<KinesisEvent.KinesisEventRecord> out = new ArrayList<>();
        int index = 0;
        for (JsonNode record : records) {
            JsonNode kinesis = record.path("kinesis");
            String where = file + ": record " + index++;
            if (!kinesis.path("sequenceNumber").isTextual() || !kinesis.path("data").isTextual()) {
                throw new IllegalArgumentException(where + " has no kinesis.sequenceNumber or kinesis.data");
            }
            byte[] data;
            try {
                data = Base64.getDecoder().decode(kinesis.get("data").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": kinesis.data is not base64", e);
            }
            out.add(record(kinesis.get("sequenceNumber").asText(), data,
                    kinesis.path("partitionKey").asText(null),
                    kinesis.path("approximateArrivalTimestamp").asDouble(0),
                    record.path("eventID").asText(null), record.path("eventSourceARN").asText(null)));
        }
        return event(out);
    }

    private static KinesisEvent fromJsonLines(String text) {
        List<KinesisEvent.KinesisEventRecord> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                String sequenceNumber = Integer.toString(i + 1);
                out.add(record(sequenceNumber, lines[i].getBytes(StandardCharsets.UTF_8), null, 0,
                        "jsonl:" + sequenceNumber, null));
            }
        }
        return event(out);
    }

    private static KinesisEvent.KinesisEventRecord record(String sequenceNumber, byte[] data, String partitionKey,
                                                          double arrivalSeconds, String eventId, String sourceArn) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setSequenceNumber(sequenceNumber);
        kinesis.setData(ByteBuffer.wrap(data));
        kinesis.setPartitionKey(partitionKey);
        kinesis.setApproximateArrivalTimestamp(new Date((long) (arrivalSeconds * 1000)));
        KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
        record.setKinesis(kinesis);
        record.setEventID(eventId);
        record.setEventSourceARN(sourceArn);
        record.setEventSource("aws:kinesis");
        return record;
    }

    private static KinesisEvent event(List<KinesisEvent.KinesisEventRecord> records) {
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }
}
