package io.sentimentconsumer.redrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What Lambda writes to an on-failure destination when it gives up on a batch of a Kinesis stream: not the records,
 * only where they were (the invocation record's {@code KinesisBatchInfo}). The shape is the one the Lambda developer
 * guide documents:
 *
 * <pre>{"requestContext": {..., "condition": "RetryAttemptsExhausted", ...}, "responseContext": {...},
 *  "version": "1.0", "timestamp": "2019-11-14T00:38:06.021Z",
 *  "KinesisBatchInfo": {"shardId": "shardId-000000000001", "startSequenceNumber": "4960...4722",
 *    "endSequenceNumber": "4960...5186", "approximateArrivalOfFirstRecord": "2019-11-14T00:38:04.835Z",
 *    "approximateArrivalOfLastRecord": "2019-11-14T00:38:05.580Z", "batchSize": 500,
 *    "streamArn": "arn:aws:kinesis:us-east-2:123456789012:stream/mystream"}}</pre>
 *
 * @param batchSize    Kinesis records in the batch (a KPL aggregate counts once)
 * @param firstArrival when the range's first record reached the stream; {@code null} if the record has none
 * @param condition    why Lambda gave up ({@code RetryAttemptsExhausted}, {@code RecordAgeExceeded}, ...), or null
 */
public record FailureRecord(String shardId, String startSequenceNumber, String endSequenceNumber, int batchSize,
                            String streamArn, Instant firstArrival, String condition) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a message body; what is not a Kinesis failure record is an error that says what it lacks. */
    public static FailureRecord parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        JsonNode info = root == null ? null : root.get("KinesisBatchInfo");
        if (info == null || !info.isObject()) {
            throw new IllegalArgumentException("no KinesisBatchInfo: not a Lambda on-failure record of a Kinesis "
                    + "event source mapping");
        }
        String start = sequenceNumber(info, "startSequenceNumber");
        String end = sequenceNumber(info, "endSequenceNumber");
        if (new BigInteger(start).compareTo(new BigInteger(end)) > 0) {
            throw new IllegalArgumentException("KinesisBatchInfo.startSequenceNumber is after its endSequenceNumber");
        }
        JsonNode batchSize = info.get("batchSize");
        if (batchSize == null || !batchSize.canConvertToInt() || batchSize.asInt() < 1) {
            throw new IllegalArgumentException("KinesisBatchInfo.batchSize is missing or not a positive number");
        }
        String arn = text(info, "streamArn");
        if (!arn.startsWith("arn:") || !arn.contains(":stream/") || arn.split(":", -1).length < 6) {
            throw new IllegalArgumentException("KinesisBatchInfo.streamArn is not a Kinesis stream ARN: " + arn);
        }
        JsonNode condition = root.path("requestContext").get("condition");
        return new FailureRecord(text(info, "shardId"), start, end, batchSize.asInt(), arn,
                instant(info.get("approximateArrivalOfFirstRecord")),
                condition == null || !condition.isTextual() ? null : condition.asText());
    }

    /** The stream's name: what follows {@code :stream/} in its ARN. */
    public String streamName() {
        return streamArn.substring(streamArn.indexOf(":stream/") + ":stream/".length());
    }

    /** The stream's region: the ARN's fourth field. */
    public String region() {
        return streamArn.split(":", -1)[3];
    }

    /** Below zero before the range, zero inside it (both ends included), above zero after it. */
    public int position(String sequenceNumber) {
        BigInteger number = new BigInteger(sequenceNumber);
        if (number.compareTo(new BigInteger(startSequenceNumber)) < 0) {
            return -1;
        }
        return number.compareTo(new BigInteger(endSequenceNumber)) > 0 ? 1 : 0;
    }

    /** The range as people read it in a report. */
    public String describe() {
        return "stream " + streamName() + ", " + shardId + ", sequence numbers " + startSequenceNumber + " to "
                + endSequenceNumber + " (" + batchSize + " records)";
    }

    private static String sequenceNumber(JsonNode info, String field) {
        String value = text(info, field);
        if (!value.matches("0|[1-9]\\d{0,128}")) {
            throw new IllegalArgumentException("KinesisBatchInfo." + field + " is not a sequence number: " + value);
        }
        return value;
    }

    private static String text(JsonNode info, String field) {
        JsonNode value = info.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("KinesisBatchInfo." + field + " is missing");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
