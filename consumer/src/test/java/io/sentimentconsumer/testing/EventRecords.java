package io.sentimentconsumer.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The records of a Lambda Kinesis event as the tests read them back. */
public record EventRecords(JsonNode event, List<Kinesis> records) {

    public record Kinesis(JsonNode record, String sequenceNumber, String partitionKey, String base64, byte[] data,
            BigDecimal arrival) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public static EventRecords parse(String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(eventJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Kinesis> records = new ArrayList<>();
        for (JsonNode record : event.get("Records")) {
            JsonNode kinesis = record.get("kinesis");
            String base64 = kinesis.get("data").asText();
            records.add(new Kinesis(record, kinesis.get("sequenceNumber").asText(),
                    kinesis.get("partitionKey").asText(), base64, Base64.getDecoder().decode(base64),
                    kinesis.get("approximateArrivalTimestamp").decimalValue()));
        }
        return new EventRecords(event, records);
    }
}
