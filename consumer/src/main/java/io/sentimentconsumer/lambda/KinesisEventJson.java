package io.sentimentconsumer.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sentimentconsumer.ingest.InputRecord;
import io.sentimentconsumer.ingest.RecordOrigin;
import java.math.BigDecimal;
import java.time.Instant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Kinesis event as the event source mapping delivers it, read from the invocation's bytes with Jackson:
 * {@code {"Records":[{"kinesis":{"sequenceNumber","data" (base64),"partitionKey",...},"eventID",
 * "eventSourceARN",...}]}}. This is the one way into the handler: Lambda's runtime hands it the raw payload, and
 * {@code replay} hands it a file's bytes, so a test event that replays here is read exactly as Lambda's would be.
 *
 * <p>The runtime's own POJO serializer is not used: for {@code KinesisEvent} it loads Joda-Time from the function's
 * class path and fails without it, and it reflects over the events library at cold start.
 */
public final class KinesisEventJson {

    /**
     * One record of the event; {@code data} is the record's payload, decoded from base64.
     *
     * @param approximateArrival {@code kinesis.approximateArrivalTimestamp}, when the event has it
     */
    public record Record(String sequenceNumber, byte[] data, String partitionKey, String eventId,
                         String eventSourceArn, Instant approximateArrival) {

        /** A record without an arrival time (a hand-made event's). */
        public Record(String sequenceNumber, byte[] data, String partitionKey, String eventId,
                      String eventSourceArn) {
            this(sequenceNumber, data, partitionKey, eventId, eventSourceArn, null);
        }

        /**
         * The pipeline's record; its source names the stream and shard, so a redelivery is recognised, and its
         * origin names them for the results datasets.
         */
        public InputRecord toInput() {
            return new InputRecord(sequenceNumber, data, source(), origin());
        }

        /**
         * The stream's name (the ARN's last part), the shard and the arrival time; {@code null} when the event lacks
         * one of them: Lambda's events never do.
         */
        public RecordOrigin origin() {
            String shardId = shardId();
            int stream = eventSourceArn == null ? -1 : eventSourceArn.indexOf(":stream/");
            if (shardId == null || stream < 0 || approximateArrival == null) {
                return null;
            }
            return RecordOrigin.of(eventSourceArn.substring(stream + ":stream/".length()), shardId, sequenceNumber,
                    approximateArrival);
        }

        private String shardId() {
            return eventId == null || eventId.indexOf(':') <= 0 ? null : eventId.substring(0, eventId.indexOf(':'));
        }

        /**
         * {@code <stream ARN>/<shard id>}, the shard taken from the event id ({@code shardId-...:<sequence number>});
         * {@code null} when the event does not say.
         */
        public String source() {
            if (eventSourceArn == null || shardId() == null) {
                return null;
            }
            return eventSourceArn + "/" + shardId();
        }
    }

    private static final ObjectReader READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readerFor(Event.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Event(List<EventRecord> Records) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record EventRecord(Kinesis kinesis, String eventID, String eventSourceARN) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Kinesis(String sequenceNumber, String data, String partitionKey,
                           BigDecimal approximateArrivalTimestamp) {}

    private static final JsonFactory WRITER = new JsonFactory();

    /** Lambda writes the arrival time as seconds since the epoch, with a fraction: {@code 1768478986.351}. */
    private static Instant arrival(BigDecimal seconds) {
        if (seconds == null) {
            return null;
        }
        return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact());
    }

    private KinesisEventJson() {}

    /**
     * Writes records in the event's shape, with the fields this reader uses (sequence number, base64 data, partition
     * key, arrival time, event id, source ARN; null ones left out): for {@code replay} of JSON Lines and for
     * SnapStart priming, which then go through {@link #read} like any invocation.
     */
    public static byte[] write(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * records.size() + 16);
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (Record record : records) {
                json.writeStartObject();
                json.writeObjectFieldStart("kinesis");
                json.writeStringField("sequenceNumber", record.sequenceNumber());
                json.writeBinaryField("data", record.data());
                if (record.partitionKey() != null) {
                    json.writeStringField("partitionKey", record.partitionKey());
                }
                if (record.approximateArrival() != null) {
                    // Seconds since the epoch with milliseconds, as Lambda writes it.
                    json.writeNumberField("approximateArrivalTimestamp",
                            BigDecimal.valueOf(record.approximateArrival().toEpochMilli(), 3));
                }
                json.writeEndObject();
                json.writeStringField("eventSource", "aws:kinesis");
                if (record.eventId() != null) {
                    json.writeStringField("eventID", record.eventId());
                }
                if (record.eventSourceArn() != null) {
                    json.writeStringField("eventSourceARN", record.eventSourceArn());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads an event. A payload that is not a Kinesis event, or a record without a sequence number or data, is
     * an error for the whole invocation: without a sequence number a record cannot be handed back, and Lambda never
     * sends one, so such a payload means the function is wired to the wrong source.
     *
     * @throws IllegalArgumentException naming what is wrong and where
     */
    public static List<Record> read(InputStream payload) throws IOException {
        Event event;
        try {
            event = READER.readValue(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The invocation payload is not a Kinesis event: "
                    + e.getOriginalMessage() + ". Fix: invoke the function through a Kinesis event source mapping "
                    + "(or a test event of that shape)", e);
        }
        if (event == null || event.Records() == null) {
            throw new IllegalArgumentException("The invocation payload has no \"Records\" array: it is not a "
                    + "Kinesis event. Fix: invoke the function through a Kinesis event source mapping (or a test "
                    + "event of that shape)");
        }
        List<Record> records = new ArrayList<>(event.Records().size());
        Base64.Decoder base64 = Base64.getDecoder();
        for (int i = 0; i < event.Records().size(); i++) {
            EventRecord record = event.Records().get(i);
            Kinesis kinesis = record == null ? null : record.kinesis();
            if (kinesis == null || kinesis.sequenceNumber() == null || kinesis.data() == null) {
                throw new IllegalArgumentException("Record " + i + " of the event has no kinesis.sequenceNumber "
                        + "or kinesis.data: it is not a Kinesis record");
            }
            byte[] data;
            try {
                data = base64.decode(kinesis.data());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Record " + i + " (sequence number " + kinesis.sequenceNumber()
                        + "): kinesis.data is not base64", e);
            }
            records.add(new Record(kinesis.sequenceNumber(), data, kinesis.partitionKey(), record.eventID(),
                    record.eventSourceARN(), arrival(kinesis.approximateArrivalTimestamp())));
        }
        return records;
    }
}
